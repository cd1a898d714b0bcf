package analysis

import (
	"math/bits"
	"slices"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// none marks an unset time or gap in the scratch tables.
const none = -1 << 63

// worker holds the scratch buffers one goroutine reuses for every user it processes, so
// that the per-user loops do not allocate.
type worker struct {
	p         *plan
	count     []int32        // events per touchpoint of the current user
	minGap    []int64        // shortest gap to a next touchpoint, or none
	nextAfter []int64        // time of the earliest later event at each touchpoint, or none
	grp       []int32        // events per touchpoint in the current same-time group
	seen      bitset         // touchpoints the current user has events at
	after     int32          // touchpoint of the mapped event after the current one, or -1
	serial    int32          // of the current user, which pairTally.last notes
	evs       []events.Event // the current user's events
	looked    []events.Event // those of them the current funnel looks at
	ord       orderedState
	unord     unorderedState
}

func newWorker(p *plan) *worker {
	n := len(p.tps)
	w := &worker{p: p, count: make([]int32, n), minGap: make([]int64, n), nextAfter: make([]int64, n),
		grp: make([]int32, n), seen: newBitset(n)}
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
		case fp.firstOnly && present&fp.later == 0:
			a.funnels[k].furthest[1]++
		case fp.order == journey.Unordered:
			w.unord.run(fp, &a.funnels[k], w.looks(fp))
		default:
			w.ord.run(fp, &a.funnels[k], w.looks(fp))
		}
	}
}

// looks returns the current user's events that fp looks at (see funnelPlan.looks), in
// order. It copies every event and keeps those, without a branch that random data would
// make the CPU mispredict half the time.
func (w *worker) looks(fp *funnelPlan) []events.Event {
	if fp.strict {
		return w.evs
	}
	buf := slices.Grow(w.looked[:0], len(w.evs))[:len(w.evs)]
	k := 0
	for i := range w.evs {
		buf[k] = w.evs[i]
		k += fp.looks(&w.evs[i])
	}
	w.looked = buf
	return buf[:k]
}

// touchpoints adds the per-touchpoint numbers and the transitions of one user's events. It
// returns the set of touchpoints the user has events at (see bitset.presence), empty when
// none. One walk from the last event back does it all: counting, transitions (each event's
// to the mapped event after it) and continuation.
func (w *worker) touchpoints(a *acc, evs []events.Event) uint64 {
	w.after = -1
	w.continuation(a, evs)
	present := w.seen.presence()
	if present != 0 {
		w.flush(a)
	}
	return present
}

// tally counts one event at tp, met walking back, and its transition to the mapped event
// after it; the first one met is the user's exit.
func (w *worker) tally(a *acc, tp int32) {
	w.seen.add(tp)
	w.count[tp]++
	if w.after < 0 {
		a.tp[tp].exits++
	} else {
		x := a.tr.at(tp*int32(len(w.p.tps)) + w.after)
		x.count++
		if x.last != w.serial {
			x.last = w.serial
			x.users++
		}
	}
	w.after = tp
}

// bitset is a set of touchpoints, bit t%64 of word t/64 for touchpoint t.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) add(t int32) { b[t>>6] |= 1 << uint(t&63) }

// presence returns the set as a bit mask of one word: bit t for touchpoint t, and every
// bit when it holds a touchpoint beyond 63, so that it never claims one is missing.
func (b bitset) presence() uint64 {
	if len(b) == 0 {
		return 0
	}
	for _, x := range b[1:] {
		if x != 0 {
			return ^uint64(0)
		}
	}
	return b[0]
}

// meets reports whether the sets share a touchpoint.
func (b bitset) meets(o bitset) bool {
	for i, x := range b {
		if x&o[i] != 0 {
			return true
		}
	}
	return false
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
			if w.p.window >= 0 && w.sameInstant(tp) {
				w.minGap[tp] = 0
			}
		}
	}
	for i := range group {
		if tp := group[i].Touchpoint; tp >= 0 {
			w.grp[tp] = 0
			w.nextAfter[tp] = t
		}
	}
}

// shortest updates minGap[tp] for an event at tp at time t with the events after t. As an
// unsigned number, none is above every gap within the window, so one min keeps the
// shortest.
func (w *worker) shortest(tp int32, t int64) {
	best := uint64(w.minGap[tp])
	for _, nx := range w.p.next[tp] {
		if after := w.nextAfter[nx]; after != none {
			if events.Within(after, t, w.p.window) {
				best = min(best, events.Since(after, t))
			}
		}
	}
	w.minGap[tp] = int64(best)
}

// sameInstant reports whether an event at tp, at an instant whose events grp counts, has
// one at a next touchpoint among them: of another touchpoint, or another of its own.
func (w *worker) sameInstant(tp int32) bool {
	for _, nx := range w.p.next[tp] {
		self := int32(0)
		if nx == tp {
			self = 1
		}
		if w.grp[nx] > self {
			return true
		}
	}
	return false
}

// flush adds the current user's per-touchpoint numbers to a and resets the scratch tables.
func (w *worker) flush(a *acc) {
	if w.seen.meets(w.p.goal) {
		a.goal++
	}
	for i, x := range w.seen {
		for ; x != 0; x &= x - 1 {
			t := i<<6 | bits.TrailingZeros64(x)
			w.flushOne(&a.tp[t], t)
		}
		w.seen[i] = 0
	}
}

// flushOne adds the current user's numbers of touchpoint t to x and resets its scratch.
func (w *worker) flushOne(x *tpAcc, t int) {
	x.users++
	x.events += int64(w.count[t])
	if w.count[t] > 1 {
		x.repeat++
	}
	if w.minGap[t] != none {
		x.continued++
		x.gaps.add(w.minGap[t])
	}
	w.count[t], w.minGap[t], w.nextAfter[t] = 0, none, none
}
