// Package analysistest holds the analysis engine's table tests in a form other engines can
// run too: FunnelCases, the maps they run on (NewMap, AddFunnel) and their users written
// as text, which CSV turns into an event file any reader can load (the CSV engine, a
// database's COPY).
package analysistest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
)

// Base is the instant that event times in users count from: 2023-11-14T22:13:20Z, well
// within the plausible years.
const Base = 1700000000

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// GoOn returns n users at touchpoint a, the first k of whom go on to b five seconds later:
// a conversion of k in n, and a drop-off of n - k in n.
func GoOn(n, k int) []string {
	users := make([]string, n)
	for i := range users {
		users[i] = fmt.Sprintf("u%d: a@0", i)
		if i < k {
			users[i] += " b@5"
		}
	}
	return users
}

// NewMap builds a map whose stages hold the given touchpoint ids, in order ("stage-1",
// "stage-2"...), with the links the loader would set. Every touchpoint matches rows whose
// event is "e" and whose column tp is its id, so that CSV's files map as the users say.
func NewMap(stages ...[]string) *journey.Map {
	m := &journey.Map{Version: 1, ID: "test", Title: "Test"}
	i := 0
	for s, ids := range stages {
		st := &journey.Stage{ID: "stage-" + strconv.Itoa(s+1), Name: "Stage " + strconv.Itoa(s+1)}
		for _, id := range ids {
			st.Touchpoints = append(st.Touchpoints, &journey.Touchpoint{ID: id, Name: strings.ToUpper(id), Stage: st, Index: i,
				Events: []journey.Matcher{{Event: "e", Where: []journey.Where{{Column: "tp", Values: []string{id}}}}}})
			i++
		}
		m.Stages = append(m.Stages, st)
	}
	return m
}

// AddFunnel adds a funnel to m and returns it. Its exclusions, when set later, match rows
// by their exclusion bits in CSV's files: see Exclusions.
func AddFunnel(m *journey.Map, id, order string, window time.Duration, steps ...string) *journey.Funnel {
	f := &journey.Funnel{ID: id, Order: order, Window: window, Steps: steps}
	m.Funnels = append(m.Funnels, f)
	return f
}

// Exclusions returns xs with matchers: the i-th matches rows whose column xI is 1, the
// rows CSV writes for events with bit i of their mask.
func Exclusions(xs []journey.Exclusion) []journey.Exclusion {
	out := make([]journey.Exclusion, len(xs))
	for i, x := range xs {
		x.Matcher = journey.Matcher{Event: "e", Where: []journey.Where{{Column: fmt.Sprintf("x%d", i), Values: []string{"1"}}}}
		out[i] = x
	}
	return out
}

// maxBits is how many exclusion columns CSV writes.
const maxBits = 4

// CSV writes users as an event file with columns user_id, timestamp, event, tp, seg and
// x0 to x3. A user is "id[/segment]: event event...", an event "touchpoint@seconds"
// (seconds after Base), optionally "+N" nanoseconds and "!B" for the exclusion bits B (a
// decimal mask); touchpoint "-" is a row that maps to no touchpoint. Rows are written in
// the order given.
func CSV(users ...string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := []string{"user_id", "timestamp", "event", "tp", "seg"}
	for i := range maxBits {
		header = append(header, fmt.Sprintf("x%d", i))
	}
	_ = w.Write(header)
	for _, line := range users {
		head, body, _ := strings.Cut(line, ":")
		id, seg, _ := strings.Cut(strings.TrimSpace(head), "/")
		for _, tok := range strings.Fields(body) {
			row, err := eventRow(tok)
			if err != nil {
				return nil, fmt.Errorf("user %q: %w", id, err)
			}
			_ = w.Write(append([]string{id, row[0], "e", row[1], seg}, row[2:]...))
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// eventRow turns "tp@seconds[+nanos][!bits]" into the time, tp and exclusion cells.
func eventRow(tok string) ([]string, error) {
	tp, rest, ok := strings.Cut(tok, "@")
	if !ok {
		return nil, fmt.Errorf("event %q: want touchpoint@seconds", tok)
	}
	if tp == "-" {
		tp = ""
	}
	rest, bits, _ := strings.Cut(rest, "!")
	secs, nanos, _ := strings.Cut(rest, "+")
	s, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("event %q: %w", tok, err)
	}
	var ns, mask int64
	if nanos != "" {
		if ns, err = strconv.ParseInt(nanos, 10, 64); err != nil {
			return nil, fmt.Errorf("event %q: %w", tok, err)
		}
	}
	if bits != "" {
		if mask, err = strconv.ParseInt(bits, 10, 64); err != nil {
			return nil, fmt.Errorf("event %q: %w", tok, err)
		}
	}
	row := []string{time.Unix(Base+s, ns).UTC().Format(time.RFC3339Nano), tp}
	for i := range maxBits {
		row = append(row, strconv.FormatInt(mask>>i&1, 10))
	}
	return row, nil
}
