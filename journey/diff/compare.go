package diff

import (
	"github.com/journey-cx/journey/journey"
)

// Diff is what changed between two versions of a map.
type Diff struct {
	// Old and New name the sides as the user gave them: a file, "-", or REV:PATH.
	Old, New string
	// OldMap and NewMap are what Groups and the formats for people read of the versions
	// compared (see skeleton): ids, names, the stages and touchpoints in order, KPI
	// targets. One of them is nil when the map file exists on one side only.
	OldMap, NewMap *journey.Map
	// Changes are the records, sorted as SPEC section 9 orders them.
	Changes []Change
}

// Of compares the maps old and new, named oldName and newName. A nil side is a map file that
// exists on the other side only: one record of entity map, added or removed.
func Of(oldName, newName string, old, new *journey.Map) *Diff {
	d := &Diff{Old: oldName, New: newName, OldMap: skeleton(old), NewMap: skeleton(new)}
	switch {
	case old == nil && new == nil:
	case old == nil:
		d.Changes = []Change{{Entity: EntityMap, ID: new.ID, Kind: Added}}
	case new == nil:
		d.Changes = []Change{{Entity: EntityMap, ID: old.ID, Kind: Removed}}
	default:
		d.Changes = Compare(old, new)
	}
	return d
}

// MapID is the id of the map the diff is about: NEW's, or OLD's when the map was removed.
func (d *Diff) MapID() string {
	if d.NewMap != nil {
		return d.NewMap.ID
	}
	if d.OldMap != nil {
		return d.OldMap.ID
	}
	return ""
}

// IDsDiffer reports whether both sides exist and have different map ids: they were still
// compared, which the formats for people point out.
func (d *Diff) IDsDiffer() bool {
	return d.OldMap != nil && d.NewMap != nil && d.OldMap.ID != d.NewMap.ID
}

// Compare returns the changes from old to new, sorted by entity, id and field. Both maps
// must be loaded without errors; a map with duplicate ids is compared by the first of each.
func Compare(old, new *journey.Map) []Change {
	c := &comparer{old: newSide(old), new: newSide(new)}
	c.fields(EntityMap, new.ID, "", "", mapFields(old), mapFields(new))
	c.persona()
	c.stages()
	c.touchpoints()
	c.edges()
	c.funnels()
	c.kpis()
	sortChanges(c.out)
	return c.out
}

// comparer collects the changes between two sides.
type comparer struct {
	old, new *side
	out      []Change
	// scratch holds the fields of a touchpoint on each side, reused.
	scratch [2][]field
}

func (c *comparer) add(ch Change) { c.out = append(c.out, ch) }

// fields records every field of an entity whose meaning differs between old and new, which
// list the same fields in the same order.
func (c *comparer) fields(entity, id, stage, tp string, old, new []field) {
	for i, o := range old {
		n := new[i]
		if o.same(n) {
			continue
		}
		ch := Change{Entity: entity, ID: id, Kind: Changed, Field: n.name, Stage: stage, Touchpoint: tp}
		if n.list {
			ch.List = true
			ch.AddedItems, ch.RemovedItems = listDelta(o.items, n.items)
		} else {
			ch.Old, ch.New = o.value(), n.value()
		}
		c.add(ch)
	}
}

func (c *comparer) persona() {
	o, n := c.old.m.Persona, c.new.m.Persona
	switch {
	case o == nil && n == nil:
	case o == nil:
		c.add(Change{Entity: EntityPersona, ID: "persona", Kind: Added})
	case n == nil:
		c.add(Change{Entity: EntityPersona, ID: "persona", Kind: Removed})
	default:
		c.fields(EntityPersona, "persona", "", "", personaFields(o), personaFields(n))
	}
}

func (c *comparer) stages() {
	for _, s := range c.new.m.Stages {
		o := c.old.stages[s.ID]
		switch {
		case c.new.stages[s.ID] != s: // a second stage with the id
		case o == nil:
			c.add(Change{Entity: EntityStage, ID: s.ID, Kind: Added, Stage: s.ID})
		default:
			c.fields(EntityStage, s.ID, s.ID, "", stageFields(o), stageFields(s))
		}
	}
	for _, s := range c.old.m.Stages {
		if c.new.stages[s.ID] == nil && c.old.stages[s.ID] == s {
			c.add(Change{Entity: EntityStage, ID: s.ID, Kind: Removed, Stage: s.ID})
		}
	}
	c.stageMoves()
}

func (c *comparer) touchpoints() {
	for _, t := range c.new.m.Touchpoints() {
		o := c.old.tps[t.ID]
		switch {
		case c.new.tps[t.ID] != t: // a second touchpoint with the id
		case o == nil:
			c.add(Change{Entity: EntityTouchpoint, ID: t.ID, Kind: Added, Stage: t.Stage.ID, Touchpoint: t.ID})
		default:
			c.scratch[0], c.scratch[1] = touchpointFields(c.scratch[0][:0], o), touchpointFields(c.scratch[1][:0], t)
			c.fields(EntityTouchpoint, t.ID, t.Stage.ID, t.ID, c.scratch[0], c.scratch[1])
			if o.Stage.ID != t.Stage.ID {
				c.add(Change{Entity: EntityTouchpoint, ID: t.ID, Kind: Moved, Field: "stage",
					Old: o.Stage.ID, New: t.Stage.ID, Stage: t.Stage.ID, Touchpoint: t.ID})
			}
		}
	}
	for _, t := range c.old.m.Touchpoints() {
		if c.new.tps[t.ID] == nil && c.old.tps[t.ID] == t {
			c.add(Change{Entity: EntityTouchpoint, ID: t.ID, Kind: Removed, Stage: t.Stage.ID, Touchpoint: t.ID})
		}
	}
	c.touchpointMoves()
}

// edges records the flow edges, FROM->TO from the effective `next` of each side, that only
// one side has.
func (c *comparer) edges() {
	oldEdges, newEdges := c.old.edges(), c.new.edges()
	for _, e := range newEdges.list {
		if !oldEdges.has[e.key()] {
			c.add(Change{Entity: EntityEdge, ID: e.id(), Kind: Added, Stage: e.from.Stage.ID, Touchpoint: e.from.ID})
		}
	}
	for _, e := range oldEdges.list {
		if !newEdges.has[e.key()] {
			c.add(Change{Entity: EntityEdge, ID: e.id(), Kind: Removed, Stage: c.shownUnder(e.from), Touchpoint: e.from.ID})
		}
	}
}

// funnels compares the funnels the maps write; the implicit funnel over the stages is not.
func (c *comparer) funnels() {
	for _, f := range c.new.m.Funnels {
		o := c.old.funnels[f.ID]
		switch {
		case c.new.funnels[f.ID] != f:
		case o == nil:
			c.add(Change{Entity: EntityFunnel, ID: f.ID, Kind: Added})
		default:
			c.fields(EntityFunnel, f.ID, "", "", funnelFields(o), funnelFields(f))
		}
	}
	for _, f := range c.old.m.Funnels {
		if c.new.funnels[f.ID] == nil && c.old.funnels[f.ID] == f {
			c.add(Change{Entity: EntityFunnel, ID: f.ID, Kind: Removed})
		}
	}
}

// kpis compares the KPI targets, TOUCHPOINT/METRIC, the first of a metric on a touchpoint.
func (c *comparer) kpis() {
	oldKPIs, newKPIs := c.old.kpis(), c.new.kpis()
	for _, k := range newKPIs.list {
		o, ok := oldKPIs.at[[2]string{k.tp.ID, k.kpi.Metric}]
		if !ok {
			c.add(Change{Entity: EntityKPI, ID: k.id(), Kind: Added, Stage: k.tp.Stage.ID, Touchpoint: k.tp.ID})
			continue
		}
		if !sameBound(o.kpi.Min, k.kpi.Min) || !sameBound(o.kpi.Max, k.kpi.Max) {
			c.fields(EntityKPI, k.id(), k.tp.Stage.ID, k.tp.ID, kpiFields(o.kpi), kpiFields(k.kpi))
		}
	}
	for _, k := range oldKPIs.list {
		if _, ok := newKPIs.at[[2]string{k.tp.ID, k.kpi.Metric}]; !ok {
			c.add(Change{Entity: EntityKPI, ID: k.id(), Kind: Removed, Stage: c.shownUnder(k.tp), Touchpoint: k.tp.ID})
		}
	}
}

// shownUnder is the stage that the removed edges and KPI targets of OLD's touchpoint t are
// shown under: t's stage in NEW, where t is still in the map, so that every record of a
// touchpoint that moved to another stage is under one heading; OLD's when t was removed.
func (c *comparer) shownUnder(t *journey.Touchpoint) string {
	if n := c.new.tps[t.ID]; n != nil {
		return n.Stage.ID
	}
	return t.Stage.ID
}

// sameBound reports whether two KPI bounds are both missing or equal.
func sameBound(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// listDelta returns the items of new that old lacks (in new's order) and the items of old
// that new lacks (in old's order), counting an item written twice twice.
func listDelta(old, new []string) (added, removed []string) {
	return nonNil(missingFrom(new, old)), nonNil(missingFrom(old, new))
}

// missingFrom returns the items of a that b does not have, each item of b matching one of a.
func missingFrom(a, b []string) []string {
	left := map[string]int{}
	for _, s := range b {
		left[s]++
	}
	var out []string
	for _, s := range a {
		if left[s] > 0 {
			left[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}
