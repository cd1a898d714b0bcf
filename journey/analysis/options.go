package analysis

import (
	"fmt"
	"slices"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// Options tune an analysis.
type Options struct {
	// Window, when non-zero, overrides every window of the map (the --window flag).
	Window time.Duration
	// By names the segment column (--by); empty for no segments. The log's users carry the
	// values (events.Log.Segment).
	By string
	// Identity names the identity column, echoed in the report.
	Identity string
	// Workers is how many goroutines share the users; 0 means runtime.GOMAXPROCS(0), as
	// events.Read uses.
	Workers int
}

// Prepare fills the parts of events.Options that come from the map: the touchpoints'
// matchers in document order, the funnels' exclusion matchers (bit i of Event.Exclude is the
// i-th exclusion of EffectiveFunnels, in order) and whether unmapped rows must be kept
// (strict funnels need them).
func Prepare(m *journey.Map, opts *events.Options) error {
	PrepareMapping(m, opts)
	funnels := m.EffectiveFunnels()
	first, n := firstBits(funnels)
	if n > events.MaxExclusions {
		return fmt.Errorf("the map's funnels have %d exclusions; at most %d are supported", n, events.MaxExclusions)
	}
	opts.Exclusions = slices.Grow(opts.Exclusions[:0], n)[:n]
	opts.KeepUnmapped = false
	for i, f := range funnels {
		for j, x := range f.Exclude {
			opts.Exclusions[first[i]+j] = x.Matcher
		}
		opts.KeepUnmapped = opts.KeepUnmapped || f.Order == journey.Strict
	}
	return nil
}

// PrepareMapping fills only what maps rows to touchpoints: the touchpoints' matchers in
// document order. Commands that read mapped events and nothing else (attribution, what-if)
// read with it, keeping no exclusion bits and no unmapped rows.
func PrepareMapping(m *journey.Map, opts *events.Options) {
	opts.Touchpoints = opts.Touchpoints[:0]
	for _, t := range m.Touchpoints() {
		opts.Touchpoints = append(opts.Touchpoints, t.Events)
	}
	opts.Exclusions = opts.Exclusions[:0]
	opts.KeepUnmapped = false
}

// firstBits numbers the funnels' exclusions, in funnel order then list order: first[i] is
// the Event.Exclude bit of funnel i's first exclusion, n the number of exclusions.
func firstBits(funnels []*journey.Funnel) (first []int, n int) {
	first = make([]int, len(funnels))
	for i, f := range funnels {
		first[i] = n
		n += len(f.Exclude)
	}
	return first, n
}
