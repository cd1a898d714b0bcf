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

	// The HTML report and the live view (journey report, journey serve). Words that head a
	// table column or a section are written as they are shown, capitalised.

	// JourneyMap titles the picture's section.
	JourneyMap string
	// WholeMap labels the switch between the picture at a readable size, scrolled, and the
	// whole picture fitted to the page's width.
	WholeMap string
	// Persona titles the persona's card; PersonaGoals and PersonaFrustrations its lists.
	Persona, PersonaGoals, PersonaFrustrations string
	// Touchpoints titles the touchpoint table; Stage, Touchpoint, Channel, Owner and Emotion
	// head its columns.
	Touchpoints, Stage, Touchpoint, Channel, Owner, Emotion string
	// MomentOfTruth marks a touchpoint that can make or break the journey.
	MomentOfTruth string
	// Column heads of the touchpoint numbers: users with two or more events at a touchpoint,
	// users who went on to a next touchpoint, users whose last event was there, and the
	// median time to the next touchpoint.
	RepeatUsers, Continued, Exits, MedianToNext string
	// Funnels titles the funnels' section. FunnelF titles one funnel: its id (%[1]s), its
	// order as the map writes it (%[2]s) and its window (%[3]s).
	Funnels, FunnelF string
	// Column heads of a funnel's steps.
	Step, FromPrevious, FromStart, MeanTime, MedianTime string
	// KPIs titles the KPI section; Metric, Target, Value and Status head its columns;
	// KPIMet and KPIMissed are a target's status.
	KPIs, Metric, Target, Value, Status, KPIMet, KPIMissed string
	// KPIsMissedF counts the KPI targets missed (%[1]s) and met (%[2]s); KPIsMetF says that
	// all %[1]s targets are met.
	KPIsMissedF, KPIsMetF string
	// InputF accounts for the rows read: all rows (%[1]s), mapped (%[2]s), unmapped
	// (%[3]s), skipped (%[4]s) and filtered (%[5]s), and the users (%[6]s).
	InputF string
	// GoalReachedF says how many users reached a goal (%[1]s) and their share (%[2]s).
	GoalReachedF string
	// EventsFromF names the event files the numbers come from (%[1]s).
	EventsFromF string
	// NoEvents says that the page shows the map without numbers.
	NoEvents string
	// OffMap titles the transitions the map does not draw; From, To and Count head its
	// columns.
	OffMap, From, To, Count string
	// Coverage titles what the map does not explain: touchpoints no row matched, the most
	// frequent events that matched no touchpoint, skipped rows and warnings.
	Coverage, UnmatchedTouchpoints, UnmappedEvents, SkippedRows, Warnings string
	// LiveUpdates says that the live view follows the files; LiveLost that it lost its
	// server; LiveErrors that the map is broken and the last good version is shown;
	// NoPicture that there is none yet; PictureLink links the picture alone.
	LiveUpdates, LiveLost, LiveErrors, NoPicture, PictureLink string
}
