package attribution

import (
	"slices"

	"github.com/journey-cx/journey/journey"
)

// plan is the map and options compiled for the per-user loop: every touchpoint's channel
// as an index, and which models to compute.
type plan struct {
	by string
	// names are the channels in output order; direct is the index of (direct), the last.
	names  []string
	direct int32
	// of[t] is the channel of touchpoint t; goal[t] whether t is a goal.
	of   []int32
	goal []bool
	// on[k] says whether model k (an index in Models) is computed.
	on       [numModels]bool
	halfLife float64 // in nanoseconds
	lookback int64   // in nanoseconds, 0 for none
	value    bool
	column   string // the value column, for the report
}

// numModels is len(Models); model indexes follow Models.
const numModels = 6

// Model indexes, in Models order.
const (
	mFirst = iota
	mLast
	mLinear
	mPosition
	mTimeDecay
	mMarkov
)

func newPlan(m *journey.Map, opts Options) (*plan, error) {
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	p := &plan{by: opts.By, halfLife: float64(opts.HalfLife), lookback: int64(opts.Lookback), value: opts.Value,
		column: opts.ValueColumn}
	if p.by == "" {
		p.by = ByChannel
	}
	if p.halfLife <= 0 {
		p.halfLife = float64(DefaultHalfLife)
	}
	for k, name := range Models {
		p.on[k] = len(opts.Models) == 0 || slices.Contains(opts.Models, name)
	}
	p.channels(m.Touchpoints())
	return p, nil
}

// channels numbers the channels of the non-goal touchpoints: named ones in document order,
// then (none) when some touchpoint lacks the field, then (direct).
func (p *plan) channels(tps []*journey.Touchpoint) {
	keys := make([]string, len(tps))
	none := false
	for i, t := range tps {
		p.goal = append(p.goal, t.Goal)
		keys[i] = p.key(t)
		switch {
		case t.Goal:
		case keys[i] == "":
			none = true
		case !slices.Contains(p.names, keys[i]):
			p.names = append(p.names, keys[i])
		}
	}
	if none {
		p.names = append(p.names, None)
	}
	p.names = append(p.names, Direct)
	p.direct = int32(len(p.names) - 1)
	for i, t := range tps {
		k := keys[i]
		if k == "" {
			k = None
		}
		p.of = append(p.of, -1)
		if !t.Goal {
			p.of[i] = int32(slices.Index(p.names, k))
		}
	}
}

// key is the field of t that --by names, "" when t has none.
func (p *plan) key(t *journey.Touchpoint) string {
	switch p.by {
	case ByOwner:
		return t.Owner
	case ByStage:
		if t.Stage != nil {
			return t.Stage.ID
		}
		return ""
	case ByTouchpoint:
		return t.ID
	}
	return t.Channel
}
