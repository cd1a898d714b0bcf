package lang

func init() { register("nl", ",", ".", dutch) }

// dutch follows Dutch CX practice: klanten, conversie, uitval, doel; the loanwords persona,
// touchpoint, funnel and KPI stay.
var dutch = Words{
	UnitSeconds: " s", UnitMinutes: " min", UnitHours: " u", UnitDays: " d",

	Users:      "klanten",
	Events:     "events",
	Conversion: "conversie",
	Dropoff:    "uitval",
	Goal:       "doel",
	Legend:     "Legenda",

	Decisions: dutchDecisions,
}
