package format

// shape describes one kind of mapping in a journey map: the canonical order of its keys and
// the shapes of the mappings below them (directly, or as the items of a sequence).
type shape struct {
	keys     []string
	children map[string]*shape
	// flow marks mappings of column conditions (`where`), written on one line when they fit.
	flow bool
}

var (
	whereShape   = &shape{flow: true}
	matcherShape = &shape{keys: []string{"event", "where"},
		children: map[string]*shape{"where": whereShape}}
	kpiShape        = &shape{keys: []string{"metric", "min", "max"}}
	touchpointShape = &shape{
		keys: []string{"id", "name", "channel", "owner", "systems", "description", "expectation",
			"duration", "emotion", "feeling", "pains", "gains", "moment_of_truth", "opportunities",
			"goal", "cost", "events", "next", "kpis"},
		children: map[string]*shape{"events": matcherShape, "kpis": kpiShape},
	}
	stageShape = &shape{keys: []string{"id", "name", "goal", "touchpoints"},
		children: map[string]*shape{"touchpoints": touchpointShape}}
	personaShape   = &shape{keys: []string{"name", "description", "goals", "frustrations"}}
	exclusionShape = &shape{keys: []string{"event", "where", "between"},
		children: map[string]*shape{"where": whereShape}}
	funnelShape = &shape{keys: []string{"id", "steps", "window", "order", "exclude"},
		children: map[string]*shape{"exclude": exclusionShape}}
	mapShape = &shape{
		keys: []string{"version", "id", "title", "description", "owner", "window", "identity",
			"language", "currency", "persona", "stages", "funnels"},
		children: map[string]*shape{"persona": personaShape, "stages": stageShape,
			"funnels": funnelShape},
	}
)

// rank returns the canonical position of key, or len(keys) for a key the shape does not
// know, so that unknown keys keep their order after the known ones.
func (s *shape) rank(key string) int {
	for i, k := range s.keys {
		if k == key {
			return i
		}
	}
	return len(s.keys)
}

// child returns the shape of the value under key, or nil when it is not a known mapping.
func (s *shape) child(key string) *shape {
	if s == nil {
		return nil
	}
	return s.children[key]
}
