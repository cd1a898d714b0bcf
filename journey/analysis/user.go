package analysis

import (
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// none marks an unset time or gap in the scratch tables.
const none = -1 << 63

// worker holds the scratch buffers one goroutine reuses for every user it processes, so
// that the per-user loops do not allocate.
type worker struct {
	p         *plan
	count     []int32 // events per touchpoint of the current user
	minGap    []int64 // shortest gap to a next touchpoint, or none
	nextAfter []int64 // time of the earliest later event at each touchpoint, or none
	grp       []int32 // events per touchpoint in the current same-time group
	touched   []int32 // touchpoints the current user has events at
	after     int32   // touchpoint of the mapped event after the current one, or -1
	pairStamp []int32 // pairStamp[a*n+b]: serial of the last user counted for a -> b
	serial    int32
	evs       []events.Event // the current user's events
	ord       orderedState
	unord     unorderedState
}

func newWorker(p *plan) *worker {
	n := len(p.tps)
	w := &worker{p: p, count: make([]int32, n), minGap: make([]int64, n), nextAfter: make([]int64, n),
		grp: make([]int32, n), pairStamp: make([]int32, n*n)}
	for i := range n {
		w.minGap[i], w.nextAfter[i] = none, none
	}
	return w
}

// user adds the numbers of the log's user i to a.
func (w *worker) user(a *acc, log *events.Log, i int) {
	a.counts.Add(log.UserCounts(i).Counts())
	w.serial++
	w.evs = log.AppendEvents(w.evs[:0], i)
	present := w.touchpoints(a, w.evs)
	if present != 0 {
		a.users++
	}
	for k, fp := range w.p.funnels {
		switch {
		case fp.starts != 0 && present&fp.starts == 0:
			// the user has no event that can start the funnel
		case fp.order == journey.Unordered:
			w.unord.run(fp, &a.funnels[k], w.evs)
		default:
			w.ord.run(fp, &a.funnels[k], w.evs)
		}
	}
}

// touchpoints adds the per-touchpoint numbers and the transitions of one user's events. It
// returns the set of touchpoints the user has events at (see presence), empty when none.
// One walk from the last event back does it all: counting, transitions (each event's to
// the mapped event after it) and continuation.
func (w *worker) touchpoints(a *acc, evs []events.Event) uint64 {
	w.after = -1
	w.continuation(a, evs)
	if len(w.touched) == 0 {
		return 0
	}
	present := presence(w.touched)
	w.flush(a)
	return present
}

// tally counts one event at tp, met walking back, and its transition to the mapped event
// after it; the first one met is the user's exit.
func (w *worker) tally(a *acc, tp int32) {
	if w.count[tp] == 0 {
		w.touched = append(w.touched, tp)
	}
	w.count[tp]++
	if w.after < 0 {
		a.tp[tp].exits++
	} else {
		pair := tp*int32(len(w.p.tps)) + w.after
		a.trCount[pair]++
		if w.pairStamp[pair] != w.serial {
			w.pairStamp[pair] = w.serial
			a.trUsers[pair]++
		}
	}
	w.after = tp
}

// presence is a set of touchpoints as a bit mask: bit t for touchpoint t, and every bit
// for a touchpoint beyond 63, so that it never claims one is missing.
func presence(tps []int32) uint64 {
	var m uint64
	for _, t := range tps {
		if t >= 64 {
			return ^uint64(0)
		}
		m |= 1 << uint(t)
	}
	return m
}

// continuation tallies the user's mapped events and finds, for each of their touchpoints,
// the shortest gap from one of its events to a later (or same-instant) event at one of its
// next touchpoints, within the window. It walks same-time groups from the last one back;
// most groups are one event, which needs no same-instant bookkeeping.
func (w *worker) continuation(a *acc, evs []events.Event) {
	for hi := len(evs); hi > 0; {
		t := evs[hi-1].Time
		lo := hi - 1
		for lo > 0 && evs[lo-1].Time == t {
			lo--
		}
		if tp := evs[lo].Touchpoint; lo == hi-1 && tp >= 0 {
			w.tally(a, tp)
			w.shortest(tp, t)
			w.nextAfter[tp] = t
		} else if lo < hi-1 {
			w.group(a, evs[lo:hi], t)
		}
		hi = lo
	}
}

// group does the work of continuation for the events of one instant t, tallied last to
// first: each event's own touchpoint counts among them only with another event of its own.
func (w *worker) group(a *acc, group []events.Event, t int64) {
	for i := len(group) - 1; i >= 0; i-- {
		if tp := group[i].Touchpoint; tp >= 0 {
			w.tally(a, tp)
			w.grp[tp]++
		}
	}
	for i := range group {
		if tp := group[i].Touchpoint; tp >= 0 {
			w.shortest(tp, t)
		}
	}
	for i := range group {
		if tp := group[i].Touchpoint; tp >= 0 {
			w.grp[tp] = 0
			w.nextAfter[tp] = t
		}
	}
}

// shortest updates minGap[tp] for an event at tp at time t.
func (w *worker) shortest(tp int32, t int64) {
	for _, nx := range w.p.next[tp] {
		self := int32(0)
		if nx == tp {
			self = 1
		}
		gap := int64(none)
		switch {
		case w.grp[nx] > self:
			gap = 0
		case w.nextAfter[nx] != none:
			gap = w.nextAfter[nx] - t
		}
		if gap != none && gap <= w.p.window && (w.minGap[tp] == none || gap < w.minGap[tp]) {
			w.minGap[tp] = gap
		}
	}
}

// flush adds the current user's per-touchpoint numbers to a and resets the scratch tables.
func (w *worker) flush(a *acc) {
	goal := false
	for _, t := range w.touched {
		x := &a.tp[t]
		x.users++
		x.events += int64(w.count[t])
		if w.count[t] > 1 {
			x.repeat++
		}
		if w.minGap[t] != none {
			x.continued++
			x.gaps.add(w.minGap[t])
		}
		goal = goal || w.p.goal[t]
		w.count[t], w.minGap[t], w.nextAfter[t] = 0, none, none
	}
	w.touched = w.touched[:0]
	if goal {
		a.goal++
	}
}
