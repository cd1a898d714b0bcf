package diff

import (
	"github.com/journey-cx/journey/journey"
)

// stageMoves records the stages whose place among the stages both sides have changed: the
// fewest stages whose moving explains the new order, the others keeping theirs.
func (c *comparer) stageMoves() {
	var oldOrder, newOrder []string
	for _, s := range c.old.m.Stages {
		if c.old.stages[s.ID] == s && c.new.stages[s.ID] != nil {
			oldOrder = append(oldOrder, s.ID)
		}
	}
	for _, s := range c.new.m.Stages {
		if c.new.stages[s.ID] == s && c.old.stages[s.ID] != nil {
			newOrder = append(newOrder, s.ID)
		}
	}
	for _, id := range moved(oldOrder, newOrder) {
		c.add(Change{Entity: EntityStage, ID: id, Kind: Moved, Field: "position",
			Old: c.old.pos[c.old.stages[id]] + 1, New: c.new.pos[c.new.stages[id]] + 1, Stage: id})
	}
}

// touchpointMoves records, in every stage both sides have, the touchpoints whose order
// among the stage's touchpoints that both sides have there changed: the fewest whose moving
// explains the new order. A touchpoint that moved to another stage has a stage record
// instead.
func (c *comparer) touchpointMoves() {
	for _, s := range c.new.m.Stages {
		o := c.old.stages[s.ID]
		if o == nil || c.new.stages[s.ID] != s {
			continue
		}
		both := func(t *journey.Touchpoint) bool {
			ot, nt := c.old.tps[t.ID], c.new.tps[t.ID]
			return ot != nil && nt != nil && ot.Stage.ID == s.ID && nt.Stage.ID == s.ID
		}
		oldOrder := ids(o.Touchpoints, func(t *journey.Touchpoint) bool { return c.old.tps[t.ID] == t && both(t) })
		newOrder := ids(s.Touchpoints, func(t *journey.Touchpoint) bool { return c.new.tps[t.ID] == t && both(t) })
		for _, id := range moved(oldOrder, newOrder) {
			c.add(Change{Entity: EntityTouchpoint, ID: id, Kind: Moved, Field: "position",
				Old: c.old.pos[c.old.tps[id]] + 1, New: c.new.pos[c.new.tps[id]] + 1, Stage: s.ID, Touchpoint: id})
		}
	}
}

// ids returns the ids of the touchpoints that keep says to keep, in order.
func ids(ts []*journey.Touchpoint, keep func(*journey.Touchpoint) bool) []string {
	var out []string
	for _, t := range ts {
		if keep(t) {
			out = append(out, t.ID)
		}
	}
	return out
}

// moved returns the ids of newOrder, a reordering of oldOrder (distinct ids), that are not
// in a longest run keeping their old relative order: the fewest items whose moving turns
// the old order into the new one. They are returned in newOrder's order.
func moved(oldOrder, newOrder []string) []string {
	rank := make(map[string]int, len(oldOrder))
	for i, id := range oldOrder {
		rank[id] = i
	}
	ranks := make([]int, len(newOrder))
	for i, id := range newOrder {
		ranks[i] = rank[id]
	}
	kept := increasing(ranks)
	var out []string
	for i, id := range newOrder {
		if !kept[i] {
			out = append(out, id)
		}
	}
	return out
}

// increasing marks a longest strictly increasing subsequence of xs (patience sorting,
// O(n log n)), so that large stages cost little.
func increasing(xs []int) []bool {
	tails := []int{} // tails[k]: index in xs of the smallest tail of a run of length k+1
	prev := make([]int, len(xs))
	for i, x := range xs {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if xs[tails[mid]] < x {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[i] = -1
		if lo > 0 {
			prev[i] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	kept := make([]bool, len(xs))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			kept[i] = true
		}
	}
	return kept
}
