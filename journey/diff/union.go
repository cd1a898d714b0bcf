package diff

import (
	"github.com/journey-cx/journey/journey"
)

// StageView is a stage of the union of two versions of a map.
type StageView struct {
	// Stage is NEW's stage, or OLD's when Removed.
	Stage *journey.Stage
	// Removed is set for a stage only OLD has.
	Removed bool
	// Touchpoints are the stage's touchpoints in NEW, with those only OLD has (in this stage)
	// put back where OLD had them.
	Touchpoints []TouchpointView
}

// TouchpointView is a touchpoint of the union of two versions of a map.
type TouchpointView struct {
	// Touchpoint is NEW's touchpoint, or OLD's when Removed.
	Touchpoint *journey.Touchpoint
	// Removed is set for a touchpoint only OLD has.
	Removed bool
}

// Union returns NEW's stages and touchpoints in order, with the stages and touchpoints only
// OLD has put back where OLD had them: each after the nearest element before it in OLD that
// is there, or first. It is the order in which the formats for people list changes, and the
// layout of the picture of a change.
func Union(old, new *journey.Map) []StageView {
	inNew := map[string]bool{}
	tpInNew := map[string]bool{}
	for _, s := range new.Stages {
		inNew[s.ID] = true
		for _, t := range s.Touchpoints {
			tpInNew[t.ID] = true
		}
	}
	var stages []StageView
	for _, s := range new.Stages {
		stages = append(stages, StageView{Stage: s})
	}
	stages = mergeRemoved(stages, old.Stages, func(s *journey.Stage) bool { return inNew[s.ID] },
		func(v StageView) string { return v.Stage.ID }, func(s *journey.Stage) StageView { return StageView{Stage: s, Removed: true} })
	for i := range stages {
		stages[i].Touchpoints = stageTouchpoints(stages[i], old.Stage(stages[i].Stage.ID), tpInNew)
	}
	return stages
}

// stageTouchpoints returns the touchpoints of one stage of the union: NEW's (none for a
// removed stage), with the touchpoints of OLD's stage of that id that NEW lacks.
func stageTouchpoints(v StageView, old *journey.Stage, inNew map[string]bool) []TouchpointView {
	var tps []TouchpointView
	if !v.Removed {
		for _, t := range v.Stage.Touchpoints {
			tps = append(tps, TouchpointView{Touchpoint: t})
		}
	}
	if old == nil {
		return tps
	}
	return mergeRemoved(tps, old.Touchpoints, func(t *journey.Touchpoint) bool { return inNew[t.ID] },
		func(v TouchpointView) string { return v.Touchpoint.ID },
		func(t *journey.Touchpoint) TouchpointView { return TouchpointView{Touchpoint: t, Removed: true} })
}

// mergeRemoved puts the elements of old that kept says NEW lacks into list: each after the
// nearest element before it in old that list holds (by id), or first, keeping old's order
// among them.
func mergeRemoved[V any, E any](list []V, old []E, kept func(E) bool, id func(V) string, ghost func(E) V) []V {
	at := map[string]bool{}
	for _, v := range list {
		at[id(v)] = true
	}
	var front []V
	after := map[string][]V{}
	anchor := ""
	for _, e := range old {
		switch g := ghost(e); {
		case !kept(e):
			if anchor == "" {
				front = append(front, g)
			} else {
				after[anchor] = append(after[anchor], g)
			}
		case at[id(g)]:
			anchor = id(g)
		}
	}
	out := front
	for _, v := range list {
		out = append(append(out, v), after[id(v)]...)
		delete(after, id(v))
	}
	return out
}
