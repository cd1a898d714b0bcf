package analysis

import "github.com/journey-cx/journey/journey/events"

// acc accumulates the numbers of one group of users (a segment, or everyone). Workers fill
// their own accs; merge adds them up. Everything is a count or a list of gaps, so the merged
// result does not depend on how users were split.
type acc struct {
	users   int64 // users with a mapped event
	counts  events.Counts
	goal    int64
	tp      []tpAcc
	tr      pairs // the transitions a -> b, by pair a*n+b
	funnels []funnelAcc
}

// tpAcc holds one touchpoint's counts; gaps are the shortest gaps to a next touchpoint of
// the continued users, in nanoseconds.
type tpAcc struct {
	users, events, repeat, continued, exits int64
	gaps                                    gapList
}

// funnelAcc holds one funnel's counts: furthest[k] users whose furthest step is k (1-based),
// gaps[k] the non-zero gaps from step k-1 to step k of the attempts that counted.
type funnelAcc struct {
	furthest []int64
	gaps     []gapList
}

func newAcc(p *plan) *acc {
	n := len(p.tps)
	a := &acc{tp: make([]tpAcc, n), tr: newPairs(p)}
	for _, fp := range p.funnels {
		a.funnels = append(a.funnels, funnelAcc{furthest: make([]int64, fp.n+1), gaps: make([]gapList, fp.n+1)})
	}
	return a
}

// merge adds b into a.
func (a *acc) merge(b *acc) {
	a.users += b.users
	a.goal += b.goal
	a.counts.Add(b.counts)
	for i := range a.tp {
		x, y := &a.tp[i], &b.tp[i]
		x.users += y.users
		x.events += y.events
		x.repeat += y.repeat
		x.continued += y.continued
		x.exits += y.exits
		x.gaps.merge(&y.gaps)
	}
	a.tr.merge(&b.tr)
	for i := range a.funnels {
		x, y := &a.funnels[i], &b.funnels[i]
		for k := range x.furthest {
			x.furthest[k] += y.furthest[k]
			x.gaps[k].merge(&y.gaps[k])
		}
	}
}
