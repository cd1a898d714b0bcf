package lang

// englishDiff are the English words of DiffWords.
var englishDiff = DiffWords{
	ChangesF: Counted{"%s change", "%s changes"}, MapsChangedF: Counted{"%s map changed", "%s maps changed"},
	Added: "added", Removed: "removed", ChangedKind: "changed", Moved: "moved",
	Map: "map", Persona: "persona", Stage: "stage", Touchpoint: "touchpoint", Flow: "flow",
	Funnel: "funnel", KPI: "KPI",
	Place:             "place",
	None:              "(none)",
	NoChanges:         "no changes",
	NoMapChanged:      "no map changed",
	MapLevel:          "Map, persona and funnels",
	FieldOfF:          "%[1]s %[2]s",
	FieldOfIDF:        "%[1]s %[3]s %[2]s",
	MapChangesF:       "Journey map %s",
	IDsDifferF:        "the maps have different ids, %s and %s; their stages, touchpoints and funnels were compared by id all the same",
	ChangesSinceF:     "Changes since %s",
	LegendAdded:       "added",
	LegendRemoved:     "removed (drawn faint)",
	LegendChanged:     "changed",
	LegendMoved:       "moved",
	LegendOldEmotion:  "emotion before, and the curve before where it differs",
	LegendAddedFlow:   "flow added",
	LegendRemovedFlow: "flow removed",
}
