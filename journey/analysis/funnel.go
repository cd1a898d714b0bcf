package analysis

import (
	"math/bits"
	"slices"

	"github.com/journey-cx/journey/journey/events"
)

// attempt is one way through an ordered funnel, started by an event of step 1. Its steps
// are a chain in the state's nodes, from the latest back.
type attempt struct {
	set      bool
	excluded bool
	start    int64 // time of the step-1 event
	step     int   // steps reached
	last     int32 // the node of the latest step; 0, the sentinel, before step 1
}

// node is one filled step of an attempt: when, by which event, and the node of the step
// before. Attempts that branch from one another share their common steps, so that taking a
// step costs one node instead of a copy of the attempt's steps.
type node struct {
	time   int64
	idx    int32
	parent int32
}

// orderedState runs ordered and strict funnels the way PostHog's funnel engine does:
// slots[k] is the most recent attempt that reached step k (slots[0] stands for the current
// instant), so later steps go to the most recent attempt that can still take them; the
// attempt in slot n+1 is the one that counts. nodes holds the steps of every attempt of the
// current user, after a sentinel at index 0.
type orderedState struct {
	slots []attempt
	nodes []node
	fp    *funnelPlan
	n     int
}

// run computes one user's furthest step in fp, given the user's events it looks at (see
// funnelPlan.looks), and adds it to fa.
func (s *orderedState) run(fp *funnelPlan, fa *funnelAcc, evs []events.Event) {
	s.reset(fp)
	for lo := 0; lo < len(evs) && !s.slots[fp.n].set; {
		hi := sameTime(evs, lo)
		if hi > lo+1 {
			s.group(evs, lo, hi)
		} else {
			s.slots[0] = attempt{set: true, start: evs[lo].Time}
			s.event(&evs[lo], int32(lo))
		}
		lo = hi
	}
	s.count(fa)
}

// sameTime returns the end of the run of events from evs[lo] on that share its time.
func sameTime(evs []events.Event, lo int) int {
	hi := lo + 1
	for hi < len(evs) && evs[hi].Time == evs[lo].Time {
		hi++
	}
	return hi
}

// count adds the attempt that counts, if any, to fa: its furthest step and the non-zero
// gaps between its steps.
func (s *orderedState) count(fa *funnelAcc) {
	best := &s.slots[s.n+1]
	if best.step == 0 || best.excluded {
		return
	}
	fa.furthest[best.step]++
	x := s.nodes[best.last]
	for k := best.step; k > 1; k-- {
		prev := s.nodes[x.parent]
		if g := x.time - prev.time; g != 0 {
			fa.gaps[k].add(g)
		}
		x = prev
	}
}

func (s *orderedState) reset(fp *funnelPlan) {
	s.fp, s.n = fp, fp.n
	rows := fp.n + 2
	if len(s.slots) < rows {
		s.slots = make([]attempt, rows)
	}
	clear(s.slots[:rows])
	s.nodes = append(s.nodes[:0], node{})
}

// extend makes slot dst the attempt in slot src with one more step, the node last. It
// copies field by field: a whole-struct copy through a temporary makes the CPU wait for
// the temporary's narrow stores before its wide reload (a store-forwarding stall), which
// cost more than the rest of the step.
func (s *orderedState) extend(dst, src int, last int32) {
	a, d := &s.slots[src], &s.slots[dst]
	d.set, d.excluded, d.start, d.step, d.last = a.set, a.excluded, a.start, a.step+1, last
}

// fill adds the node of an event at time t filling the step after the attempt in slot src,
// and returns it.
func (s *orderedState) fill(src int, t int64, idx int32) int32 {
	s.nodes = append(s.nodes, node{time: t, idx: idx, parent: s.slots[src].last})
	return int32(len(s.nodes) - 1)
}

// filled reports whether event idx filled one of the steps of the attempt a.
func (s *orderedState) filled(a *attempt, idx int32) bool {
	for j := a.last; j != 0; j = s.nodes[j].parent {
		if s.nodes[j].idx == idx {
			return true
		}
	}
	return false
}

// group processes the events evs[lo:hi], which share one instant and the funnel looks at.
// When they differ, they are taken in step order, each event filling at most one step of
// an attempt, and neither exclusions nor strictness apply among them.
func (s *orderedState) group(evs []events.Event, lo, hi int) {
	s.slots[0] = attempt{set: true, start: evs[lo].Time}
	if s.alike(evs[lo:hi]) {
		for i := lo; i < hi; i++ {
			s.event(&evs[i], int32(i))
		}
		return
	}
	for st := int32(1); st <= int32(s.fp.n); st++ {
		for i := lo; i < hi; i++ {
			if slices.Contains(s.fp.steps(&evs[i]), st) && !s.filled(&s.slots[st-1], int32(i)) {
				s.step(evs[i].Time, int32(i), st)
			}
		}
	}
}

// alike reports whether the events fill the same steps and match the same exclusions.
func (s *orderedState) alike(evs []events.Event) bool {
	first := &evs[0]
	for i := range evs[1:] {
		e := &evs[1+i]
		if s.fp.stepKey[e.Touchpoint+1] != s.fp.stepKey[first.Touchpoint+1] || s.fp.exclSlots(e) != s.fp.exclSlots(first) {
			return false
		}
	}
	return true
}

// event processes one event: its exclusions (unless it fills a step: an excluded event at
// the instant of a step event does not count), then its steps from the last to the first
// (so that one event never fills two steps of the same attempt), then, in strict funnels,
// drops every attempt the event does not continue.
func (s *orderedState) event(e *events.Event, idx int32) {
	steps := s.fp.steps(e)
	for m := s.fp.exclSlots(e); m != 0 && len(steps) == 0; {
		k := 63 - bits.LeadingZeros64(m)
		m &^= 1 << uint(k)
		s.exclude(k, e.Time)
	}
	for j := len(steps) - 1; j >= 0; j-- {
		s.step(e.Time, idx, steps[j])
	}
	if s.fp.strict {
		s.keepOnly(steps)
	}
}

// keepOnly drops the attempt of every slot but those of steps, which are ascending: what a
// strict funnel does after each event.
func (s *orderedState) keepOnly(steps []int32) {
	j := 0
	for k := int32(1); k <= int32(s.n); k++ {
		if j < len(steps) && steps[j] == k {
			j++
		} else {
			s.slots[k].set = false
		}
	}
}

// step lets event idx, at time t, fill step st of the most recent attempt that reached
// step st-1.
func (s *orderedState) step(t int64, idx, st int32) {
	prev, cur, best := &s.slots[st-1], &s.slots[st], &s.slots[s.n+1]
	if !prev.set || !events.Within(t, prev.start, s.fp.window) {
		return
	}
	if cur.set && cur.start == prev.start {
		return
	}
	better := int(st) > best.step || (int(st) == best.step && best.excluded)
	if !better && prev.excluded {
		return
	}
	last := s.fill(int(st-1), t, idx)
	if better {
		s.extend(s.n+1, int(st-1), last)
	}
	if !prev.excluded {
		s.extend(int(st), int(st-1), last)
	}
}

// exclude marks the attempt in slot k excluded when the excluded event falls inside its
// window, after it reached step k and before it reached step k+1.
func (s *orderedState) exclude(k int, t int64) {
	if k >= s.n {
		return
	}
	prev, nxt, best := &s.slots[k], &s.slots[k+1], &s.slots[s.n+1]
	if !prev.set || !events.Within(t, prev.start, s.fp.window) || (nxt.set && nxt.start == prev.start) || prev.excluded {
		return
	}
	prev.excluded = true
	if best.step == k && events.Within(t, best.start, s.fp.window) {
		best.excluded = true
	}
}
