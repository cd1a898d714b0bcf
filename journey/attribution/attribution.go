package attribution

import (
	"fmt"
	"slices"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
)

// The models, as --model names them.
const (
	First     = "first"
	Last      = "last"
	Linear    = "linear"
	Position  = "position"
	TimeDecay = "time-decay"
	Markov    = "markov"
)

// Models are every model, in the order the outputs show them.
var Models = []string{First, Last, Linear, Position, TimeDecay, Markov}

// What touches can be grouped by (--by).
const (
	ByChannel    = "channel"
	ByOwner      = "owner"
	ByStage      = "stage"
	ByTouchpoint = "touchpoint"
)

// Dimensions are the values of --by, the default first.
var Dimensions = []string{ByChannel, ByOwner, ByStage, ByTouchpoint}

// Pseudo-channels: None for a touchpoint without the field --by names, Direct for the one
// touch of a converting path left without touches.
const (
	None   = "(none)"
	Direct = "(direct)"
)

// DefaultHalfLife is the time-decay model's half-life when Options sets none.
const DefaultHalfLife = 7 * 24 * time.Hour

// Options tune an attribution.
type Options struct {
	// By is what touches are grouped by (Dimensions); empty means channel.
	By string
	// Models are the models to compute, in any order; nil means all.
	Models []string
	// HalfLife is the time-decay model's half-life; zero means DefaultHalfLife.
	HalfLife time.Duration
	// Lookback, when non-zero, keeps only touches at most that long before a path's end.
	Lookback time.Duration
	// Value makes each conversion worth the log's value of its user (events.Log.Value);
	// the log must have been read with a value column (see Prepare). ValueColumn names it,
	// for the report.
	Value       bool
	ValueColumn string
	// Workers is how many goroutines share the users; 0 means every CPU.
	Workers int
}

// Prepare fills the reading options attribution needs from m: the touchpoints' matchers
// and, when value names a column, that column's cell on each user's first goal row.
func Prepare(m *journey.Map, opts *events.Options, value string) {
	analysis.PrepareMapping(m, opts)
	opts.Value, opts.ValueAt = value, nil
	if value == "" {
		return
	}
	for _, t := range m.Touchpoints() {
		opts.ValueAt = append(opts.ValueAt, t.Goal)
	}
}

// Attribute splits the conversions of the log's users over their touches. The log must
// have been read with the options Prepare fills from the same map.
func Attribute(m *journey.Map, log *events.Log, opts Options) (*Report, error) {
	p, err := newPlan(m, opts)
	if err != nil {
		return nil, err
	}
	users := log.NumUsers()
	blocks := (users + blockUsers - 1) / blockUsers
	parts := analysis.Shares(blocks, opts.Workers, func(lo, hi int) []*acc {
		w := newWalker(p, log)
		var out []*acc
		for b := lo; b < hi; b++ {
			a := newAcc(p)
			for i := b * blockUsers; i < min((b+1)*blockUsers, users); i++ {
				w.user(a, i)
			}
			out = append(out, a)
		}
		return out
	})
	total := newAcc(p)
	for _, part := range parts {
		for _, a := range part {
			total.merge(a)
		}
	}
	return report(m, p, total)
}

// blockUsers is how many users, in the log's order, are added up before their sums join
// the total, block after block in order: the credits are sums of fractions, which depend
// on the order of their terms, so the blocks, not the CPUs sharing them, set that order,
// and the numbers are the same bytes on every machine. It is a variable so that tests can
// use small blocks.
var blockUsers = 1 << 14

// checkOptions refuses an unknown dimension or model; the command checks them first, so
// this guards other callers.
func checkOptions(opts Options) error {
	if opts.By != "" && !slices.Contains(Dimensions, opts.By) {
		return fmt.Errorf("unknown dimension %q", opts.By)
	}
	for _, m := range opts.Models {
		if !slices.Contains(Models, m) {
			return fmt.Errorf("unknown model %q", m)
		}
	}
	return nil
}
