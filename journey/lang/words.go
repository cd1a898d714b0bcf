package lang

// Words are the texts of one language. Every field must be set in every table
// (TestTablesComplete). Fields ending in F are fmt formats; their doc says what the
// arguments are.
type Words struct {
	// Units written after a duration's number, with the space the language puts before
	// them: "s" or " s".
	UnitSeconds, UnitMinutes, UnitHours, UnitDays string

	// Users are the people a journey counts ("users", "klanten").
	Users string
	// Events are rows mapped to a touchpoint.
	Events string
	// Conversion is the share of users who continue.
	Conversion string
	// Dropoff is the share, or number, of users who do not.
	Dropoff string
	// Goal is a goal of the journey (the picture's marker, the goal rate's label).
	Goal string
	// Legend titles the picture's legend.
	Legend string

	// Decisions are the words of costs, attribute, whatif and compare (decisions.go).
	Decisions
}
