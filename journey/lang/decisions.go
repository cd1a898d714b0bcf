package lang

// Decisions are the words of the outputs that turn numbers into decisions: what the
// touchpoints cost (analyze), who gets the credit (attribute), what a change is worth
// (whatif) and what changed between two groups (compare). Fields ending in F are fmt
// formats; their doc says what the arguments are.
type Decisions struct {
	// Cost heads the column of what a touchpoint's events cost.
	Cost string
	// CostTotalF says what all the touchpoints' events cost: the amount.
	CostTotalF string
	// CostPerGoalUserF follows CostTotalF with the cost per user who reached a goal: the
	// amount.
	CostPerGoalUserF string
	// CostPerGoalUser heads the column of the cost per user who reached a goal.
	CostPerGoalUser string
	// CardCostF is a picture card's line on what its touchpoint's events cost: the amount.
	CardCostF string

	// AttributionTitleF heads an attribution: the journey id, the conversions and the
	// paths (as ConversionsF and PathsF write them) and the dimension (a word below).
	AttributionTitleF string
	// ConversionsF and PathsF count conversions and paths.
	ConversionsF, PathsF Counted
	// AttributionValueF says what the conversions are worth: the total and the column.
	AttributionValueF string
	// AttributionMarkovF says how many paths the Markov chain converts: the percentage.
	AttributionMarkovF string
	// AttributionLeadF names the channel with the most credit: the model, the channel, its
	// credit, the total and its share.
	AttributionLeadF string
	// CreditedConversions and CreditedValue title the table of credits (with a share).
	CreditedConversions, CreditedValue string
	// Touches heads the column of a channel's touches; RemovalEffect the Markov removal
	// effect's.
	Touches, RemovalEffect string
	// The dimensions touches are grouped by (--by).
	DimChannel, DimOwner, DimStage, DimTouchpoint string
	// The models, as tables head them.
	ModelFirst, ModelLast, ModelLinear, ModelPosition, ModelTimeDecay, ModelMarkov string

	// WhatifTitleF heads a what-if run: the journey id and the users (as UsersF writes
	// them).
	WhatifTitleF string
	// UsersF counts users.
	UsersF Counted
	// ImproveHalfF, ImproveAllF and ImproveF describe an --improve: the touchpoint's name
	// (and for ImproveF the share of exits kept, as a percentage).
	ImproveHalfF, ImproveAllF, ImproveF string
	// SkipF describes a --skip: the touchpoint's name.
	SkipF string
	// Then joins changes applied one after the other.
	Then string
	// WhatifMoreF is the answer: the extra goal users (its form for one, and for any other
	// number, fractions too), the changes, the goal's name, the users (as UsersF writes
	// them), the rate now and in the scenario.
	WhatifMoreF Counted
	// WhatifFewerF is the answer when the change costs goal users: the same arguments,
	// the users lost first.
	WhatifFewerF Counted
	// WhatifSameF is the answer when the change makes no measurable difference: the
	// changes, the rate and the goal's name.
	WhatifSameF string
	// AGoal stands for the goal's name when users reach several goals.
	AGoal string
	// NameF sets a touchpoint's name off in a sentence, where a name that reads as a verb
	// phrase ("Maakt een account") would run into the words round it; %s is the name.
	NameF string
	// CheckOKF says the baseline reproduces the data: the users (its form for one, and for
	// any other number), the goal users, the rate.
	CheckOKF Counted
	// CheckFailedF says it does not: the baseline's rate and the observed rate.
	CheckFailedF string
	// ScenarioNote says that only the scenario is the model's estimate.
	ScenarioNote string
	// Now, Scenario and Change head the columns of the baseline, the scenario and their
	// difference.
	Now, Scenario, Change string
	// ReachGoal and GoalUsers label the probability of reaching a goal and the expected
	// goal users.
	ReachGoal, GoalUsers string
	// Outcome titles the table of the chance to reach a goal, now and in the scenario;
	// ExpectedVisits the table of expected visits per user.
	Outcome, ExpectedVisits string
	// Name heads the column of touchpoint names.
	Name string

	// CompareSegmentsF heads a comparison of segments: the journey id, A, B and the column.
	CompareSegmentsF string
	// ComparePeriodsF heads a comparison of periods: the journey id, A and B.
	ComparePeriodsF string
	// SignificantF introduces the rates that changed significantly: alpha.
	SignificantF string
	// NothingSignificantF says that no rate did: alpha.
	NothingSignificantF string
	// ChangeLineF is one significant change: the rate, A's rate, B's, the difference in
	// points, the interval (IntervalF) and the p-value ("p = 0.031", "p < 0.001").
	ChangeLineF string
	// IntervalF writes an interval: its lower and upper bound.
	IntervalF string
	// AllRates titles the table of every rate.
	AllRates string
	// Rate, Difference, Interval and PValue head the columns of the comparison table;
	// Significant heads the column that says Yes or No.
	Rate, Difference, Interval, PValue, Significant, Yes, No string
	// Points is the unit of a difference of percentages ("pt", "pp").
	Points string
	// RateGoal names the goal rate; RateConversionF a touchpoint's conversion (its id);
	// RateFromStartF and RateFromPreviousF a funnel step's (the funnel, the step's number
	// and its id).
	RateGoal, RateConversionF, RateFromStartF, RateFromPreviousF string
}
