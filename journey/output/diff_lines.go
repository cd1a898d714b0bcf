package output

import (
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
)

// diffLine is a record as people read it, before a format styles and escapes it.
type diffLine struct {
	kind string
	// what the record is about, for an added or removed entity: the entity's word, the name
	// and id of what it names (the target of a flow edge, after an arrow), and the target
	// of a KPI.
	entity, name, id string
	arrow            bool
	target           string
	// facts say what an added or removed touchpoint is: its channel, owner, emotion, and
	// whether it is a moment of truth or a goal.
	facts []string
	// label names a changed field ("emotion"), or the place or stage of a move; outside a
	// touchpoint a field is told apart by its entity's word (prefix) and, for a funnel or a
	// KPI, the funnel's id or the KPI's metric (of): "funnel activation steps".
	label, prefix, of string
	// old and new are a changed or moved value; added and removed a list's items.
	old, new       string
	list           bool
	added, removed []string
}

// lineOf turns a record of d into a line, written in language l, text values through quote.
// Under a touchpoint (subject) a field needs no prefix; elsewhere it is prefixed with its
// entity.
func lineOf(l *lang.Language, d *diff.Diff, c diff.Change, subject bool, quote func(string) string) diffLine {
	ln := diffLine{kind: c.Kind, entity: entityWord(l, c.Entity)}
	switch c.Kind {
	case diff.Added, diff.Removed:
		ln.name, ln.id = entityName(d, c), c.ID
		switch c.Entity {
		case diff.EntityEdge:
			ln.arrow = true
			_, ln.id, _ = strings.Cut(c.ID, "->")
			ln.name = entityName(d, diff.Change{Entity: diff.EntityTouchpoint, ID: ln.id})
		case diff.EntityKPI:
			_, ln.id, _ = strings.Cut(c.ID, "/")
			ln.name, ln.target = "", KPIBounds(l, sideOf(d, c), c.ID)
		case diff.EntityPersona:
			ln.name, ln.id = "", ""
		case diff.EntityTouchpoint:
			ln.facts = touchpointFacts(l, sideOf(d, c), c.ID)
		}
	case diff.Moved:
		ln.label = l.Place
		if c.Field == "stage" {
			ln.label = l.Stage
		}
		ln.old, ln.new = valueText(l, c.Field, c.Old, quote), valueText(l, c.Field, c.New, quote)
	default:
		ln.prefix, ln.of, ln.label = fieldLabel(l, c, subject)
		ln.list, ln.added, ln.removed = c.List, c.AddedItems, c.RemovedItems
		ln.old, ln.new = valueText(l, c.Field, c.Old, quote), valueText(l, c.Field, c.New, quote)
		if metric, ok := kpiMetric(c); ok {
			ln.old, ln.new = kpiBoundText(l, metric, c.Old), kpiBoundText(l, metric, c.New)
		}
	}
	return ln
}

// fieldLabel names a changed field, in the language's words for the map's keys (emotie for
// emotion): "emotion" under its touchpoint, "KPI conversion min", "map window", "funnel
// activation steps", "persona goals".
func fieldLabel(l *lang.Language, c diff.Change, subject bool) (prefix, of, field string) {
	field = l.Field(c.Field)
	switch {
	case c.Entity == diff.EntityKPI:
		_, metric, _ := strings.Cut(c.ID, "/")
		return l.KPI, metric, field
	case subject || c.Entity == diff.EntityStage:
		return "", "", field
	case c.Entity == diff.EntityFunnel:
		return l.Funnel, c.ID, field
	}
	return entityWord(l, c.Entity), "", field
}

// touchpointFacts are the facts of the touchpoint id of m: "channel: email", "owner: sales",
// "emotion: -1", "moment of truth", "goal", those it has.
func touchpointFacts(l *lang.Language, m *journey.Map, id string) []string {
	t := m.Touchpoint(id)
	if t == nil {
		return nil
	}
	var facts []string
	for _, f := range [][2]string{{l.ChannelLabel, t.Channel}, {l.OwnerLabel, t.Owner}} {
		if f[1] != "" {
			facts = append(facts, f[0]+": "+f[1])
		}
	}
	if t.Emotion != nil {
		facts = append(facts, l.Field("emotion")+": "+valueText(l, "emotion", *t.Emotion, plain))
	}
	if t.MomentOfTruth {
		facts = append(facts, strings.ToLower(l.MomentOfTruth))
	}
	if t.Goal {
		facts = append(facts, strings.ToLower(l.GoalMark))
	}
	return facts
}

// sideOf is the map a record's entity is in: OLD for a removal, else NEW.
func sideOf(d *diff.Diff, c diff.Change) *journey.Map {
	if c.Kind == diff.Removed {
		return d.OldMap
	}
	return d.NewMap
}

// entityName is the name of a stage or touchpoint of d, NEW's when it has one, else OLD's;
// "" for other entities or an unknown id.
func entityName(d *diff.Diff, c diff.Change) string {
	for _, m := range []*journey.Map{d.NewMap, d.OldMap} {
		if m == nil {
			continue
		}
		switch c.Entity {
		case diff.EntityStage:
			if s := m.Stage(c.ID); s != nil {
				return s.Name
			}
		case diff.EntityTouchpoint:
			if t := m.Touchpoint(c.ID); t != nil {
				return t.Name
			}
		}
	}
	return ""
}

// subjectHead is the record that heads a touchpoint's lines: the touchpoint added or
// removed, if it was.
func subjectHead(s diff.Subject) (diff.Change, bool) {
	for _, c := range s.Changes {
		if c.Entity == diff.EntityTouchpoint && (c.Kind == diff.Added || c.Kind == diff.Removed) {
			return c, true
		}
	}
	return diff.Change{}, false
}

// stageName is a group's stage name, NEW's (or OLD's for a removed stage).
func stageName(g diff.Group) (name, id string) {
	return g.Stage.Stage.Name, g.Stage.Stage.ID
}

// kpiMetric returns the metric of a change to a KPI target's bound.
func kpiMetric(c diff.Change) (string, bool) {
	_, metric, ok := strings.Cut(c.ID, "/")
	return metric, ok && c.Entity == diff.EntityKPI && (c.Field == "min" || c.Field == "max")
}

// kpiBoundText writes a changed KPI bound (see boundText), or none.
func kpiBoundText(l *lang.Language, metric string, v any) string {
	if f, ok := v.(float64); ok {
		return boundText(l, metric, f)
	}
	return l.None
}

// fieldPhrase names a changed field in language l from its parts as the printer writes them:
// the field alone, or with the part of the map it belongs to, and that part's id ("map
// window", "titel van de kaart", "funnel activation steps").
func fieldPhrase(l *lang.Language, ln diffLine, prefix, of, field string) string {
	switch {
	case ln.prefix == "":
		return field
	case ln.of == "":
		return fmt.Sprintf(l.FieldOfF, prefix, field)
	}
	return fmt.Sprintf(l.FieldOfIDF, prefix, field, of)
}
