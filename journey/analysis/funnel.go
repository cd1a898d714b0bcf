package analysis

import (
	"math/bits"
	"slices"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// attempt is one way through an ordered funnel, started by an event of step 1.
type attempt struct {
	set      bool
	excluded bool
	start    int64   // time of the step-1 event
	step     int     // steps reached
	times    []int64 // times[k]: time of the event that filled step k+1
	evs      []int32 // evs[k]: index of that event in the user's events
}

func (a *attempt) copyFrom(b *attempt) {
	a.set, a.excluded, a.start, a.step = b.set, b.excluded, b.start, b.step
	a.times = append(a.times[:0], b.times[:b.step]...)
	a.evs = append(a.evs[:0], b.evs[:b.step]...)
}

// orderedState runs ordered and strict funnels the way PostHog's funnel engine does:
// slots[k] is the most recent attempt that reached step k (slots[0] stands for the current
// instant), so later steps go to the most recent attempt that can still take them; max is
// the attempt that counts.
type orderedState struct {
	slots []attempt
	max   attempt
	tmp   attempt
	fp    *funnelPlan
}

// run computes one user's furthest step in fp and adds it to fa.
func (s *orderedState) run(fp *funnelPlan, fa *funnelAcc, evs []events.Event) {
	s.reset(fp)
	for lo := 0; lo < len(evs); {
		hi := lo + 1
		for hi < len(evs) && evs[hi].Time == evs[lo].Time {
			hi++
		}
		s.group(evs, lo, hi)
		if s.slots[fp.n].set {
			break
		}
		lo = hi
	}
	if s.max.step == 0 || s.max.excluded {
		return
	}
	fa.furthest[s.max.step]++
	for k := 1; k < s.max.step; k++ {
		if g := s.max.times[k] - s.max.times[k-1]; g != 0 {
			fa.gaps[k+1] = append(fa.gaps[k+1], g)
		}
	}
}

func (s *orderedState) reset(fp *funnelPlan) {
	s.fp = fp
	for len(s.slots) < fp.n+1 {
		s.slots = append(s.slots, attempt{})
	}
	for k := range s.slots {
		s.slots[k].set, s.slots[k].excluded, s.slots[k].step = false, false, 0
	}
	s.max.step, s.max.excluded, s.max.set = 0, false, false
}

// relevant reports whether the funnel looks at an event at all: strict funnels see every
// row, the others only rows that fill a step or match an exclusion.
func (s *orderedState) relevant(e *events.Event) bool {
	return s.fp.order == journey.Strict || len(s.fp.steps(e)) > 0 || s.fp.exclSlots(e) != 0
}

// group processes the events evs[lo:hi], which share one instant. When they differ, they
// are taken in step order, each event filling at most one step of an attempt, and neither
// exclusions nor strictness apply among them.
func (s *orderedState) group(evs []events.Event, lo, hi int) {
	s.slots[0] = attempt{set: true, start: evs[lo].Time, times: s.slots[0].times, evs: s.slots[0].evs}
	n, same := 0, true
	var first *events.Event
	for i := lo; i < hi; i++ {
		e := &evs[i]
		if !s.relevant(e) {
			continue
		}
		n++
		if first == nil {
			first = e
		} else if s.fp.stepKey[e.Touchpoint+1] != s.fp.stepKey[first.Touchpoint+1] || s.fp.exclSlots(e) != s.fp.exclSlots(first) {
			same = false
		}
	}
	if same {
		for i := lo; i < hi; i++ {
			if s.relevant(&evs[i]) {
				s.event(&evs[i], int32(i))
			}
		}
		return
	}
	for st := int32(1); st <= int32(s.fp.n); st++ {
		for i := lo; i < hi; i++ {
			if slices.Contains(s.fp.steps(&evs[i]), st) {
				s.step(&evs[i], int32(i), st, true)
			}
		}
	}
}

// event processes one event: its exclusions, then its steps from the last to the first (so
// that one event never fills two steps of the same attempt), then, in strict funnels, drops
// every attempt the event does not continue.
func (s *orderedState) event(e *events.Event, idx int32) {
	for m := s.fp.exclSlots(e); m != 0; {
		k := 63 - bits.LeadingZeros64(m)
		m &^= 1 << uint(k)
		s.exclude(k, e.Time)
	}
	steps := s.fp.steps(e)
	for j := len(steps) - 1; j >= 0; j-- {
		s.step(e, idx, steps[j], false)
	}
	if s.fp.order != journey.Strict {
		return
	}
	for k := 1; k <= s.fp.n; k++ {
		if !slices.Contains(steps, int32(k)) {
			s.slots[k].set = false
		}
	}
}

// step lets the event fill step st of the most recent attempt that reached step st-1.
func (s *orderedState) step(e *events.Event, idx, st int32, multi bool) {
	prev, cur := &s.slots[st-1], &s.slots[st]
	if !prev.set || e.Time-prev.start > s.fp.window {
		return
	}
	if cur.set && cur.start == prev.start {
		return
	}
	if multi && slices.Contains(prev.evs[:prev.step], idx) {
		return
	}
	s.tmp.copyFrom(prev)
	s.tmp.times = append(s.tmp.times, e.Time)
	s.tmp.evs = append(s.tmp.evs, idx)
	s.tmp.step++
	if !prev.excluded {
		cur.copyFrom(&s.tmp)
	}
	if int(st) > s.max.step || (int(st) == s.max.step && s.max.excluded) {
		s.max.copyFrom(&s.tmp)
	}
}

// exclude marks the attempt in slot k excluded when the excluded event falls inside its
// window, after it reached step k and before it reached step k+1.
func (s *orderedState) exclude(k int, t int64) {
	if k >= s.fp.n {
		return
	}
	prev, nxt := &s.slots[k], &s.slots[k+1]
	if !prev.set || t-prev.start > s.fp.window || (nxt.set && nxt.start == prev.start) || prev.excluded {
		return
	}
	prev.excluded = true
	if s.max.step == k && t-s.max.start <= s.fp.window {
		s.max.excluded = true
	}
}
