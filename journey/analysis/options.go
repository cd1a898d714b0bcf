package analysis

import (
	"fmt"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// Options tune an analysis.
type Options struct {
	// Window, when non-zero, overrides every window of the map (the --window flag).
	Window time.Duration
	// By names the segment column (--by); empty for no segments. The log's users carry the
	// values (events.User.Segment).
	By string
	// Identity names the identity column, echoed in the report.
	Identity string
	// Workers is how many goroutines share the users; 0 means runtime.GOMAXPROCS(0), as
	// events.Read uses.
	Workers int
}

// maxExclusions is how many exclusion matchers an events.Log can flag (Event.Exclude bits).
const maxExclusions = 32

// Prepare fills the parts of events.Options that come from the map: the touchpoints'
// matchers in document order, the funnels' exclusion matchers (bit i of Event.Exclude is the
// i-th exclusion of EffectiveFunnels, in order) and whether unmapped rows must be kept
// (strict funnels need them).
func Prepare(m *journey.Map, opts *events.Options) error {
	opts.Touchpoints = opts.Touchpoints[:0]
	for _, t := range m.Touchpoints() {
		opts.Touchpoints = append(opts.Touchpoints, t.Events)
	}
	opts.Exclusions = opts.Exclusions[:0]
	opts.KeepUnmapped = false
	for _, f := range m.EffectiveFunnels() {
		for _, x := range f.Exclude {
			opts.Exclusions = append(opts.Exclusions, x.Matcher)
		}
		opts.KeepUnmapped = opts.KeepUnmapped || f.Order == journey.Strict
	}
	if n := len(opts.Exclusions); n > maxExclusions {
		return fmt.Errorf("the map's funnels have %d exclusions; at most %d are supported", n, maxExclusions)
	}
	return nil
}
