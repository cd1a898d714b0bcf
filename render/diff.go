package render

import (
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
)

// Change is the older version of a map that a picture of a change compares the map with.
type Change struct {
	// Old is the map as it was.
	Old *journey.Map
	// Since names the older version in the legend: a revision like HEAD~1, or a file.
	Since string
}

// DiffDOT returns the DOT text that draws m with what changed since c.Old marked on it:
// touchpoints and flow edges added, those removed drawn faintly as ghosts where they were,
// touchpoints changed or moved, the old emotion beside the new one and the old emotion curve
// drawn faintly behind the current one, and a legend of the marks in language l. When r is
// not nil its numbers are overlaid as DOT does. Like DOT, it depends on nothing but its
// arguments.
func DiffDOT(m *journey.Map, r *analysis.Report, c Change, l *lang.Language) []byte {
	if l == nil {
		l = lang.English()
	}
	union, ch := compose(m, c, l)
	d := &drawing{m: union, tps: union.Touchpoints(), ov: newOverlay(union, r), l: l, ch: ch}
	d.chooseLinks()
	ch.bridge(d.tps)
	d.graph()
	return []byte(d.b.String())
}

// changes is what a picture of a change marks, by touchpoint, stage and edge id.
type changes struct {
	l     *lang.Language
	since string
	// records are the diff's records, for the legend's counts.
	records []diff.Change
	// ghosts are the touchpoints only the old version has, as drawn; bridges the level at
	// which the current curve crosses a ghost's column, nil where it does not.
	ghosts  map[*journey.Touchpoint]bool
	bridges map[*journey.Touchpoint]*int
	// added, the touchpoints only the new version has; fields, the records of each
	// touchpoint's fields and KPI targets' bounds changed; kpis, those of its KPI targets
	// added or removed; moved, how a touchpoint moved.
	added  map[string]bool
	fields map[string][]diff.Change
	kpis   map[string][]diff.Change
	moved  map[string]diff.Change
	// oldMap and newMap are the two versions, where an added or removed KPI target is read.
	oldMap, newMap *journey.Map
	// old holds every old touchpoint's emotion, and oldOrder their ids in old document order.
	old      map[string]*int
	oldOrder []string
	// stages added and removed, and edges (FROM, TO ids) added and removed.
	stageAdded, stageRemoved map[string]bool
	edgeAdded                map[[2]string]bool
	edgeRemoved              [][2]string
}

// compose builds the map the picture draws, the new version with the old version's removed
// stages and touchpoints put back where they were (diff.Union), and the marks.
func compose(m *journey.Map, c Change, l *lang.Language) (*journey.Map, *changes) {
	ch := newChanges(m, c, l)
	u := &journey.Map{File: m.File, Version: m.Version, ID: m.ID, Title: m.Title, Description: m.Description,
		Owner: m.Owner, Window: m.Window, Identity: m.Identity, Language: m.Language, Currency: m.Currency,
		Persona: m.Persona, Funnels: m.Funnels}
	index := 0
	for _, v := range diff.Union(c.Old, m) {
		if len(v.Touchpoints) == 0 {
			continue // a removed stage whose touchpoints all moved elsewhere
		}
		s := &journey.Stage{Node: v.Stage.Node, ID: v.Stage.ID, Name: v.Stage.Name, Goal: v.Stage.Goal}
		for _, tv := range v.Touchpoints {
			t := *tv.Touchpoint
			t.Stage, t.Index = s, index
			index++
			t.Next = []string{}
			if tv.Removed {
				ch.ghosts[&t] = true
			} else {
				for _, n := range m.NextOf(tv.Touchpoint) {
					t.Next = append(t.Next, n.ID)
				}
			}
			s.Touchpoints = append(s.Touchpoints, &t)
		}
		u.Stages = append(u.Stages, s)
	}
	return u, ch
}

// newChanges indexes the records of the diff from c.Old to m.
func newChanges(m *journey.Map, c Change, l *lang.Language) *changes {
	ch := &changes{l: l, since: c.Since, records: diff.Compare(c.Old, m), ghosts: map[*journey.Touchpoint]bool{}, bridges: map[*journey.Touchpoint]*int{},
		added: map[string]bool{}, fields: map[string][]diff.Change{}, kpis: map[string][]diff.Change{}, moved: map[string]diff.Change{},
		old: map[string]*int{}, oldMap: c.Old, newMap: m,
		stageAdded: map[string]bool{}, stageRemoved: map[string]bool{}, edgeAdded: map[[2]string]bool{}}
	for _, t := range c.Old.Touchpoints() {
		if _, dup := ch.old[t.ID]; !dup {
			ch.old[t.ID] = t.Emotion
			ch.oldOrder = append(ch.oldOrder, t.ID)
		}
	}
	for _, r := range ch.records {
		ch.index(r)
	}
	return ch
}

// index records what one diff record marks.
func (ch *changes) index(r diff.Change) {
	switch {
	case r.Entity == diff.EntityTouchpoint && r.Kind == diff.Added:
		ch.added[r.ID] = true
	case r.Entity == diff.EntityTouchpoint && r.Kind == diff.Moved:
		ch.moved[r.ID] = r
	case r.Entity == diff.EntityTouchpoint && r.Kind == diff.Changed:
		ch.fields[r.ID] = append(ch.fields[r.ID], r)
	case r.Entity == diff.EntityKPI && r.Kind == diff.Changed:
		ch.fields[r.Touchpoint] = append(ch.fields[r.Touchpoint], r)
	case r.Entity == diff.EntityKPI && (r.Kind == diff.Added || r.Kind == diff.Removed):
		ch.kpis[r.Touchpoint] = append(ch.kpis[r.Touchpoint], r)
	case r.Entity == diff.EntityStage && r.Kind == diff.Added:
		ch.stageAdded[r.ID] = true
	case r.Entity == diff.EntityStage && r.Kind == diff.Removed:
		ch.stageRemoved[r.ID] = true
	case r.Entity == diff.EntityEdge:
		from, to, _ := strings.Cut(r.ID, "->")
		if r.Kind == diff.Added {
			ch.edgeAdded[[2]string{from, to}] = true
		} else {
			ch.edgeRemoved = append(ch.edgeRemoved, [2]string{from, to})
		}
	}
}

// ghost reports whether t is drawn as a ghost: a touchpoint the change removed.
func (ch *changes) ghost(t *journey.Touchpoint) bool { return ch != nil && ch.ghosts[t] }

// bridge sets where the current curve crosses the ghosts' columns: at the level of the
// touchpoint before them, when the touchpoints on both sides of the ghosts have an emotion.
func (ch *changes) bridge(tps []*journey.Touchpoint) {
	for k := 0; k < len(tps); k++ {
		if !ch.ghost(tps[k]) {
			continue
		}
		end := k
		for end < len(tps) && ch.ghost(tps[end]) {
			end++
		}
		if k > 0 && end < len(tps) && tps[k-1].Emotion != nil && tps[end].Emotion != nil {
			for _, t := range tps[k:end] {
				ch.bridges[t] = tps[k-1].Emotion
			}
		}
		k = end
	}
}

// level is the level of the column at k on the current emotion curve: its touchpoint's
// emotion, or a ghost's bridge.
func (ch *changes) level(tps []*journey.Touchpoint, k int) *int {
	if ch.ghost(tps[k]) {
		return ch.bridges[tps[k]]
	}
	return tps[k].Emotion
}

// oldLevel is the emotion of the column at k before the change: a ghost's own, or the old
// version's for a touchpoint it had; nil for an added touchpoint.
func (ch *changes) oldLevel(tps []*journey.Touchpoint, k int) *int {
	if ch.ghost(tps[k]) {
		return tps[k].Emotion
	}
	return ch.old[tps[k].ID]
}

// apart reports whether the column at k draws its old emotion apart from the current curve:
// a ghost's always, else an emotion that changed.
func (ch *changes) apart(tps []*journey.Touchpoint, k int) bool {
	old, now := ch.oldLevel(tps, k), ch.level(tps, k)
	return old != nil && (ch.ghost(tps[k]) || now == nil || *old != *now)
}

// emotionChanged reports whether the touchpoint with id has another emotion than before.
func (ch *changes) emotionChanged(id string) bool {
	for _, r := range ch.fields[id] {
		if r.Entity == diff.EntityTouchpoint && r.Field == "emotion" {
			return true
		}
	}
	return false
}

// removedEdges are the flow edges the change removed whose ends are both drawn.
func (ch *changes) removedEdges(m *journey.Map) [][2]*journey.Touchpoint {
	if ch == nil {
		return nil
	}
	var out [][2]*journey.Touchpoint
	for _, e := range ch.edgeRemoved {
		from, to := m.Touchpoint(e[0]), m.Touchpoint(e[1])
		if from != nil && to != nil {
			out = append(out, [2]*journey.Touchpoint{from, to})
		}
	}
	return out
}
