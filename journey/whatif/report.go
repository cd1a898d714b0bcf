package whatif

import (
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/markov"
)

// Report is the result of a what-if run. Its JSON encoding is the contract of `journey
// whatif --format json` (SPEC section 7), with one key more: baseline_matches_observed,
// the check that the baseline reproduces the data.
type Report struct {
	Journey string `json:"journey"`
	// Users are the users walked: those with a mapped event.
	Users int64 `json:"users"`
	// ObservedGoalRate is the share of them who reached a goal (0 without users).
	ObservedGoalRate float64  `json:"observed_goal_rate"`
	Changes          []Change `json:"changes"`
	// Baseline is the chain fitted to the data, Scenario the chain with the changes, and
	// Difference the scenario minus the baseline.
	Baseline   Outcome `json:"baseline"`
	Scenario   Outcome `json:"scenario"`
	Difference Outcome `json:"difference"`
	// BaselineMatchesObserved says whether the baseline's p and visits equal the observed
	// goal rate and visits per user, as they must.
	BaselineMatchesObserved bool `json:"baseline_matches_observed"`
	// Touchpoints are the states of the chain in document order, with their expected
	// visits per user.
	Touchpoints []TouchpointVisits `json:"touchpoints"`

	// What the human formats need besides: the observed goal users, the changes' and the
	// goal's names (Goal is "" unless walks may end at one goal only; see goalName).
	GoalUsers   int64    `json:"-"`
	ChangeNames []string `json:"-"`
	Goal        string   `json:"-"`
}

// Outcome is the probability that a user reaches a goal, and the goal users it gives.
type Outcome struct {
	P         float64 `json:"p"`
	GoalUsers float64 `json:"goal_users"`
}

// TouchpointVisits are the expected visits of one touchpoint per user.
type TouchpointVisits struct {
	ID     string `json:"id"`
	Name   string `json:"-"`
	Visits Visits `json:"visits"`
}

// Visits are a touchpoint's expected visits per user in the baseline and the scenario (0
// for a touchpoint taken out).
type Visits struct {
	Baseline float64 `json:"baseline"`
	Scenario float64 `json:"scenario"`
}

// report builds the report from the baseline's and the scenario's solutions.
func (md *Model) report(changes []Change, b, s *markov.Solution) *Report {
	n := float64(md.users)
	r := &Report{Journey: md.m.ID, Users: md.users, Changes: changes, GoalUsers: md.goalUsers,
		Baseline:    Outcome{P: b.Absorption[goal], GoalUsers: n * b.Absorption[goal]},
		Scenario:    Outcome{P: s.Absorption[goal], GoalUsers: n * s.Absorption[goal]},
		Touchpoints: []TouchpointVisits{}, Goal: md.goalName()}
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	r.Difference = Outcome{P: r.Scenario.P - r.Baseline.P, GoalUsers: r.Scenario.GoalUsers - r.Baseline.GoalUsers}
	if md.users > 0 {
		r.ObservedGoalRate = float64(md.goalUsers) / n
	}
	r.BaselineMatchesObserved = agree(r.Baseline.P, r.ObservedGoalRate)
	for i, t := range md.tps {
		if !md.isState(i) {
			continue
		}
		v := Visits{Baseline: b.Visits[1+i], Scenario: s.Visits[1+i]}
		r.Touchpoints = append(r.Touchpoints, TouchpointVisits{ID: t.ID, Name: t.Name, Visits: v})
		r.BaselineMatchesObserved = r.BaselineMatchesObserved && agree(v.Baseline, float64(md.visits[i])/n)
	}
	for _, c := range changes {
		r.ChangeNames = append(r.ChangeNames, md.m.Touchpoint(c.target()).Name)
	}
	return r
}

// goalName is the name of the one goal a walk may end at, "" when there are several or
// none: a goal walks reached, or one a touchpoint they visit leads to by its next, since a
// scenario may send walks there (as --improve does when it splits a touchpoint's users over
// its next). A goal only reached after another one is no end of a walk.
func (md *Model) goalName() string {
	ends := map[*journey.Touchpoint]bool{}
	for i, t := range md.tps {
		if md.goals[i] > 0 {
			ends[t] = true
		}
		if !md.isState(i) {
			continue
		}
		for _, n := range md.m.NextOf(t) {
			if n.Goal {
				ends[n] = true
			}
		}
	}
	if len(ends) != 1 {
		return ""
	}
	for t := range ends {
		return t.Name
	}
	return ""
}
