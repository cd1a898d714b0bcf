package analysis

import "slices"

// Report is the result of joining event files to a map. Its JSON encoding is the contract of
// `journey analyze --format json` (SPEC section 4): ratios are unrounded numbers in 0..1,
// durations are seconds, and a value that does not exist is null (a nil pointer).
type Report struct {
	Journey       string  `json:"journey"`
	Identity      string  `json:"identity"`
	WindowSeconds float64 `json:"window_seconds"`
	// Numbers are computed over every user; their keys are inlined in the JSON.
	Numbers
	Segments []Segment `json:"segments"`
	Coverage Coverage  `json:"coverage"`
	// NoGoal says that the map has no goal touchpoint: the outputs for people then say so
	// instead of a goal rate of 0. The JSON keeps the rate SPEC section 3 defines.
	NoGoal bool `json:"-"`
}

// DropEmptySegments leaves out the segments without a user: the (none) of identities that
// have rows but no mapped one, which are no users (SPEC section 3) and so in no segment.
func (r *Report) DropEmptySegments() {
	r.Segments = slices.DeleteFunc(r.Segments, func(s Segment) bool { return s.Input.Users == 0 })
}

// Numbers are every number of a report over one set of users: the whole input, or the users
// of one segment.
type Numbers struct {
	Input       Input        `json:"input"`
	Touchpoints []Touchpoint `json:"touchpoints"`
	Transitions []Transition `json:"transitions"`
	Funnels     []Funnel     `json:"funnels"`
	Goal        Goal         `json:"goal"`
	// Cost is what the touchpoints' events cost in all; nil when no touchpoint has a cost.
	Cost *Cost       `json:"cost"`
	KPIs []KPIResult `json:"kpis"`
}

// Input counts the rows read: Rows = Mapped + Unmapped + Skipped + Filtered.
type Input struct {
	Rows     int64 `json:"rows"`
	Mapped   int64 `json:"mapped"`
	Unmapped int64 `json:"unmapped"`
	Skipped  int64 `json:"skipped"`
	Filtered int64 `json:"filtered"`
	// Users counts identities with at least one mapped row.
	Users int64 `json:"users"`
}

// Touchpoint holds the per-touchpoint numbers of SPEC section 3.
type Touchpoint struct {
	ID                  string   `json:"id"`
	Name                string   `json:"name"`
	Stage               string   `json:"stage"`
	Users               int64    `json:"users"`
	Events              int64    `json:"events"`
	RepeatUsers         int64    `json:"repeat_users"`
	Continued           int64    `json:"continued"`
	Conversion          *float64 `json:"conversion"`
	Dropoff             *float64 `json:"dropoff"`
	Exits               int64    `json:"exits"`
	MedianSecondsToNext *float64 `json:"median_seconds_to_next"`
	// Cost is Events times the touchpoint's cost in the map; nil when the map gives none.
	Cost *float64 `json:"cost"`
}

// Transition is one edge of the observed directly-follows graph.
type Transition struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Count int64  `json:"count"`
	Users int64  `json:"users"`
	OnMap bool   `json:"on_map"`
}

// Funnel is the result of one funnel.
type Funnel struct {
	ID            string  `json:"id"`
	Order         string  `json:"order"`
	WindowSeconds float64 `json:"window_seconds"`
	Steps         []Step  `json:"steps"`
}

// Step is one funnel step; Users is cumulative (users who reached this step or further).
type Step struct {
	ID                        string   `json:"id"`
	Users                     int64    `json:"users"`
	ConversionFromPrevious    *float64 `json:"conversion_from_previous"`
	ConversionFromStart       *float64 `json:"conversion_from_start"`
	Dropoff                   *int64   `json:"dropoff"`
	MeanSecondsFromPrevious   *float64 `json:"mean_seconds_from_previous"`
	MedianSecondsFromPrevious *float64 `json:"median_seconds_from_previous"`
}

// Goal is the share of users who reached any goal touchpoint.
type Goal struct {
	Users int64    `json:"users"`
	Rate  *float64 `json:"rate"`
}

// Cost answers "what does one order cost us?": the touchpoints' costs added up, and that
// total per user who reached a goal (nil when none did), in the map's currency (nil when
// the map names none).
type Cost struct {
	Total       float64  `json:"total"`
	PerGoalUser *float64 `json:"per_goal_user"`
	Currency    *string  `json:"currency"`
}

// KPIResult is one KPI target checked against its measured value.
type KPIResult struct {
	Touchpoint string   `json:"touchpoint"`
	Metric     string   `json:"metric"`
	Min        *float64 `json:"min,omitempty"`
	Max        *float64 `json:"max,omitempty"`
	Value      *float64 `json:"value"`
	OK         bool     `json:"ok"`
}

// Segment holds every number computed over the users of one value of the --by column.
type Segment struct {
	Column string `json:"column"`
	Value  string `json:"value"`
	Numbers
}

// Coverage tells a consultant how much of the data the map explains before they trust it.
type Coverage struct {
	// UnmatchedTouchpoints are the ids of touchpoints that no row mapped to.
	UnmatchedTouchpoints []string `json:"unmatched_touchpoints"`
	// UnmappedEvents are the most frequent event names that matched no touchpoint (the top
	// events.MostUnmapped, those first in byte order among names with as many rows).
	UnmappedEvents []EventCount `json:"unmapped_events"`
	// Skipped are the first few rows that were skipped, with where and why.
	Skipped []RowProblem `json:"skipped"`
	// Warnings are file-level notices (a header-only file, implausible times...).
	Warnings []RowProblem `json:"warnings"`
}

// EventCount is an event name and how many rows carried it.
type EventCount struct {
	Event string `json:"event"`
	Count int64  `json:"count"`
}
