package attribution

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// channelsMap has touchpoints c1, c2 and c3 (channels one, two, three; owners sales,
// sales and none; stages first, first, second) and the goal buy, each mapped from the
// event of its id.
const channelsMap = `version: 1
id: channels
title: Channels
stages:
  - id: first
    name: First
    touchpoints:
      - {id: c1, name: C1, channel: one, owner: sales, events: [{event: c1}]}
      - {id: c2, name: C2, channel: two, owner: sales, events: [{event: c2}]}
  - id: second
    name: Second
    touchpoints:
      - {id: c3, name: C3, channel: three, events: [{event: c3}]}
      - {id: buy, name: Buy, channel: one, goal: true, events: [{event: buy}]}
`

// run attributes the users written as lines "user: event@seconds[=value] ..." over the
// map src, reading them as a CSV file the way the command does. A value makes the file
// carry an amount column, the value column of the run.
func run(t *testing.T, src string, opts Options, users ...string) *Report {
	t.Helper()
	m, ds := journey.Check("m.journey.yaml", []byte(src))
	if journey.HasErrors(ds, false) {
		t.Fatalf("map: %v", ds)
	}
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,amount\n")
	for _, u := range users {
		id, evs, _ := strings.Cut(u, ":")
		for _, e := range strings.Fields(evs) {
			name, rest, _ := strings.Cut(e, "@")
			secs, value, _ := strings.Cut(rest, "=")
			s, err := strconv.ParseInt(secs, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(id + "," + at(s) + "," + name + "," + value + "\n")
		}
	}
	eo := events.Options{}
	value := ""
	if strings.Contains(strings.Join(users, " "), "=") || opts.Value {
		value = "amount"
	}
	Prepare(m, &eo, value)
	log, err := events.Read(context.Background(), []events.Source{events.ReaderSource("e.csv", strings.NewReader(b.String()))}, eo)
	if err != nil {
		t.Fatal(err)
	}
	opts.Value = value != ""
	r, err := Attribute(m, log, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// epoch is the first second of the events in the tests: times are seconds after it.
const epoch = int64(1_700_000_000)

// at returns the time s seconds after epoch as the CSV writes it.
func at(s int64) string { return time.Unix(epoch+s, 0).UTC().Format(time.RFC3339) }

// near reports whether got equals want up to rounding.
func near(got, want float64) bool { return math.Abs(got-want) <= 1e-12 }

// credit returns the credit of model to channel ch, failing when the channel is missing.
func credit(t *testing.T, r *Report, ch, model string) float64 {
	t.Helper()
	for _, c := range r.Channels {
		if c.Channel == ch {
			v, _ := c.Credit.Get(model)
			return v
		}
	}
	t.Fatalf("no channel %q in %v", ch, r.Channels)
	return 0
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
