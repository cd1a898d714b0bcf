package compare

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/stats"
)

// Metric names, as the JSON writes them.
const (
	GoalRate     = "goal_rate"
	Conversion   = "conversion"
	FromStart    = "conversion_from_start"
	FromPrevious = "conversion_from_previous"
)

// DefaultAlpha is the significance level when --alpha is not given.
const DefaultAlpha = 0.05

// Report is the result of a comparison. Its JSON encoding is the contract of `journey
// compare --format json` (SPEC section 8).
type Report struct {
	Journey string `json:"journey"`
	Groups  Groups `json:"groups"`
	Rates   []Rate `json:"rates"`
	// Alpha is the significance level the rates were judged at.
	Alpha float64 `json:"-"`
}

// Groups names the two groups: the segment column and its values, or (without a column)
// the periods as given.
type Groups struct {
	Column string `json:"column,omitempty"`
	A      string `json:"a"`
	B      string `json:"b"`
}

// Rate is one rate compared: the goal rate (neither Touchpoint nor Funnel), a
// touchpoint's conversion, or a funnel step's (Step is 1-based).
type Rate struct {
	Metric     string `json:"metric"`
	Touchpoint string `json:"touchpoint,omitempty"`
	Funnel     string `json:"funnel,omitempty"`
	Step       int    `json:"step,omitempty"`
	// StepID is the funnel step's touchpoint or stage id, for people; not in the JSON.
	StepID string `json:"-"`
	stats.Comparison
}

// Label names the rate for people and messages: "goal_rate", "webshop-visit conversion",
// "activation step 3 conversion_from_start".
func (r Rate) Label() string {
	switch {
	case r.Touchpoint != "":
		return r.Touchpoint + " " + r.Metric
	case r.Funnel != "":
		return fmt.Sprintf("%s step %d %s", r.Funnel, r.Step, r.Metric)
	}
	return r.Metric
}

// Compare pairs every rate of a (the baseline) with b's at significance level alpha. a
// and b must be numbers of the same map m.
func Compare(m *journey.Map, a, b *analysis.Numbers, g Groups, alpha float64) *Report {
	r := &Report{Journey: m.ID, Groups: g, Alpha: alpha, Rates: []Rate{}}
	add := func(rt Rate, xa, na, xb, nb int64) {
		rt.Comparison = stats.Compare(xa, na, xb, nb, alpha)
		r.Rates = append(r.Rates, rt)
	}
	add(Rate{Metric: GoalRate}, a.Goal.Users, a.Input.Users, b.Goal.Users, b.Input.Users)
	for i, t := range m.Touchpoints() {
		if len(m.NextOf(t)) > 0 && i < len(a.Touchpoints) && i < len(b.Touchpoints) {
			ta, tb := a.Touchpoints[i], b.Touchpoints[i]
			add(Rate{Metric: Conversion, Touchpoint: t.ID}, ta.Continued, ta.Users, tb.Continued, tb.Users)
		}
	}
	for i := range min(len(a.Funnels), len(b.Funnels)) {
		fa, fb := a.Funnels[i].Steps, b.Funnels[i].Steps
		for k := 1; k < min(len(fa), len(fb)); k++ {
			id, step := a.Funnels[i].ID, fa[k].ID
			add(Rate{Metric: FromStart, Funnel: id, Step: k + 1, StepID: step}, fa[k].Users, fa[0].Users, fb[k].Users, fb[0].Users)
			add(Rate{Metric: FromPrevious, Funnel: id, Step: k + 1, StepID: step}, fa[k].Users, fa[k-1].Users, fb[k].Users, fb[k-1].Users)
		}
	}
	return r
}

// Significant returns the rates that changed significantly, in report order.
func (r *Report) Significant() []Rate {
	var out []Rate
	for _, rt := range r.Rates {
		if rt.Significant {
			out = append(out, rt)
		}
	}
	return out
}

// Worse returns the rates significantly lower in B, in report order: what --check fails
// on.
func (r *Report) Worse() []Rate {
	var out []Rate
	for _, rt := range r.Significant() {
		if *rt.Difference < 0 {
			out = append(out, rt)
		}
	}
	return out
}

// Error is a group that no user belongs to: a problem with the input, not the tool.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

// Segment returns the numbers of the users whose segment by column is value, from a
// report analyzed with that column; a value no user has is an *Error listing the values.
// A segment without users, as (none) is when only identities without a mapped row lack a
// value, counts as no value.
func Segment(r *analysis.Report, column, value string) (*analysis.Numbers, error) {
	var found []string
	for i := range r.Segments {
		if r.Segments[i].Input.Users == 0 {
			continue
		}
		if r.Segments[i].Value == value {
			return &r.Segments[i].Numbers, nil
		}
		found = append(found, r.Segments[i].Value)
	}
	msg := fmt.Sprintf("no user has %q in column %q", value, column)
	if s := journey.Suggest(value, found); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	if len(found) == 0 {
		return nil, &Error{msg + "; no user has a value there at all"}
	}
	q := make([]string, len(found))
	for i, v := range found {
		q[i] = fmt.Sprintf("%q", v)
	}
	return nil, &Error{msg + "; the values found: " + strings.Join(q, ", ")}
}

// ParseGroups parses --groups A,B: two different values, written as a CSV record, so that
// a value with a comma or a quote is written in double quotes ("x,y",z).
func ParseGroups(s string) (a, b string, err error) {
	r := csv.NewReader(strings.NewReader(s))
	parts, err := r.Read()
	if _, next := r.Read(); err != nil || next != io.EOF || len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", fmt.Errorf("--groups %q: expected two values A,B, the baseline first, like control,test "+
			"(as in CSV, a value with a comma or a quote in double quotes: '\"x,y\",z')", s)
	}
	if parts[0] == parts[1] {
		return "", "", fmt.Errorf("--groups %q: the two groups are the same value", s)
	}
	return parts[0], parts[1], nil
}
