package page

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
)

// Page is what the report and the live view show: a map, its picture and, with event data,
// its numbers, in one language.
type Page struct {
	// Map is the journey map.
	Map *journey.Map
	// Report holds the numbers of the event data; nil when the page has none.
	Report *analysis.Report
	// Events names the event files the numbers come from, as the user gave them.
	Events []string
	// Picture is the map's picture as render draws it in SVG.
	Picture []byte
	// Lang is the page's language; nil means English.
	Lang *lang.Language
}

// view is what the templates show: every text already in the page's language and every
// number already formatted, so that the templates only place and escape.
type view struct {
	Lang        string
	W           *lang.Language
	Title       string
	Description string
	// Owner is the line naming the map's owner, empty when it has none.
	Owner       string
	Data        []string
	Persona     *journey.Persona
	Picture     template.HTML
	Slices      []string
	Touchpoints table
	Funnels     []funnel
	KPIs        table
	OffMap      table
	Coverage    []string
	// Live is set in the live view only.
	Live *liveView
}

// table is a titled table; an empty Rows leaves it out.
type table struct {
	Title string
	Head  []cell
	Rows  [][]cell
}

// cell is one table cell. Note is shown small after Text (an id); Span is the number of
// rows the cell spans (0 or 1 for one); Class styles it (num: a number, aligned right).
type cell struct {
	Text, Note, Class string
	Marks             []string
	Span              int
}

// newView prepares p for the templates.
func newView(p Page) (*view, error) {
	l := p.Lang
	if l == nil {
		l = lang.English()
	}
	m := p.Map
	pic, err := inlineSVG(p.Picture, fmt.Sprintf(l.PageMapLabelF, m.Title))
	if err != nil {
		return nil, err
	}
	v := &view{Lang: l.Tag, W: l, Title: m.Title, Description: m.Description,
		Persona: m.Persona, Picture: pic, Slices: printSlices(pic)}
	if m.Owner != "" {
		v.Owner = capital(l.OwnerLabel) + ": " + m.Owner
	}
	f := formatter{l}
	v.Touchpoints = touchpointTable(m, p.Report, f)
	if r := p.Report; r != nil {
		v.Data = dataLines(p, f)
		v.Funnels = funnels(m, r, f)
		v.KPIs = kpiTable(m, r.KPIs, f)
		v.OffMap = offMapTable(m, r.Transitions, f)
		v.Coverage = output.CoverageNotes(l, r)
	}
	return v, nil
}

// dataLines say where the numbers come from and sum them up.
func dataLines(p Page, f formatter) []string {
	r := p.Report
	lines := []string{fmt.Sprintf(f.l.PageEventsFromF, strings.Join(p.Events, ", ")), output.InputSummary(f.l, r)}
	for _, s := range []string{output.CostLine(f.l, r.Cost), output.KPISummary(f.l, r.KPIs)} {
		if s != "" {
			lines = append(lines, s)
		}
	}
	return lines
}

// name is the name of the touchpoint or stage with the given id, or the id itself.
func name(m *journey.Map, id string) string {
	if t := m.Touchpoint(id); t != nil {
		return t.Name
	}
	if s := m.Stage(id); s != nil {
		return s.Name
	}
	return id
}

// capital writes s with a capital first letter, for words that head a column.
func capital(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
