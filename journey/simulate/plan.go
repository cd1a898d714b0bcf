package simulate

import (
	"slices"

	"github.com/journey-cx/journey/journey"
)

// noiseEvents are the names of unmapped events users do along the way; names the map uses
// are left out, so that noise never maps to a touchpoint.
var noiseEvents = []string{"session_start", "search", "scroll", "heartbeat", "newsletter_open"}

// step is one touchpoint prepared for the walk: its row text and its transitions.
type step struct {
	tp *journey.Touchpoint
	// row is the CSV text after the time column: event name and where columns; nil when the
	// touchpoint has no matcher, so a visit leaves no row.
	row []byte
	// next are the indexes of the touchpoints the flow continues to.
	next []int
	// drop is the chance that a user stops after this touchpoint; repeat the chance that
	// the user does it twice.
	drop, repeat float64
}

// plan is a map compiled for fast walking.
type plan struct {
	columns []string
	steps   []step
	entries []int
	// noise are rows of unmapped events (and funnel exclusions) users do now and then.
	noise [][]byte
	// rows are the steps' rows, then the noise rows, for walks to name by index.
	rows [][]byte
}

// newPlan compiles m: the where columns, each touchpoint's row and transitions, the entry
// touchpoints and the noise rows.
func newPlan(m *journey.Map) *plan {
	p := &plan{columns: whereColumns(m)}
	all := m.Touchpoints()
	incoming := make([]bool, len(all))
	for _, t := range all {
		s := newStep(p.columns, t)
		for _, n := range m.NextOf(t) {
			s.next = append(s.next, n.Index)
			incoming[n.Index] = true
		}
		p.steps = append(p.steps, s)
	}
	p.entries = entries(incoming)
	p.noise = noiseRows(m, p.columns)
	for _, s := range p.steps {
		p.rows = append(p.rows, s.row)
	}
	p.rows = append(p.rows, p.noise...)
	return p
}

// newStep prepares t: its row from the first matcher, and its drop-off and repeat chances
// from its emotion (a negative emotion drops and repeats more) and goal flag.
func newStep(columns []string, t *journey.Touchpoint) step {
	s := step{tp: t, drop: 0.12, repeat: 0.06}
	if t.Emotion != nil {
		e := float64(*t.Emotion)
		s.drop -= 0.04 * e
		s.repeat -= 0.025 * e
	}
	if len(t.Events) > 0 {
		s.row = matcherRow(columns, t.Events[0])
	}
	return s
}

// entries returns the touchpoints no flow leads to, or the first one when every touchpoint
// has a way in (a map drawn as a cycle).
func entries(incoming []bool) []int {
	var out []int
	for i, in := range incoming {
		if !in {
			out = append(out, i)
		}
	}
	if len(out) == 0 && len(incoming) > 0 {
		out = []int{0}
	}
	return out
}

// whereColumns returns every column a matcher of m names, sorted.
func whereColumns(m *journey.Map) []string {
	var cols []string
	for _, ms := range matchers(m) {
		for _, w := range ms.Where {
			cols = append(cols, w.Column)
		}
	}
	slices.Sort(cols)
	return slices.Compact(cols)
}

// matchers returns the event matchers of every touchpoint and every funnel exclusion.
func matchers(m *journey.Map) []journey.Matcher {
	var out []journey.Matcher
	for _, t := range m.Touchpoints() {
		out = append(out, t.Events...)
	}
	for _, f := range m.Funnels {
		for _, x := range f.Exclude {
			out = append(out, x.Matcher)
		}
	}
	return out
}

// noiseRows returns the rows of the noise events the map does not use, then one row per
// funnel exclusion, so that exclusions happen too.
func noiseRows(m *journey.Map, columns []string) [][]byte {
	used := map[string]bool{}
	for _, ms := range matchers(m) {
		used[ms.Event] = true
	}
	var out [][]byte
	for _, name := range noiseEvents {
		if !used[name] {
			out = append(out, matcherRow(columns, journey.Matcher{Event: name}))
		}
	}
	for _, f := range m.Funnels {
		for _, x := range f.Exclude {
			out = append(out, matcherRow(columns, x.Matcher))
		}
	}
	return out
}
