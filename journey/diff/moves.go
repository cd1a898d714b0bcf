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
	at := func(id string) (int, int) { return c.old.pos[c.old.stages[id]], c.new.pos[c.new.stages[id]] }
	for _, id := range moved(oldOrder, newOrder, at) {
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
		at := func(id string) (int, int) { return c.old.pos[c.old.tps[id]], c.new.pos[c.new.tps[id]] }
		for _, id := range moved(oldOrder, newOrder, at) {
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
// the old order into the new one. Of several such runs it keeps the one that holds the most
// items whose place (counted by at, 0-based, on each side) is the same on both sides, so that
// no item is said to move from a place to the same place. They are returned in newOrder's
// order.
func moved(oldOrder, newOrder []string, at func(id string) (old, new int)) []string {
	rank := make(map[string]int, len(oldOrder))
	for i, id := range oldOrder {
		rank[id] = i
	}
	ranks, stays := make([]int, len(newOrder)), make([]bool, len(newOrder))
	for i, id := range newOrder {
		ranks[i] = rank[id]
		o, n := at(id)
		stays[i] = o == n
	}
	kept := increasing(ranks, stays)
	var out []string
	for i, id := range newOrder {
		if !kept[i] {
			out = append(out, id)
		}
	}
	return out
}

// run is a strictly increasing subsequence ending at an index of xs: its length, how many
// of its items stay in place, and the index before its last (-1 for none).
type run struct {
	length, stays, prev, last int
}

// better reports whether run r is longer than s, or as long with more items in place.
func (r run) better(s run) bool {
	return r.length > s.length || r.length == s.length && r.stays > s.stays
}

// increasing marks a longest strictly increasing subsequence of xs, a permutation of 0 to
// len(xs)-1, with the most items marked in stays, in O(n log n): a Fenwick tree over the
// values holds the best run ending at a value below each, so that large stages cost little.
func increasing(xs []int, stays []bool) []bool {
	tree := make([]run, len(xs)+1) // tree[v]: the best run ending at a value in v's range
	ends := make([]run, len(xs))
	best := run{last: -1}
	for i, x := range xs {
		r := run{prev: -1, last: i}
		for v := x; v > 0; v -= v & -v { // the best run ending below x
			if tree[v].length > 0 && !r.better(tree[v]) {
				r = run{length: tree[v].length, stays: tree[v].stays, prev: tree[v].last, last: i}
			}
		}
		r.length++
		if stays[i] {
			r.stays++
		}
		ends[i] = r
		// on a tie the later run wins, as patience sorting keeps the latest tail
		for v := x + 1; v <= len(xs); v += v & -v {
			if !tree[v].better(r) {
				tree[v] = r
			}
		}
		if !best.better(r) {
			best = r
		}
	}
	kept := make([]bool, len(xs))
	for i := best.last; i >= 0; i = ends[i].prev {
		kept[i] = true
	}
	return kept
}
