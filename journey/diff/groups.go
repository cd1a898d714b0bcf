package diff

import (
	"cmp"
	"slices"

	"github.com/journey-cx/journey/journey"
)

// Group is the records shown together by the formats for people: those of the map, the
// persona and the funnels, or those under one stage.
type Group struct {
	// Stage is the stage of the group, nil for the group of the map, the persona and the
	// funnels.
	Stage *StageView
	// Own are the records of the stage itself, or the records of the map-level group.
	Own []Change
	// Touchpoints are the touchpoints with records in the stage, in the union's order.
	Touchpoints []Subject
	// at indexes Touchpoints by id.
	at map[string]int
}

// Subject is a touchpoint and its records: its own, then its edges (as FROM), then its KPI
// targets.
type Subject struct {
	// ID is the touchpoint's id.
	ID string
	// Touchpoint is NEW's touchpoint of the id, else OLD's.
	Touchpoint *journey.Touchpoint
	Changes    []Change
}

// Groups arranges the changes for people: first the map, the persona and the funnels, then
// each stage in the union's order (see Union), its touchpoints in order under it. A record
// goes under its touchpoint's stage in NEW, in OLD when it is a removal.
func (d *Diff) Groups() []Group {
	top := Group{}
	tps := d.touchpoints()
	byStage := map[string]*Group{}
	var order []*Group
	for _, v := range d.union() {
		g := &Group{Stage: &v, at: map[string]int{}}
		byStage[v.Stage.ID] = g
		order = append(order, g)
	}
	for _, c := range d.Changes {
		g := byStage[c.Stage]
		switch {
		case c.Stage == "" || g == nil:
			top.Own = append(top.Own, c)
		case c.Touchpoint == "":
			g.Own = append(g.Own, c)
		default:
			g.addTo(c, tps[c.Touchpoint])
		}
	}
	var out []Group
	if len(top.Own) > 0 {
		out = append(out, top)
	}
	for _, g := range order {
		if len(g.Own)+len(g.Touchpoints) > 0 {
			g.sortTouchpoints()
			out = append(out, *g)
		}
	}
	return out
}

// union is the union of the two sides, empty when one is missing.
func (d *Diff) union() []StageView {
	if d.OldMap == nil || d.NewMap == nil {
		return nil
	}
	return Union(d.OldMap, d.NewMap)
}

// touchpoints indexes the touchpoints of both sides by id, NEW's winning.
func (d *Diff) touchpoints() map[string]*journey.Touchpoint {
	out := map[string]*journey.Touchpoint{}
	for _, m := range []*journey.Map{d.NewMap, d.OldMap} {
		if m == nil {
			continue
		}
		for _, t := range m.Touchpoints() {
			first(out, t.ID, t)
		}
	}
	return out
}

// addTo adds c to the subject of its touchpoint, which it creates when missing.
func (g *Group) addTo(c Change, t *journey.Touchpoint) {
	if i, ok := g.at[c.Touchpoint]; ok {
		g.Touchpoints[i].Changes = append(g.Touchpoints[i].Changes, c)
		return
	}
	g.at[c.Touchpoint] = len(g.Touchpoints)
	g.Touchpoints = append(g.Touchpoints, Subject{ID: c.Touchpoint, Touchpoint: t, Changes: []Change{c}})
}

// sortTouchpoints puts the subjects in the order of the stage's touchpoints in the union;
// a subject the stage does not hold (the FROM of a removed edge that moved elsewhere) comes
// last, in record order.
func (g *Group) sortTouchpoints() {
	rank := map[string]int{}
	for i, t := range g.Stage.Touchpoints {
		if _, dup := rank[t.Touchpoint.ID]; !dup {
			rank[t.Touchpoint.ID] = i
		}
	}
	key := func(s Subject) int {
		if r, ok := rank[s.ID]; ok {
			return r
		}
		return len(rank)
	}
	slices.SortStableFunc(g.Touchpoints, func(a, b Subject) int { return cmp.Compare(key(a), key(b)) })
}
