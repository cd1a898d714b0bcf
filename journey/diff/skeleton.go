package diff

import (
	"github.com/journey-cx/journey/journey"
)

// skeleton copies what Groups and the formats for people read of m: its id, title and
// language, and its stages and touchpoints with their ids, names, KPI targets and the facts
// that say what an added or removed touchpoint is (channel, owner, emotion, moment of truth,
// goal). The rest (positions, events, texts) is left behind, so that the diffs of many maps, all held until
// they are printed, take little memory.
func skeleton(m *journey.Map) *journey.Map {
	if m == nil {
		return nil
	}
	s := &journey.Map{File: m.File, Version: m.Version, ID: m.ID, Title: m.Title, Language: m.Language}
	for _, st := range m.Stages {
		c := &journey.Stage{ID: st.ID, Name: st.Name, Touchpoints: make([]*journey.Touchpoint, len(st.Touchpoints))}
		tps := make([]journey.Touchpoint, len(st.Touchpoints)) // one allocation a stage
		for i, t := range st.Touchpoints {
			tps[i] = journey.Touchpoint{ID: t.ID, Name: t.Name, Channel: t.Channel, Owner: t.Owner, Emotion: t.Emotion,
				MomentOfTruth: t.MomentOfTruth, Goal: t.Goal, KPIs: kpiTargets(t.KPIs), Stage: c, Index: t.Index}
			c.Touchpoints[i] = &tps[i]
		}
		s.Stages = append(s.Stages, c)
	}
	return s
}

// kpiTargets copies KPI targets without their positions.
func kpiTargets(ks []journey.KPI) []journey.KPI {
	if len(ks) == 0 {
		return nil
	}
	out := make([]journey.KPI, len(ks))
	for i, k := range ks {
		out[i] = journey.KPI{Metric: k.Metric, Min: k.Min, Max: k.Max}
	}
	return out
}
