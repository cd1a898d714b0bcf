package whatif

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
)

// fourUsers walk the flow map: u1 a b c buy; u2 a b (exit); u3 a b d (exit); u4 b c
// (exit). Counted: (start) -> a 3, (start) -> b 1; a -> b 3; b -> c 2, b -> d 1,
// b -> (exit) 1; c -> (goal) 1, c -> (exit) 1; d -> (exit) 1. So P(start -> a) = 3/4,
// P(a -> b) = 1, P(b -> c) = 1/2, P(b -> d) = P(b -> exit) = 1/4, P(c -> goal) = 1/2.
var fourUsers = []string{"u1: a b c buy", "u2: a b", "u3: a b d", "u4: b c"}

// TestBaselineIsObserved: the baseline p equals the observed goal rate and the baseline
// visits the observed visits per user before the first goal event, by construction.
// Everyone reaches b: p = P(b -> c) * P(c -> goal) = 1/2 * 1/2 = 1/4, one goal user of 4;
// visits a 3/4, b 1, c 1/2, d 1/4.
func TestBaselineIsObserved(t *testing.T) {
	m := load(t, flowMap)
	r, err := observe(t, m, fourUsers...).Run([]Change{{Skip: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Baseline.P, 0.25) || r.ObservedGoalRate != 0.25 || !r.BaselineMatchesObserved {
		t.Errorf("baseline p %v, observed %v, match %v; want 1/4", r.Baseline.P, r.ObservedGoalRate, r.BaselineMatchesObserved)
	}
	want := map[string]float64{"a": 0.75, "b": 1, "c": 0.5, "d": 0.25}
	for id, v := range visits(r, true) {
		if !near(v, want[id]) {
			t.Errorf("baseline visits of %s = %v, want %v", id, v, want[id])
		}
	}
	if len(r.Touchpoints) != 4 || r.Users != 4 || !near(r.Baseline.GoalUsers, 1) || r.GoalUsers != 1 {
		t.Errorf("touchpoints %v, users %d, goal users %v (%d observed)", r.Touchpoints, r.Users, r.Baseline.GoalUsers, r.GoalUsers)
	}
}

// TestImprove: --improve b=0.5 halves b's exits (1/4 -> 1/8) and gives the other 1/8 to
// b's other transitions in proportion to them: c (1/2) gets 1/12 and d (1/4) 1/24. So
// P(b -> c) = 7/12, p = 7/12 * 1/2 = 7/24, goal users 4 * 7/24 = 7/6, and the visits of c
// and d become 7/12 and 7/24.
func TestImprove(t *testing.T) {
	m := load(t, flowMap)
	r, err := observe(t, m, fourUsers...).Run([]Change{{Improve: "b", By: 0.5}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Scenario.P, 7.0/24) || !near(r.Scenario.GoalUsers, 7.0/6) {
		t.Errorf("scenario p %v, goal users %v; want 7/24, 7/6", r.Scenario.P, r.Scenario.GoalUsers)
	}
	if !near(r.Difference.P, 1.0/24) || !near(r.Difference.GoalUsers, 1.0/6) {
		t.Errorf("difference %+v, want 1/24, 1/6", r.Difference)
	}
	if v := visits(r, false); !near(v["c"], 7.0/12) || !near(v["d"], 7.0/24) || !near(v["b"], 1) {
		t.Errorf("scenario visits %v; want b 1, c 7/12, d 7/24", v)
	}
}

// TestImproveGoalShare: e * F goes to (goal) too, in proportion: c's only other
// transition is the goal, so --improve c=100% sends everyone on c to the goal, and p =
// P(reach c) = 1/2.
func TestImproveGoalShare(t *testing.T) {
	m := load(t, flowMap)
	r, err := observe(t, m, fourUsers...).Run([]Change{{Improve: "c", By: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Scenario.P, 0.5) {
		t.Errorf("p %v, want 1/2", r.Scenario.P)
	}
}

// TestImproveByNext: d's users only exit, so --improve d=1 splits them evenly over d's
// next in the map that are states or goals, leaving d itself out: with next [a, buy, d],
// half go to a and half to the goal. Then h_d = h_a/2 + 1/2 and h_a = h_b = 1/2 * 1/2 +
// 1/4 h_d, so h_b = 3/8 + h_b/8: p = h_b = 3/7.
// A touchpoint the next list repeats is one place to go: [a, a, buy, d] splits as [a, buy].
func TestImproveByNext(t *testing.T) {
	for _, next := range []string{"[a, buy, d]", "[a, a, buy, d]"} {
		m := load(t, strings.Replace(flowMap, "events: [{event: d}], next: []", "events: [{event: d}], next: "+next, 1))
		r, err := observe(t, m, fourUsers...).Run([]Change{{Improve: "d", By: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if !near(r.Scenario.P, 3.0/7) {
			t.Errorf("next %s: p %v, want 3/7", next, r.Scenario.P)
		}
	}
}

// TestSkip: --skip b sends whoever would reach b on as b's users go on, leaving out b's
// exits: c and d in the ratio 1/2 : 1/4, so 2/3 and 1/3. (start) -> b's 1/4 becomes
// (start) -> c 1/6 and (start) -> d 1/12; a -> b's 1 becomes a -> c 2/3, a -> d 1/3. Then
// P(reach c) = 3/4 * 2/3 + 1/6 = 2/3 and p = 1/3; visits a 3/4, b 0, c 2/3, d 1/3.
func TestSkip(t *testing.T) {
	m := load(t, flowMap)
	r, err := observe(t, m, fourUsers...).Run([]Change{{Skip: "b"}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Scenario.P, 1.0/3) {
		t.Errorf("p %v, want 1/3", r.Scenario.P)
	}
	v := visits(r, false)
	if v["b"] != 0 || !near(v["c"], 2.0/3) || !near(v["d"], 1.0/3) || !near(v["a"], 0.75) {
		t.Errorf("scenario visits %v; want a 3/4, b 0, c 2/3, d 1/3", v)
	}
}

// TestOrder: changes apply in command-line order. With d's next [a, buy]: skipping a
// first leaves --improve d=1 only the goal, so d converts everyone it keeps: h_d = 1, h_b
// = 1/4 + 1/4 = 1/2, p = 1/2. Improving d first sends half of d's users to a, and the skip
// then passes them on to b: h_d = h_b/2 + 1/2 and h_b = 1/4 + h_d/4, so p = h_b = 3/7.
func TestOrder(t *testing.T) {
	m := load(t, strings.Replace(flowMap, "events: [{event: d}], next: []", "events: [{event: d}], next: [a, buy]", 1))
	model := observe(t, m, fourUsers...)
	for _, tc := range []struct {
		changes []Change
		want    float64
	}{
		{[]Change{{Skip: "a"}, {Improve: "d", By: 1}}, 0.5},
		{[]Change{{Improve: "d", By: 1}, {Skip: "a"}}, 3.0 / 7},
	} {
		r, err := model.Run(tc.changes)
		if err != nil {
			t.Fatal(err)
		}
		if !near(r.Scenario.P, tc.want) {
			t.Errorf("%v: p %v, want %v", tc.changes, r.Scenario.P, tc.want)
		}
	}
}

// TestErrors: a touchpoint that is not a state of the chain, a goal, one from which nobody
// goes on, one taken out already, and a scenario that traps users are errors that say so.
func TestErrors(t *testing.T) {
	m := load(t, flowMap)
	model := observe(t, m, fourUsers...)
	loop := load(t, strings.Replace(flowMap, "events: [{event: d}], next: []", "events: [{event: d}], next: [b]", 1))
	noGoal := load(t, strings.Replace(flowMap, ", goal: true", "", 1))
	for _, tc := range []struct {
		model   *Model
		changes []Change
		want    string
	}{
		{model, []Change{{Improve: "bb", By: 0.5}}, `--improve "bb": no touchpoint has this id (did you mean "b"?)`},
		{model, []Change{{Skip: "buy"}}, `--skip "buy": Buy is a goal; name a step before it`},
		{observe(t, m, "u1: a buy c"), []Change{{Skip: "c"}}, `--skip "c": no user visits Gamma before reaching a goal`},
		{observe(t, noGoal, "u1: a b"), []Change{{Improve: "c", By: 0.5}}, `--improve "c": no user visits Gamma`},
		{model, []Change{{Improve: "d", By: 1}}, `--improve "d": users on Delta only leave, and the map gives it no next touchpoint that users visit or that is a goal`},
		{model, []Change{{Skip: "c"}, {Improve: "c", By: 0.5}}, `--improve "c": an earlier --skip took Gamma out`},
		{observe(t, m, "u1: a b", "u2: c buy", "u3: a c buy"), []Change{{Skip: "c"}, {Skip: "b"}},
			`--skip "b": users on Beta only leave, and the map gives it no next touchpoint that users visit or that is a goal but Gamma, which an earlier --skip takes out`},
		{observe(t, loop, "u1: a b d", "u2: a b"), []Change{{Improve: "d", By: 1}, {Improve: "b", By: 1}},
			`the scenario traps users in a loop: from Alpha, Beta and Delta they can never reach a goal nor leave`},
	} {
		_, err := tc.model.Run(tc.changes)
		var e *Error
		if !errors.As(err, &e) || err.Error() != tc.want {
			t.Errorf("%v:\n got %v\nwant %s", tc.changes, err, tc.want)
		}
	}
}

// TestCheck: the check compares the baseline with what the walks observed, so counts that
// disagree with the visits are caught.
func TestCheck(t *testing.T) {
	m := load(t, flowMap)
	model := observe(t, m, fourUsers...)
	model.visits[m.Touchpoint("c").Index]++
	r, err := model.Run([]Change{{Skip: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.BaselineMatchesObserved {
		t.Error("visits that disagree with the chain passed the check")
	}
	model.goalUsers++
	if r, _ := model.Run(nil); r.BaselineMatchesObserved {
		t.Error("a goal rate that disagrees with the chain passed the check")
	}
}

// TestChangeJSON: an improvement is {"improve": T, "by": F}, a skip {"skip": T}.
func TestChangeJSON(t *testing.T) {
	b, err := json.Marshal([]Change{{Improve: "a", By: 0.5}, {Skip: "b"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"improve":"a","by":0.5},{"skip":"b"}]`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

// TestAgreesWithAnalysis: on the examples, the walks' goal rate is the analysis's.
func TestAgreesWithAnalysis(t *testing.T) {
	for _, ex := range [][2]string{
		{"../../examples/florist/florist.journey.yaml", "../../examples/florist/events.csv"},
		{"../../examples/saas/trial.journey.yaml", "../../examples/saas/events.csv"},
	} {
		m, ds, err := journey.Load(ex[0])
		if err != nil || journey.HasErrors(ds, false) {
			t.Fatal(err, ds)
		}
		eo := events.Options{ID: m.Identity}
		if err := analysis.Prepare(m, &eo); err != nil {
			t.Fatal(err)
		}
		log, err := events.Read(context.Background(), []events.Source{events.FileSource(ex[1])}, eo)
		if err != nil {
			t.Fatal(err)
		}
		want := analysis.Analyze(m, log, analysis.Options{})
		r, err := Fit(m, log, 0).Run(nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Users != want.Input.Users || r.GoalUsers != want.Goal.Users || !r.BaselineMatchesObserved {
			t.Errorf("%s: %d of %d users reach a goal, analyze says %d of %d (check %v)",
				m.ID, r.GoalUsers, r.Users, want.Goal.Users, want.Input.Users, r.BaselineMatchesObserved)
		}
	}
}

// TestGoalNamed: the answer names the goal when walks may end at one goal only: one they
// reached, or one a touchpoint they visit leads to by its next. With a second goal that b
// leads to, it names none, even when every walk so far reached the same one, since a
// scenario may lead walks to the other; a goal only after another is no end of a walk.
func TestGoalNamed(t *testing.T) {
	twoGoals := strings.Replace(flowMap, "{id: d, name: Delta, events: [{event: d}], next: []}",
		"{id: d, name: Delta, goal: true, events: [{event: d}], next: []}", 1)
	goalAfterGoal := strings.Replace(flowMap, "{id: buy, name: Buy, goal: true, events: [{event: buy}]}",
		"{id: buy, name: Buy, goal: true, events: [{event: buy}], next: [again]}\n      - {id: again, name: Again, goal: true, events: [{event: again}], next: []}", 1)
	for _, c := range []struct {
		name, src string
		users     []string
		want      string
	}{
		{"one goal", flowMap, fourUsers, "Buy"},
		{"one goal, never reached, that c leads to", flowMap, []string{"u1: a b c", "u2: a b d"}, "Buy"},
		{"a goal only after the goal", goalAfterGoal, fourUsers, "Buy"},
		{"two goals, one reached", twoGoals, []string{"u1: a b c buy", "u2: a b"}, ""},
	} {
		r, err := observe(t, load(t, c.src), c.users...).Run([]Change{{Improve: "b", By: 0.5}})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if r.Goal != c.want {
			t.Errorf("%s: goal %q, want %q", c.name, r.Goal, c.want)
		}
	}
}
