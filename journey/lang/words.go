package lang

// Counted is a text about a number of things in two forms: for exactly one, and for any
// other number ("%s user", "%s users"). The number is the format's first argument.
type Counted [2]string

// Words are the texts of one language. Every field must be set in every table
// (TestTablesComplete). Fields ending in F are fmt formats; their doc says what the
// arguments are, and every table's format takes the same verbs (%s for text and for numbers
// the language has already written). A "\n" in a text is a line break where the output has
// lines (the picture); elsewhere texts are one line.
type Words struct {
	// Units written after a duration's number, with the space the language puts before
	// them: "s" or " s".
	UnitSeconds, UnitMinutes, UnitHours, UnitDays string

	// Users are the people a journey counts ("users", "klanten").
	Users string
	// Conversion is the share of users who continue.
	Conversion string
	// Dropoff is the share, or number, of users who do not.
	Dropoff string
	// Goal is a goal of the journey (the picture's marker, the goal rate's label).
	Goal string
	// Legend titles the picture's legend.
	Legend string

	PictureWords
	TableWords
	CommandWords
	PageWords
	// Decisions are the words of costs, attribute, whatif and compare (decisions.go).
	Decisions
	// DiffWords are the words of journey diff and the picture of a change (diff.go).
	DiffWords
}

// PictureWords are the texts of the picture (journey render): its header, cards, lanes,
// legend and side panel.
type PictureWords struct {
	// OwnerLabel comes before the map's or a card's owner ("owner: marketing").
	OwnerLabel string
	// ChannelLabel comes before a card's channel.
	ChannelLabel string
	// FeelingLabel comes before a card's feeling ("feels: curious").
	FeelingLabel string
	// PersonaTitle titles the persona card, in capitals.
	PersonaTitle string
	// PersonaGoals titles the persona's goals, in capitals.
	PersonaGoals string
	// PersonaFrustrations titles the persona's frustrations, in capitals.
	PersonaFrustrations string
	// LaneTouchpoints names the lane of the cards.
	LaneTouchpoints string
	// LanePainsGains names the lane of the pains and gains.
	LanePainsGains string
	// StageGoalF is a stage's goal under its name; %s is the goal.
	StageGoalF string
	// MomentOfTruth marks a card that makes or breaks the journey, in capitals.
	MomentOfTruth string
	// GoalMark marks a goal card, in capitals.
	GoalMark string
	// NoEmotion stands in the badge of a card without an emotion, on two short lines.
	NoEmotion string
	// EmotionLevels name the emotions from -2 to +2 ("very negative" .. "very positive").
	EmotionLevels [5]string
	// EmotionF is a legend line of the emotion scale; %s is one of EmotionLevels.
	EmotionF string
	// Pain and Gain explain the legend's pain and gain swatches.
	Pain, Gain string
	// LegendMomentOfTruthF explains the moment-of-truth mark; %s is the mark as drawn.
	LegendMomentOfTruthF string
	// LegendGoalF explains the goal mark; %s is the mark as drawn.
	LegendGoalF string
	// LegendFlow explains the arrows of a picture without data.
	LegendFlow string
	// LegendFlowData explains the arrows of a picture with data.
	LegendFlowData string
	// LegendOffMapF explains the dashed arrows: %[1]s drawn of %[2]s off-map transitions.
	LegendOffMapF string
	// LegendHiddenF explains the designed links left out of a dense map without data, where
	// the links to the next touchpoint and the shortest others are drawn: %[1]s links not
	// drawn of %[2]s.
	LegendHiddenF string
	// LegendHiddenDataF is LegendHiddenF for a picture with data, where the links to the
	// next touchpoint and the others most users took are drawn.
	LegendHiddenDataF string
	// CardUsersF is a card's number of users; %s is the number. Like every Counted text it
	// has a form for one and a form for any other number (see Language.Count).
	CardUsersF Counted
	// CardFlowF is a card's conversion and drop-off: %[1]s continue, %[2]s drop off.
	CardFlowF string
	// CardEndOfFlow stands on a card with no next touchpoint instead of CardFlowF.
	CardEndOfFlow string
	// CardExitsF is a card's number of users whose last step it is; %s is the number.
	// CardEndsF says the same on a goal's card, where ending is no loss.
	CardExitsF, CardEndsF Counted
	// OffMapLabel labels an arrow the map does not design ("off-map").
	OffMapLabel string
	// PanelData titles the panel's summary of the event files.
	PanelData string
	// PanelInputF sums the event files up: %[1]s users (UsersF), %[2]s rows (RowsF), %[3]s
	// mapped rows.
	PanelInputF string
	// RowsF counts rows of event files.
	RowsF Counted
	// PanelGoalF is the goal rate: %[1]s users (%[2]s of all).
	PanelGoalF Counted
	// FunnelF titles a funnel; %s is its id.
	FunnelF string
	// Step, OfStart and OfPrevious head the panel's funnel columns (with Users).
	Step, OfStart, OfPrevious string
}

// TableWords are the texts of analyze's table and markdown outputs.
type TableWords struct {
	// ReportHeadF is the first line: %[1]s journey id, %[2]s identity column, %[3]s window.
	ReportHeadF string
	// InputF accounts for the rows read: %[1]s rows (RowsF), %[2]s mapped, %[3]s unmapped,
	// %[4]s skipped, %[5]s filtered, %[6]s users (UsersF).
	InputF string
	// GoalReachedF is the goal rate: %[1]s users, %[2]s of all.
	GoalReachedF Counted
	// NoGoal stands for the goal rate of a map without a goal.
	NoGoal string
	// MarkdownTitleF titles the markdown report; %s is the journey id.
	MarkdownTitleF string
	// MarkdownIdentityF ends the markdown summary: %[1]s identity column, %[2]s window.
	MarkdownIdentityF string
	// KPIAllMetF sums up KPI targets all met; %s is their number.
	KPIAllMetF Counted
	// KPISomeMissedF sums up KPI targets: %[1]s is KPIMissedF's text, %[2]s the number met.
	KPISomeMissedF string
	// KPIMissedF is the number of KPI targets missed; %s is the number.
	KPIMissedF string
	// KPIOK and KPIMissed are a KPI's status.
	KPIOK, KPIMissed string
	// And joins a KPI's lower and upper bound (">= 10 and <= 20").
	And string
	// Section titles.
	SectionTouchpoints, SectionOffMap, SectionKPIs, SectionSegments, SectionCoverage string
	// SectionOffMapSomeF titles the off-map transitions when only the most frequent are
	// listed: %[1]s SectionOffMap, %[2]s the number listed, %[3]s the number in all.
	// OffMapAllHint follows it in the command's own outputs, to say where they all are.
	SectionOffMapSomeF, OffMapAllHint string
	// SectionFunnelF titles a funnel's table: %[1]s id, %[2]s order, %[3]s window.
	SectionFunnelF string
	// Column heads of the touchpoint table.
	ColStage, ColTouchpoint, ColUsers, ColEvents, ColRepeat, ColContinued, ColConversion,
	ColDropoff, ColExits, ColMedianToNext string
	// Column heads of a funnel's table (with ColUsers and ColDropoff).
	ColStep, ColFromPrevious, ColFromStart, ColMeanTime, ColMedianTime string
	// Column heads of the off-map table (with ColUsers).
	ColFrom, ColTo, ColCount string
	// Column heads of the KPI table (with ColTouchpoint).
	ColMetric, ColTarget, ColValue, ColStatus string
	// ColGoalRate heads the segments' goal rate column.
	ColGoalRate string
	// ColFunnelF heads a segment table's funnel column; %s is the funnel id.
	ColFunnelF string
	// Coverage notes, each followed by a colon and a list.
	CoverageUnmatched, CoverageUnmapped string
	// CoverageSkippedF and CoverageWarningF introduce a row problem; %s is the problem.
	CoverageSkippedF, CoverageWarningF string
}

// CommandWords are the summaries commands print for people beside their results.
type CommandWords struct {
	// WroteF says a file was written; %s is its path.
	WroteF string
	// RenderedF says --watch drew a picture: %[1]s the path, %[2]s how long it took.
	RenderedF string
	// SimulatedF sums up simulate: %[1]s the rows (as RowsF writes them), %[2]s the users
	// (as UsersF writes them), %[3]s the file.
	SimulatedF string
	// NextSteps introduces the commands init suggests running next.
	NextSteps string
	// ServingF says serve is running: %[1]s the map, %[2]s the page's address.
	ServingF string
	// NetworkAt introduces the addresses at which other machines open the page, when serve
	// listens on every interface; NoNetwork says there are none.
	NetworkAt, NoNetwork string
	// UpdatedF says serve updated the page; %s is how long it took.
	UpdatedF string
}

// PageWords are the texts of the HTML report and the live view (journey report, journey
// serve) that the picture and the tables do not already have.
type PageWords struct {
	// PageMap titles the picture's section.
	PageMap string
	// PageMapLabelF names the picture for screen readers, as one image: %s is the map's
	// title.
	PageMapLabelF string
	// PageWholeMap labels the switch between the picture at a readable size, scrolled, and
	// the whole picture fitted to the page's width.
	PageWholeMap string
	// PageFunnels titles the funnels' section.
	PageFunnels string
	// PageEmotion heads the touchpoint table's emotion column.
	PageEmotion string
	// PageEventsFromF names the event files the numbers come from; %s is their list.
	PageEventsFromF string
	// PageNoEvents says the page shows the map without numbers, and how to add them.
	PageNoEvents string
	// PageLive says the live view follows the files as they are saved.
	PageLive string
	// PageLost says the live view lost its server.
	PageLost string
	// PageErrors says the map is broken and the last good version is shown; PageErrorsFirst
	// that it is broken and has not loaded yet.
	PageErrors, PageErrorsFirst string
	// PageStale says the page could not be brought up to date for a reason outside the map
	// (an event file, a map file that cannot be read) and the last good version is shown;
	// PageStaleFirst that the page could not be drawn yet.
	PageStale, PageStaleFirst string
	// PageNoPicture says there is no picture yet because the map never loaded.
	PageNoPicture string
	// PagePicture links the picture alone.
	PagePicture string
}
