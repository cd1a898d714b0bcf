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

	Decisions: englishDecisions,
}
