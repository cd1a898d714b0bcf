package diff

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
)

// Entity kinds, in the order records sort.
const (
	EntityMap        = "map"
	EntityPersona    = "persona"
	EntityStage      = "stage"
	EntityTouchpoint = "touchpoint"
	EntityEdge       = "edge"
	EntityFunnel     = "funnel"
	EntityKPI        = "kpi"
)

// entityRank orders the entity kinds.
var entityRank = map[string]int{EntityMap: 0, EntityPersona: 1, EntityStage: 2, EntityTouchpoint: 3,
	EntityEdge: 4, EntityFunnel: 5, EntityKPI: 6}

// Kinds of change.
const (
	// Added is an entity that exists in NEW only.
	Added = "added"
	// Removed is an entity that exists in OLD only.
	Removed = "removed"
	// Changed is a field whose value differs.
	Changed = "changed"
	// Moved is a touchpoint in another stage or at another place in its stage, or a stage at
	// another place among the stages.
	Moved = "moved"
)

// Change is one record of a diff.
type Change struct {
	// Entity is the kind of thing that changed: EntityMap, EntityTouchpoint...
	Entity string
	// ID identifies it: the map's or a stage's, touchpoint's or funnel's id, "persona",
	// FROM->TO for an edge, TOUCHPOINT/METRIC for a KPI target.
	ID string
	// Kind is Added, Removed, Changed or Moved.
	Kind string
	// Field is the key that changed (Changed), or "stage" or "position" (Moved); empty for
	// Added and Removed.
	Field string
	// Old and New are the values of Field on each side, nil where the key is missing: text,
	// whole numbers, numbers, true or false, a duration as text ("1h30m"), a list of ids, or
	// a list of event matchers. They are not set for a list of text (see List).
	Old, New any
	// List is set for a list of text (pains, gains, goals...): the items only one side has
	// are in AddedItems (in NEW's order) and RemovedItems (in OLD's order).
	List                     bool
	AddedItems, RemovedItems []string
	// Stage is the id of the stage the record is shown under (Groups): its touchpoint's stage
	// in NEW, in OLD when the touchpoint was removed; empty for the map, the persona and
	// funnels.
	Stage string
	// Touchpoint is the id of the touchpoint the record is about, shown under it (Groups):
	// the touchpoint itself, an edge's FROM, a KPI's touchpoint; empty otherwise.
	Touchpoint string
}

// MarshalJSON writes the record as SPEC section 9 shapes it: entity, id and change always;
// field with old and new, or with added and removed for a list of text; nothing more for an
// added or removed entity.
func (c Change) MarshalJSON() ([]byte, error) {
	type base struct {
		Entity string `json:"entity"`
		ID     string `json:"id"`
		Change string `json:"change"`
	}
	b := base{c.Entity, c.ID, c.Kind}
	switch {
	case c.Kind == Added || c.Kind == Removed:
		return marshal(b)
	case c.List:
		return marshal(struct {
			base
			Field   string   `json:"field"`
			Added   []string `json:"added"`
			Removed []string `json:"removed"`
		}{b, c.Field, nonNil(c.AddedItems), nonNil(c.RemovedItems)})
	}
	return marshal(struct {
		base
		Field string `json:"field"`
		Old   any    `json:"old"`
		New   any    `json:"new"`
	}{b, c.Field, c.Old, c.New})
}

// marshal encodes v as JSON without escaping <, > and &, which user text may hold.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// nonNil returns s, or an empty list for nil, so that JSON shows [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sortChanges orders records by entity (map, persona, stage, touchpoint, edge, funnel, kpi),
// then id, then field, ids and fields compared byte by byte, a record without a field first.
func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, compareChanges)
}

func compareChanges(a, b Change) int {
	return cmp.Or(cmp.Compare(entityRank[a.Entity], entityRank[b.Entity]), cmp.Compare(a.ID, b.ID),
		cmp.Compare(a.Field, b.Field))
}
