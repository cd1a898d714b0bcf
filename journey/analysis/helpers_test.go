package analysis

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
	"github.com/journey-cx/journey/journey/events"
)

// newMap builds a map whose stages hold the given touchpoint ids (analysistest.NewMap).
func newMap(stages ...[]string) *journey.Map { return analysistest.NewMap(stages...) }

// funnel adds a funnel to m and returns it.
func funnel(m *journey.Map, id, order string, window time.Duration, steps ...string) *journey.Funnel {
	f := &journey.Funnel{ID: id, Order: order, Window: window, Steps: steps}
	m.Funnels = append(m.Funnels, f)
	return f
}

// newLog builds a log from users written as "id[/segment]: event event...", where an
// event is "touchpoint@seconds", optionally "+N" nanoseconds and "!B" for exclusion bits
// B (a decimal mask); touchpoint "-" is an unmapped row.
func newLog(t *testing.T, m *journey.Map, users ...string) *events.Log {
	t.Helper()
	log := &events.Log{Unmapped: map[string]int64{}}
	var us []user
	for _, line := range users {
		head, body, _ := strings.Cut(line, ":")
		id, seg, _ := strings.Cut(strings.TrimSpace(head), "/")
		u := user{ID: id, Segment: seg}
		for _, tok := range strings.Fields(body) {
			e := parseEvent(t, m, tok)
			u.Events = append(u.Events, e)
			u.Counts.Rows++
			if e.Touchpoint < 0 {
				u.Counts.Unmapped++
				log.Unmapped["other"]++
			} else {
				u.Counts.Mapped++
			}
		}
		slices.SortStableFunc(u.Events, func(a, b events.Event) int { return compare(a.Time, b.Time) })
		log.Counts.Rows += int64(u.Counts.Rows)
		log.Counts.Mapped += int64(u.Counts.Mapped)
		log.Counts.Unmapped += int64(u.Counts.Unmapped)
		us = append(us, u)
	}
	slices.SortFunc(us, func(a, b user) int { return strings.Compare(a.ID, b.ID) })
	for _, u := range us {
		log.Append(u.ID, u.Segment, u.Events, u.Counts)
	}
	return log
}

// user is one user of a log being built.
type user struct {
	ID, Segment string
	Events      []events.Event
	Counts      events.UserCounts
}

// usersOf returns every user of log, in order.
func usersOf(log *events.Log) []user {
	out := make([]user, log.NumUsers())
	for i := range out {
		out[i] = user{ID: log.UserID(i), Segment: log.Segment(i), Events: log.AppendEvents(nil, i), Counts: log.UserCounts(i)}
	}
	return out
}

func compare(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func parseEvent(t *testing.T, m *journey.Map, tok string) events.Event {
	t.Helper()
	name, rest, ok := strings.Cut(tok, "@")
	if !ok {
		t.Fatalf("event %q: want touchpoint@seconds", tok)
	}
	e := events.Event{Touchpoint: -1}
	if name != "-" {
		tp := m.Touchpoint(name)
		if tp == nil {
			t.Fatalf("event %q: no touchpoint %q", tok, name)
		}
		e.Touchpoint = int32(tp.Index)
	}
	rest, bits, _ := strings.Cut(rest, "!")
	if bits != "" {
		b, err := strconv.ParseUint(bits, 10, 32)
		if err != nil {
			t.Fatal(err)
		}
		e.Exclude = uint32(b)
	}
	secs, nanos, _ := strings.Cut(rest, "+")
	s, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	e.Time = s * 1e9
	if nanos != "" {
		ns, err := strconv.ParseInt(nanos, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		e.Time += ns
	}
	return e
}

func ptr[T any](v T) *T { return &v }

// sealed returns a sealed gap list of gaps.
func sealed(gaps ...int64) *gapList {
	var g gapList
	for _, v := range gaps {
		g.add(v)
	}
	g.seal()
	return &g
}

// all returns the list's gaps in nanoseconds, in no particular order.
func (g *gapList) all() []int64 {
	var out []int64
	g.seal()
	for _, c := range g.nano.done {
		out = append(out, c...)
	}
	for _, c := range g.short.done {
		for _, s := range c {
			out = append(out, int64(s)*1e9)
		}
	}
	for _, c := range g.secs.done {
		for _, s := range c {
			out = append(out, int64(s)*1e9)
		}
	}
	return out
}
