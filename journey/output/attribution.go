package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/journey-cx/journey/journey/attribution"
	"github.com/journey-cx/journey/journey/lang"
)

// Attribution holds the printers of attribution reports; "table" is the default.
var Attribution Registry[*attribution.Report]

func init() {
	Attribution.Register("table", printAttributionTable)
	Attribution.Register("json", printJSON[*attribution.Report])
	Attribution.Register("csv", printAttributionCSV)
	Attribution.Register("markdown", printAttributionMarkdown)
}

// printJSON writes v as indented JSON with a trailing newline, HTML characters as they
// are.
func printJSON[T any](w io.Writer, v T, _ Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printAttributionTable writes the summary sentences and the table of credits.
func printAttributionTable(w io.Writer, r *attribution.Report, o Options) error {
	b := bufio.NewWriter(w)
	for _, line := range attributionLines(r, o.Language()) {
		fmt.Fprintln(b, termEscape(line))
	}
	if err := termTable(b, attributionSection(r, o.Language())); err != nil {
		return err
	}
	return b.Flush()
}

// printAttributionMarkdown writes the same as the table, as markdown.
func printAttributionMarkdown(w io.Writer, r *attribution.Report, o Options) error {
	b := bufio.NewWriter(w)
	for i, line := range attributionLines(r, o.Language()) {
		if i == 0 {
			fmt.Fprintf(b, "## %s\n\n", mdText(line))
			continue
		}
		fmt.Fprintf(b, "%s.\n", mdText(line))
	}
	mdTable(b, attributionSection(r, o.Language()))
	return b.Flush()
}

// attributionLines are the summary: the title, the value's column, Markov's p and who
// gets the most credit.
func attributionLines(r *attribution.Report, l *lang.Language) []string {
	lines := []string{fmt.Sprintf(l.AttributionTitleF, r.Journey, l.Count(l.ConversionsF, r.Conversions), l.Count(l.PathsF, r.Paths), dimension(l, r.By))}
	if r.ValueColumn != "" {
		lines = append(lines, fmt.Sprintf(l.AttributionValueF, l.Float(r.Value, 2), r.ValueColumn))
	}
	if r.Markov != nil {
		lines = append(lines, fmt.Sprintf(l.AttributionMarkovF, l.Percent(r.Markov.P)))
	}
	if lead := attributionLead(r, l); lead != "" {
		lines = append(lines, lead)
	}
	return lines
}

// attributionLead names the channel the headline model (Markov when computed, else the
// first model) credits most: "Markov: website gets the most credit, 41.2 of 67 (61.5%)".
func attributionLead(r *attribution.Report, l *lang.Language) string {
	if len(r.Models) == 0 || total(r) == 0 || len(r.Channels) == 0 {
		return ""
	}
	model := r.Models[len(r.Models)-1]
	if r.Markov == nil {
		model = r.Models[0]
	}
	best := r.Channels[0]
	for _, c := range r.Channels[1:] {
		if amount(r, c, model) > amount(r, best, model) {
			best = c
		}
	}
	a, all := amount(r, best, model), l.Int(r.Conversions)
	if r.ValueColumn != "" {
		all = credited(l, r, r.Value)
	}
	return fmt.Sprintf(l.AttributionLeadF, modelName(l, model), best.Channel, credited(l, r, a), all, share(l, a, total(r)))
}

// attributionSection is the table: per channel its touches and, per model, the credited
// conversions (or value) with their share of all, then Markov's removal effect.
func attributionSection(r *attribution.Report, l *lang.Language) section {
	head := []string{capitalize(dimension(l, r.By)), l.Touches}
	for _, m := range r.Models {
		head = append(head, modelName(l, m))
	}
	if r.Markov != nil {
		head = append(head, l.RemovalEffect)
	}
	rows := [][]string{head}
	for _, c := range r.Channels {
		row := []string{c.Channel, l.Int(c.Touches)}
		for _, m := range r.Models {
			a := amount(r, c, m)
			row = append(row, credited(l, r, a)+" ("+share(l, a, total(r))+")")
		}
		if r.Markov != nil {
			re, _ := r.Markov.RemovalEffects.Get(c.Channel)
			row = append(row, l.Percent(re))
		}
		rows = append(rows, row)
	}
	title := l.CreditedConversions
	if r.ValueColumn != "" {
		title = l.CreditedValue
	}
	return section{title: title, text: 1, rows: rows}
}

// amount is what model gives channel c: its value with a value column, else conversions.
func amount(r *attribution.Report, c attribution.Channel, model string) float64 {
	if r.ValueColumn != "" {
		v, _ := c.Value.Get(model)
		return v
	}
	v, _ := c.Credit.Get(model)
	return v
}

// total is what the models hand out: the value with a value column, else conversions.
func total(r *attribution.Report) float64 {
	if r.ValueColumn != "" {
		return r.Value
	}
	return float64(r.Conversions)
}

// credited writes an amount: conversions with one decimal, values with two.
func credited(l *lang.Language, r *attribution.Report, v float64) string {
	if r.ValueColumn != "" {
		return l.Float(v, 2)
	}
	return l.Float(v, 1)
}

// share writes part as a percentage of all, "-" when all is 0.
func share(l *lang.Language, part, all float64) string {
	if all == 0 {
		return missing
	}
	return l.Percent(part / all)
}

// dimension is the language's word for what touches are grouped by.
func dimension(l *lang.Language, by string) string {
	switch by {
	case attribution.ByOwner:
		return l.DimOwner
	case attribution.ByStage:
		return l.DimStage
	case attribution.ByTouchpoint:
		return l.DimTouchpoint
	}
	return l.DimChannel
}

// modelName is the language's name of a model.
func modelName(l *lang.Language, model string) string {
	return map[string]string{attribution.First: l.ModelFirst, attribution.Last: l.ModelLast,
		attribution.Linear: l.ModelLinear, attribution.Position: l.ModelPosition,
		attribution.TimeDecay: l.ModelTimeDecay, attribution.Markov: l.ModelMarkov}[model]
}

// capitalize writes s with its first letter in upper case.
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// printAttributionCSV writes one tidy table: section (summary or channel), by, channel,
// model, metric and value, so that a spreadsheet can pivot it.
func printAttributionCSV(w io.Writer, r *attribution.Report, _ Options) error {
	c := csv.NewWriter(w)
	row := func(section, channel, model, metric string, v float64) {
		c.Write([]string{section, r.By, cellText(channel), model, metric, strconv.FormatFloat(v, 'f', -1, 64)})
	}
	c.Write([]string{"section", "by", "channel", "model", "metric", "value"})
	row("summary", "", "", "paths", float64(r.Paths))
	row("summary", "", "", "conversions", float64(r.Conversions))
	row("summary", "", "", "value", r.Value)
	row("summary", "", "", "touches", float64(r.Touches))
	if r.Markov != nil {
		row("summary", "", attribution.Markov, "p", r.Markov.P)
	}
	for _, ch := range r.Channels {
		row("channel", ch.Channel, "", "touches", float64(ch.Touches))
		for i, x := range ch.Credit {
			row("channel", ch.Channel, x.Key, "credit", x.Value)
			row("channel", ch.Channel, x.Key, "value", ch.Value[i].Value)
		}
		if r.Markov != nil {
			re, _ := r.Markov.RemovalEffects.Get(ch.Channel)
			row("channel", ch.Channel, attribution.Markov, "removal_effect", re)
		}
	}
	c.Flush()
	return c.Error()
}
