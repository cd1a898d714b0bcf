package lang

// dutchDiff are the Dutch words of DiffWords.
var dutchDiff = DiffWords{
	ChangesF: Counted{"%s wijziging", "%s wijzigingen"}, MapsChangedF: Counted{"%s kaart gewijzigd", "%s kaarten gewijzigd"},
	Added: "toegevoegd", Removed: "verwijderd", ChangedKind: "gewijzigd", Moved: "verplaatst",
	Map: "kaart", Persona: "persona", Stage: "fase", Touchpoint: "touchpoint", Flow: "vervolgstap",
	Funnel: "funnel", KPI: "KPI",
	Place: "plaats",
	FieldNames: map[string]string{
		"version": "versie", "title": "titel", "description": "beschrijving", "owner": "eigenaar",
		"window": "conversievenster", "identity": "identiteit", "language": "taal", "currency": "valuta",
		"name": "naam", "goals": "doelen", "frustrations": "frustraties", "goal": "doel",
		"channel": "kanaal", "systems": "systemen", "expectation": "verwachting", "duration": "duur",
		"emotion": "emotie", "feeling": "gevoel", "pains": "pijnpunten", "gains": "pluspunten",
		"moment_of_truth": "moment van de waarheid", "opportunities": "kansen", "events": "gebeurtenissen",
		"cost": "kosten", "steps": "stappen", "order": "volgorde", "exclude": "uitsluitingen",
	},
	None:              "(geen)",
	NoChanges:         "geen wijzigingen",
	NoMapChanged:      "geen kaart gewijzigd",
	MapLevel:          "Kaart, persona en funnels",
	MapChangesF:       "Klantreis %s",
	IDsDifferF:        "de kaarten hebben verschillende ids, %s en %s; hun fasen, touchpoints en funnels zijn toch op id vergeleken",
	ChangesSinceF:     "Wijzigingen sinds %s",
	LegendAdded:       "toegevoegd",
	LegendRemoved:     "verwijderd (vervaagd getekend)",
	LegendChanged:     "gewijzigd",
	LegendMoved:       "verplaatst",
	LegendOldEmotion:  "emotie van toen, en de curve van toen waar die afwijkt",
	LegendAddedFlow:   "vervolgstap toegevoegd",
	LegendRemovedFlow: "vervolgstap verwijderd",
}
