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

	Change: "wijziging", Changes: "wijzigingen", MapOne: "kaart", MapMany: "kaarten",
	Added: "toegevoegd", Removed: "verwijderd", ChangedKind: "gewijzigd", Moved: "verplaatst",
	Map: "kaart", Persona: "persona", Stage: "fase", Touchpoint: "touchpoint", Flow: "vervolgstap",
	Funnel: "funnel", KPI: "KPI",
	Place:             "plaats",
	None:              "(geen)",
	NoChanges:         "geen wijzigingen",
	NoMapChanged:      "geen kaart gewijzigd",
	MapLevel:          "Kaart, persona en funnels",
	MapChangesF:       "Klantreis %s",
	IDsDifferF:        "de kaarten hebben verschillende ids, %s en %s; hun fasen, touchpoints en funnels zijn toch op id vergeleken",
	ChangesSinceF:     "Wijzigingen sinds %s",
	LegendAdded:       "toegevoegd",
	LegendRemoved:     "verwijderd (vaag getekend)",
	LegendChanged:     "gewijzigd",
	LegendMoved:       "verplaatst",
	LegendOldEmotion:  "vorige emotie en curve",
	LegendAddedFlow:   "vervolgstap toegevoegd",
	LegendRemovedFlow: "vervolgstap verwijderd",
	WasF:              "was %s",
}
