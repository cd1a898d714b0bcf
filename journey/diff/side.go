package diff

import (
	"github.com/journey-cx/journey/journey"
)

// side is one version of the map, indexed by id. Where ids repeat (a map with errors), the
// first element of an id is the one compared.
type side struct {
	m       *journey.Map
	stages  map[string]*journey.Stage
	tps     map[string]*journey.Touchpoint
	funnels map[string]*journey.Funnel
	// pos is the 0-based place of each stage among the stages, and of each touchpoint in its
	// stage.
	pos map[any]int
}

func newSide(m *journey.Map) *side {
	s := &side{m: m, stages: map[string]*journey.Stage{}, tps: map[string]*journey.Touchpoint{},
		funnels: map[string]*journey.Funnel{}, pos: map[any]int{}}
	for i, st := range m.Stages {
		first(s.stages, st.ID, st)
		s.pos[st] = i
		for j, t := range st.Touchpoints {
			first(s.tps, t.ID, t)
			s.pos[t] = j
		}
	}
	for _, f := range m.Funnels {
		first(s.funnels, f.ID, f)
	}
	return s
}

// first adds v under k unless k is taken.
func first[V any](m map[string]V, k string, v V) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

// edge is one edge of the flow.
type edge struct{ from, to *journey.Touchpoint }

func (e edge) id() string { return e.from.ID + "->" + e.to.ID }

// key identifies an edge across the sides, by its ends' ids.
func (e edge) key() [2]string { return [2]string{e.from.ID, e.to.ID} }

// edgeSet is a side's flow edges in document order, each once, and their keys.
type edgeSet struct {
	list []edge
	has  map[[2]string]bool
}

// edges returns the flow edges of the side, from the effective `next` of each touchpoint
// (the first touchpoint of an id).
func (s *side) edges() edgeSet {
	set := edgeSet{has: map[[2]string]bool{}}
	for _, t := range s.m.Touchpoints() {
		if s.tps[t.ID] != t {
			continue
		}
		for _, n := range s.m.NextOf(t) {
			if e := (edge{t, n}); !set.has[e.key()] {
				set.has[e.key()] = true
				set.list = append(set.list, e)
			}
		}
	}
	return set
}

// kpi is a KPI target of a touchpoint.
type kpi struct {
	tp  *journey.Touchpoint
	kpi journey.KPI
}

// id is the target's id, TOUCHPOINT/METRIC.
func (k kpi) id() string { return k.tp.ID + "/" + k.kpi.Metric }

// kpiSet is a side's KPI targets in document order, and by touchpoint and metric.
type kpiSet struct {
	list []kpi
	at   map[[2]string]kpi
}

// kpis returns the KPI targets of the side: the first target of a metric on a touchpoint.
func (s *side) kpis() kpiSet {
	set := kpiSet{at: map[[2]string]kpi{}}
	for _, t := range s.m.Touchpoints() {
		if s.tps[t.ID] != t {
			continue
		}
		for _, k := range t.KPIs {
			key := [2]string{t.ID, k.Metric}
			if _, dup := set.at[key]; !dup {
				set.at[key] = kpi{t, k}
				set.list = append(set.list, set.at[key])
			}
		}
	}
	return set
}
