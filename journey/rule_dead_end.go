package journey

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The dead-end rule checks that the flow ends only at goals or where `next: []` says it may,
// and that it leaves every loop.
func init() {
	registerRule(&Rule{
		ID:       "dead-end",
		Severity: Warning,
		Summary:  "the flow ends only at goals or where `next: []` says it may, and leaves every loop",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        goal: true
        next: [review]
      - id: review
        name: Review
`,
		Message: "touchpoint \"review\" is a dead end: the flow stops here but it is not a goal; add `goal: true`, a next, or `next: []` if the journey may end here",
		check:   checkDeadEnd,
	})
}

// checkDeadEnd reports a journey whose flow runs out at a touchpoint that is not a goal
// without saying it may end there (`next: []`), and one whose flow goes round a loop it
// never leaves, where no goal and no end is reached either.
func checkDeadEnd(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	next := m.successors()
	for _, t := range m.Touchpoints() {
		if deadEnd(t, next) {
			ds = append(ds, r.diag(m.File, t.At("id"),
				"touchpoint %q is a dead end: the flow stops here but it is not a goal; add `goal: true`, a next, or `next: []` if the journey may end here", t.ID))
		}
	}
	for _, loop := range closedLoops(m.Touchpoints(), next) {
		ds = append(ds, r.diag(m.File, loop[0].At("id"), "%s", closedLoopMessage(loop)))
	}
	return ds
}

// deadEnd reports whether the flow stops at t, which is not a goal and has no `next: []`.
func deadEnd(t *Touchpoint, next map[*Touchpoint][]*Touchpoint) bool {
	return !t.Goal && t.Next == nil && len(next[t]) == 0
}

// closedLoops returns the loops of the flow that it never leaves and that hold no goal and
// no end (`next: []`, or a dead end, reported as such): each one's touchpoints in document
// order, the loops in the order of their first touchpoints.
func closedLoops(all []*Touchpoint, next map[*Touchpoint][]*Touchpoint) [][]*Touchpoint {
	ends := map[*Touchpoint]bool{} // the touchpoints from which the flow can end
	prev := map[*Touchpoint][]*Touchpoint{}
	var queue []*Touchpoint
	for _, t := range all {
		for _, n := range next[t] {
			prev[n] = append(prev[n], t)
		}
		if t.Goal || len(next[t]) == 0 {
			ends[t], queue = true, append(queue, t)
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, p := range prev[t] {
			if !ends[p] {
				ends[p], queue = true, append(queue, p)
			}
		}
	}
	return sinkComponents(all, next, ends)
}

// sinkComponents returns the strongly connected components of the flow among the
// touchpoints not in ends that no step of the flow leaves, each in document order, in the
// order of their first touchpoints (Tarjan's algorithm). Every touchpoint not in ends has a
// next, so each such component is a loop.
func sinkComponents(all []*Touchpoint, next map[*Touchpoint][]*Touchpoint, ends map[*Touchpoint]bool) [][]*Touchpoint {
	index, low := map[*Touchpoint]int{}, map[*Touchpoint]int{}
	onStack := map[*Touchpoint]bool{}
	var stack []*Touchpoint
	var loops [][]*Touchpoint
	var visit func(t *Touchpoint)
	visit = func(t *Touchpoint) {
		index[t], low[t] = len(index), len(index)
		stack, onStack[t] = append(stack, t), true
		for _, n := range next[t] {
			if _, ok := index[n]; !ok {
				visit(n)
				low[t] = min(low[t], low[n])
			} else if onStack[n] {
				low[t] = min(low[t], index[n])
			}
		}
		if low[t] != index[t] {
			return
		}
		k := slices.Index(stack, t)
		comp := slices.Clone(stack[k:])
		stack = stack[:k]
		for _, u := range comp {
			onStack[u] = false
		}
		if closed(comp, next) {
			slices.SortFunc(comp, func(a, b *Touchpoint) int { return cmp.Compare(a.Index, b.Index) })
			loops = append(loops, comp)
		}
	}
	for _, t := range all {
		if _, ok := index[t]; !ok && !ends[t] {
			visit(t)
		}
	}
	slices.SortFunc(loops, func(a, b []*Touchpoint) int { return cmp.Compare(a[0].Index, b[0].Index) })
	return loops
}

// closed reports whether every next of the component's touchpoints is in it.
func closed(comp []*Touchpoint, next map[*Touchpoint][]*Touchpoint) bool {
	in := make(map[*Touchpoint]bool, len(comp))
	for _, t := range comp {
		in[t] = true
	}
	for _, t := range comp {
		for _, n := range next[t] {
			if !in[n] {
				return false
			}
		}
	}
	return true
}

// closedLoopMessage says that the flow goes round loop without end.
func closedLoopMessage(loop []*Touchpoint) string {
	const fix = "`goal: true`, or `next: []` if the journey may end there"
	if len(loop) == 1 {
		return fmt.Sprintf("touchpoint %q leads only to itself: the flow never reaches a goal or an end; give it another next, %s", loop[0].ID, fix)
	}
	ids := make([]string, len(loop))
	for i, t := range loop {
		ids[i] = strconv.Quote(t.ID)
	}
	return fmt.Sprintf("touchpoints %s lead only to each other: the flow never reaches a goal or an end; give one of them a next out of the loop, %s", strings.Join(ids, ", "), fix)
}
