package analysis

import (
	"slices"

	"github.com/journey-cx/journey/journey/events"
)

// unorderedState runs unordered funnels: per step, the times of the events assigned to it
// that are still inside the window of the latest event; the user's count is the most steps
// ever held at once.
type unorderedState struct {
	q         [][]int64 // q[k]: times assigned to step k+1, oldest first, from head[k] on
	head      []int
	completed int
	oldest    int64 // the oldest time held, when completed > 0
	max       int
	fronts    []int64
	maxGaps   []int64 // gaps between the distinct steps of the first window that reached max
}

// run computes one user's furthest step in fp, given the user's events it looks at (see
// funnelPlan.looks), and adds it to fa. Once every step is held at once, the rest of the
// events cannot change the count, nor the first window that reached it.
func (s *unorderedState) run(fp *funnelPlan, fa *funnelAcc, evs []events.Event) {
	s.reset(fp.n)
	for lo := 0; lo < len(evs) && s.max < fp.n; {
		hi, hasStep, excluded := lo, false, false
		for ; hi < len(evs) && evs[hi].Time == evs[lo].Time; hi++ {
			hasStep = hasStep || len(fp.steps(&evs[hi])) > 0
			excluded = excluded || evs[hi].Exclude&fp.exclMask != 0
		}
		switch {
		case hasStep:
			for i := lo; i < hi; i++ {
				if st := fp.steps(&evs[i]); len(st) > 0 {
					s.push(fp, st, evs[i].Time)
				}
			}
		case excluded:
			s.restart()
		}
		lo = hi
	}
	if s.max == 0 {
		return
	}
	fa.furthest[s.max]++
	for k, g := range s.maxGaps {
		if g != 0 {
			fa.gaps[k+2].add(g)
		}
	}
}

func (s *unorderedState) reset(n int) {
	for len(s.q) < n {
		s.q = append(s.q, nil)
		s.head = append(s.head, 0)
	}
	s.q, s.head = s.q[:n], s.head[:n]
	s.restart()
	s.max = 0
	s.maxGaps = s.maxGaps[:0]
}

// restart forgets every step held: an excluded event starts the user's progress over.
func (s *unorderedState) restart() {
	for k := range s.q {
		s.q[k], s.head[k] = s.q[k][:0], 0
	}
	s.completed = 0
}

// push assigns an event at time t to the one of its steps that waited longest (an empty
// step first), drops what fell out of the window, and records a new maximum.
func (s *unorderedState) push(fp *funnelPlan, steps []int32, t int64) {
	best, bestT := -1, int64(0)
	for _, st := range steps {
		k := int(st - 1)
		bt := int64(none)
		if s.head[k] < len(s.q[k]) {
			bt = s.q[k][len(s.q[k])-1]
		}
		if best < 0 || bt < bestT {
			best, bestT = k, bt
		}
	}
	if s.completed == 0 {
		s.oldest = t
	}
	if s.head[best] == len(s.q[best]) {
		s.completed++
	}
	s.q[best] = append(s.q[best], t)
	if !events.Within(t, s.oldest, fp.window) {
		s.expire(t, fp.window)
	}
	if s.completed > s.max {
		s.record()
	}
}

// expire drops the times more than window before t, and finds the oldest left.
func (s *unorderedState) expire(t, window int64) {
	s.oldest = t
	for k, q := range s.q {
		h := s.head[k]
		if h == len(q) {
			continue
		}
		for h < len(q) && !events.Within(t, q[h], window) {
			h++
		}
		if h == len(q) {
			s.completed--
			s.q[k], h = q[:0], 0
		} else {
			s.oldest = min(s.oldest, q[h])
		}
		s.head[k] = h
	}
}

// record keeps the current window as the user's best: its distinct steps' first times in
// order and the gaps between them.
func (s *unorderedState) record() {
	s.max = s.completed
	s.fronts = s.fronts[:0]
	for k := range s.q {
		if s.head[k] < len(s.q[k]) {
			s.fronts = append(s.fronts, s.q[k][s.head[k]])
		}
	}
	slices.Sort(s.fronts)
	s.maxGaps = s.maxGaps[:0]
	for i := 1; i < len(s.fronts); i++ {
		s.maxGaps = append(s.maxGaps, s.fronts[i]-s.fronts[i-1])
	}
}
