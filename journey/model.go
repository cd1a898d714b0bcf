package journey

import (
	"slices"
	"sync"
	"time"
)

// DefaultWindow is the conversion window used when neither a flag nor the map sets one.
const DefaultWindow = 14 * 24 * time.Hour

// Node records where an element and each of its keys appear in the source, so that lint rules
// and later checks can point at the exact line and column.
type Node struct {
	Pos Pos
	// Keys maps a key name to the position of its value.
	Keys map[string]Pos
}

// At returns the position of key's value, or the element's own position when the key is
// absent.
func (n Node) At(key string) Pos {
	if p, ok := n.Keys[key]; ok {
		return p
	}
	return n.Pos
}

// Map is one customer journey map, loaded from one file.
type Map struct {
	Node
	File        string
	Version     int
	ID          string
	Title       string
	Description string
	Owner       string
	// Window is the map's default conversion window; zero when the map sets none.
	Window time.Duration
	// Identity is the default identity column of event files; empty when the map sets none.
	Identity string
	// Language is the language of the map's pictures, reports and tables ("en" or "nl");
	// empty when the map sets none (English).
	Language string
	// Currency is the ISO 4217 code of the touchpoints' costs; empty when the map sets none.
	Currency string
	Persona  *Persona
	Stages   []*Stage
	// Funnels are the funnels the map declares; see EffectiveFunnels for the defaulted list.
	Funnels []*Funnel

	// flowOnce guards flow, the successors of every touchpoint, built on the first NextOf.
	flowOnce sync.Once
	flow     map[*Touchpoint][]*Touchpoint
}

// Persona is the customer the map is drawn for.
type Persona struct {
	Node
	Name         string
	Description  string
	Goals        []string
	Frustrations []string
}

// Stage is an ordered phase of the journey, drawn as a column.
type Stage struct {
	Node
	ID          string
	Name        string
	Goal        string
	Touchpoints []*Touchpoint
}

// Touchpoint is one interaction between the customer and the organisation.
type Touchpoint struct {
	Node
	ID            string
	Name          string
	Channel       string
	Owner         string
	Systems       []string
	Description   string
	Expectation   string
	Duration      time.Duration
	Emotion       *int
	Feeling       string
	Pains         []string
	Gains         []string
	MomentOfTruth bool
	Opportunities []string
	Goal          bool
	// Cost is what one event at the touchpoint costs the organisation (a call, a letter, a
	// visit), in the map's currency; nil when the map gives none.
	Cost   *float64
	Events []Matcher
	// Next lists the ids of the touchpoints the flow continues to. It is nil when the file
	// omits `next` (the flow then goes to the following touchpoint in document order) and
	// an empty non-nil slice for an explicit `next: []`.
	Next []string
	KPIs []KPI
	// Stage is the stage that holds the touchpoint.
	Stage *Stage
	// Index is the touchpoint's position in document order across all stages.
	Index int
}

// Matcher selects rows of an event file: rows whose event column equals Event and whose
// columns satisfy every Where condition.
type Matcher struct {
	Node
	Event string
	Where []Where
}

// Where is one column condition of a matcher: the column's text equals one of Values.
type Where struct {
	Column string
	Values []string
}

// KPI is a target on one metric of a touchpoint.
type KPI struct {
	Node
	Metric string
	Min    *float64
	Max    *float64
}

// Funnel order kinds, as written in the map.
const (
	Ordered   = "ordered"
	Strict    = "strict"
	Unordered = "unordered"
)

// Funnel is a sequence of steps (touchpoint or stage ids) whose conversion is measured.
type Funnel struct {
	Node
	ID    string
	Steps []string
	// Window is the funnel's own window; zero when it sets none.
	Window  time.Duration
	Order   string
	Exclude []Exclusion
}

// Exclusion drops users who do a matching event inside the funnel window.
type Exclusion struct {
	Matcher
	// From and To are the 1-based step range the exclusion applies between; both zero
	// means the whole funnel.
	From, To int
}

// Touchpoints returns every touchpoint in document order.
func (m *Map) Touchpoints() []*Touchpoint {
	var out []*Touchpoint
	for _, s := range m.Stages {
		out = append(out, s.Touchpoints...)
	}
	return out
}

// Touchpoint returns the touchpoint with the given id, or nil.
func (m *Map) Touchpoint(id string) *Touchpoint {
	for _, s := range m.Stages {
		for _, t := range s.Touchpoints {
			if t.ID == id {
				return t
			}
		}
	}
	return nil
}

// Stage returns the stage with the given id, or nil.
func (m *Map) Stage(id string) *Stage {
	for _, s := range m.Stages {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// NextOf returns the touchpoints the flow continues to from t: its explicit `next` list, or
// the following touchpoint in document order when `next` is omitted (none for the last).
// Ids that name no touchpoint are left out; lint reports them. An id the list repeats is
// one successor, in its first place. The first call indexes the
// whole flow, so later calls are cheap: the map's stages and touchpoints must not change
// after it. The slice returned is shared and must not be modified.
func (m *Map) NextOf(t *Touchpoint) []*Touchpoint {
	return m.successors()[t]
}

// successors returns what NextOf returns for every touchpoint, built once.
func (m *Map) successors() map[*Touchpoint][]*Touchpoint {
	m.flowOnce.Do(func() { m.flow = buildFlow(m.Touchpoints()) })
	return m.flow
}

// buildFlow resolves the successors of every touchpoint in all, in document order, with one
// id index (the first touchpoint of an id wins, as in Touchpoint).
func buildFlow(all []*Touchpoint) map[*Touchpoint][]*Touchpoint {
	byID := make(map[string]*Touchpoint, len(all))
	for _, t := range all {
		if _, dup := byID[t.ID]; !dup {
			byID[t.ID] = t
		}
	}
	next := make(map[*Touchpoint][]*Touchpoint, len(all))
	for i, t := range all {
		if t.Next == nil {
			if i+1 < len(all) {
				next[t] = all[i+1 : i+2 : i+2]
			}
			continue
		}
		for _, id := range t.Next {
			if n := byID[id]; n != nil && !slices.Contains(next[t], n) {
				next[t] = append(next[t], n)
			}
		}
	}
	return next
}

// EffectiveWindow returns the window that applies to f: override when non-zero (the
// --window flag), else the funnel's own, else the map's, else DefaultWindow. A nil f asks
// for the map-level window.
func (m *Map) EffectiveWindow(f *Funnel, override time.Duration) time.Duration {
	switch {
	case override > 0:
		return override
	case f != nil && f.Window > 0:
		return f.Window
	case m.Window > 0:
		return m.Window
	}
	return DefaultWindow
}

// HasGoal reports whether a touchpoint of the map is a goal.
func (m *Map) HasGoal() bool {
	return slices.ContainsFunc(m.Touchpoints(), func(t *Touchpoint) bool { return t.Goal })
}

// EffectiveFunnels returns the map's funnels, or, when it declares none, one ordered funnel
// with id "stages" whose steps are the stages in order.
func (m *Map) EffectiveFunnels() []*Funnel {
	if len(m.Funnels) > 0 {
		return m.Funnels
	}
	f := &Funnel{ID: "stages", Order: Ordered}
	for _, s := range m.Stages {
		f.Steps = append(f.Steps, s.ID)
	}
	return []*Funnel{f}
}
