package lang

func init() { register("en", ".", ",", english) }

// english is the default language.
var english = Words{
	UnitSeconds: "s", UnitMinutes: "m", UnitHours: "h", UnitDays: "d",

	Users:      "users",
	Events:     "events",
	Conversion: "conversion",
	Dropoff:    "drop-off",
	Goal:       "goal",
	Legend:     "Legend",

	Change: "change", Changes: "changes", MapOne: "map", MapMany: "maps",
	Added: "added", Removed: "removed", ChangedKind: "changed", Moved: "moved",
	Map: "map", Persona: "persona", Stage: "stage", Touchpoint: "touchpoint", Flow: "flow",
	Funnel: "funnel", KPI: "KPI",
	Place:             "place",
	None:              "(none)",
	NoChanges:         "no changes",
	NoMapChanged:      "no map changed",
	MapLevel:          "Map, persona and funnels",
	MapChangesF:       "Journey map %s",
	IDsDifferF:        "the maps have different ids, %s and %s; their stages, touchpoints and funnels were compared by id all the same",
	ChangesSinceF:     "Changes since %s",
	LegendAdded:       "added",
	LegendRemoved:     "removed (drawn faint)",
	LegendChanged:     "changed",
	LegendMoved:       "moved",
	LegendOldEmotion:  "old emotion and curve",
	LegendAddedFlow:   "flow added",
	LegendRemovedFlow: "flow removed",
	WasF:              "was %s",
}
