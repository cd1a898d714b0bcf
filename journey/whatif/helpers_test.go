package whatif

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// flowMap is a -> b -> c -> buy (the goal), with d off to the side: b's next is [c, d].
const flowMap = `version: 1
id: flow
title: Flow
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: Alpha, events: [{event: a}]}
      - {id: b, name: Beta, events: [{event: b}], next: [c, d]}
      - {id: c, name: Gamma, events: [{event: c}]}
      - {id: buy, name: Buy, goal: true, events: [{event: buy}]}
      - {id: d, name: Delta, events: [{event: d}], next: []}
`

// load loads a map from YAML source.
func load(t *testing.T, src string) *journey.Map {
	t.Helper()
	m, ds := journey.Check("m.journey.yaml", []byte(src))
	if journey.HasErrors(ds, false) {
		t.Fatalf("map: %v", ds)
	}
	return m
}

// observe reads users written as "user: event event ..." (one second apart, in order)
// over m the way the command does, and fits the chain.
func observe(t *testing.T, m *journey.Map, users ...string) *Model {
	t.Helper()
	var b strings.Builder
	b.WriteString("user_id,timestamp,event\n")
	for _, u := range users {
		id, evs, _ := strings.Cut(u, ":")
		for k, e := range strings.Fields(evs) {
			ts := time.Unix(1_700_000_000+int64(k), 0).UTC().Format(time.RFC3339)
			b.WriteString(id + "," + ts + "," + e + "\n")
		}
	}
	eo := events.Options{}
	Prepare(m, &eo)
	log, err := events.Read(context.Background(), []events.Source{events.ReaderSource("e.csv", strings.NewReader(b.String()))}, eo)
	if err != nil {
		t.Fatal(err)
	}
	return Fit(m, log, 0)
}

// near reports whether got equals want up to rounding.
func near(got, want float64) bool { return math.Abs(got-want) <= 1e-12 }

// visits returns the scenario's (or, with baseline, the baseline's) visits by id.
func visits(r *Report, baseline bool) map[string]float64 {
	out := map[string]float64{}
	for _, tp := range r.Touchpoints {
		out[tp.ID] = tp.Visits.Scenario
		if baseline {
			out[tp.ID] = tp.Visits.Baseline
		}
	}
	return out
}
