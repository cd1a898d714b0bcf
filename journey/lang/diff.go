package lang

// DiffWords are the words of journey diff's text and markdown and of the picture of a
// change (journey render --diff). Fields ending in F are fmt formats; their doc says what the
// arguments are.
type DiffWords struct {
	// ChangesF counts the changes of a diff; %s is the number.
	ChangesF Counted
	// MapsChangedF counts the map files that changed (journey diff --git); %s is the number.
	MapsChangedF Counted
	// Added, Removed, ChangedKind and Moved name the kinds of change.
	Added, Removed, ChangedKind, Moved string
	// Kinds of things a diff names: the map, the persona, a stage, a touchpoint, a flow edge,
	// a funnel and a KPI target.
	Map, Persona, Stage, Touchpoint, Flow, Funnel, KPI string
	// Place is a touchpoint's place in its stage, or a stage's among the stages.
	Place string
	// FieldNames are the words for the map's keys where a change names them ("emotie" for
	// emotion); a key it lacks is shown as the map writes it, as English shows them all.
	FieldNames map[string]string
	// None stands for a value that is not set.
	None string
	// NoChanges says that two versions of a map mean the same.
	NoChanges string
	// NoMapChanged says that no map file changed (journey diff --git).
	NoMapChanged string
	// MapLevel heads the changes of the map, its persona and its funnels.
	MapLevel string
	// FieldOfF names a changed field of a part of the map: %[1]s the part ("map"), %[2]s the
	// field ("window"); FieldOfIDF one of a part with an id: %[3]s the id ("funnel
	// activation steps", "KPI conversion min").
	FieldOfF, FieldOfIDF string
	// MapChangesF heads the changes of one map: the map's id.
	MapChangesF string
	// IDsDifferF notes that two maps compared have different ids: the old id, the new id.
	IDsDifferF string
	// ChangesSinceF titles the legend of the picture of a change: what it is compared with.
	ChangesSinceF string
	// LegendAdded, LegendRemoved, LegendChanged and LegendMoved explain the marks of the
	// picture of a change; LegendOldEmotion the old emotion point and the faint curve.
	LegendAdded, LegendRemoved, LegendChanged, LegendMoved, LegendOldEmotion string
	// LegendAddedFlow and LegendRemovedFlow explain the flow edges of the picture of a change.
	LegendAddedFlow, LegendRemovedFlow string
}
