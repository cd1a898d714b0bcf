package whatif

import (
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/markov"
)

// Absorbing states of the chain.
const (
	goal = 0
	exit = 1
)

// Model is the observed flow of one log over one map: the counted chain, and what the
// walks observed. State 0 of the chain is (start); touchpoint t is state 1+t, and only
// touchpoints some walk visits before a goal ever have transitions.
type Model struct {
	m   *journey.Map
	tps []*journey.Touchpoint
	// users walked (users with a mapped event) and how many of them ended in (goal).
	users, goalUsers int64
	// visits[t] counts the visits of touchpoint t before the walks' first goal events.
	visits []int64
	// goals[t] counts the walks that ended at goal touchpoint t.
	goals  []int64
	counts *markov.Counts
}

// Prepare fills the reading options the what-if model needs from m: only the touchpoints'
// matchers.
func Prepare(m *journey.Map, opts *events.Options) { analysis.PrepareMapping(m, opts) }

// Fit walks every user of the log, which must have been read with the options Prepare
// fills from m, on workers goroutines (0: every CPU), and counts the chain.
func Fit(m *journey.Map, log *events.Log, workers int) *Model {
	tps := m.Touchpoints()
	isGoal := make([]bool, len(tps))
	for i, t := range tps {
		isGoal[i] = t.Goal
	}
	parts := analysis.Shares(log.NumUsers(), workers, func(lo, hi int) *Model {
		part := newModel(m, tps)
		var evs []events.Event
		for i := lo; i < hi; i++ {
			evs = log.AppendEvents(evs[:0], i)
			part.walk(evs, isGoal)
		}
		return part
	})
	total := newModel(m, tps)
	for _, p := range parts {
		total.merge(p)
	}
	return total
}

func newModel(m *journey.Map, tps []*journey.Touchpoint) *Model {
	return &Model{m: m, tps: tps, visits: make([]int64, len(tps)), goals: make([]int64, len(tps)),
		counts: markov.NewCounts(1+len(tps), 2)}
}

// walk counts one user's walk: (start), their mapped touchpoints in time order, then
// (goal) at their first goal event, else (exit) after their last event.
func (md *Model) walk(evs []events.Event, isGoal []bool) {
	prev := 0
	for _, e := range evs {
		t := int(e.Touchpoint)
		if t < 0 {
			continue
		}
		if isGoal[t] {
			md.users++
			md.goalUsers++
			md.goals[t]++
			md.counts.Add(prev, md.counts.Absorbing(goal), 1)
			return
		}
		md.visits[t]++
		md.counts.Add(prev, 1+t, 1)
		prev = 1 + t
	}
	if prev != 0 {
		md.users++
		md.counts.Add(prev, md.counts.Absorbing(exit), 1)
	}
}

// merge adds o's counts to md.
func (md *Model) merge(o *Model) {
	md.users += o.users
	md.goalUsers += o.goalUsers
	for t := range md.visits {
		md.visits[t] += o.visits[t]
		md.goals[t] += o.goals[t]
	}
	md.counts.Merge(o.counts)
}

// isState reports whether touchpoint t is a state of the chain: some walk visits it.
func (md *Model) isState(t int) bool { return md.visits[t] > 0 }
