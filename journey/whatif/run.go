package whatif

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/markov"
)

// Change is one --improve or --skip. Its JSON is {"improve": T, "by": F} or {"skip": T}.
type Change struct {
	// Improve names a touchpoint whose exits By (0 < By <= 1) of no longer leave.
	Improve string  `json:"improve,omitempty"`
	By      float64 `json:"by,omitempty"`
	// Skip names a touchpoint taken out of the journey, nobody lost there.
	Skip string `json:"skip,omitempty"`
}

// flag is the command-line flag of c, for messages.
func (c Change) flag() string {
	if c.Skip != "" {
		return "--skip"
	}
	return "--improve"
}

// target is the touchpoint id c names.
func (c Change) target() string { return c.Improve + c.Skip }

// Error is a change that cannot be applied to the observed flow, or a scenario that
// cannot be solved: a problem with the user's input, not a failure of the tool.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

func errorf(format string, args ...any) *Error { return &Error{fmt.Sprintf(format, args...)} }

// scenario is a chain being changed, with the touchpoints taken out so far.
type scenario struct {
	md      *Model
	chain   *markov.Chain
	skipped []bool
}

// Run applies the changes to the observed chain, in order, and solves the baseline and
// the scenario.
func (md *Model) Run(changes []Change) (*Report, error) {
	base := md.counts.Chain()
	sc := &scenario{md: md, chain: base.Clone(), skipped: make([]bool, len(md.tps))}
	for _, c := range changes {
		if err := sc.apply(c); err != nil {
			return nil, err
		}
	}
	b, err := md.solve(base)
	if err != nil {
		return nil, err
	}
	s, err := md.solve(sc.chain)
	if err != nil {
		return nil, err
	}
	return md.report(changes, b, s), nil
}

// solve solves a chain from (start); a chain in which some users never reach (goal) or
// (exit) is an *Error naming where they are stuck.
func (md *Model) solve(ch *markov.Chain) (*markov.Solution, error) {
	if md.users == 0 {
		return &markov.Solution{Absorption: make([]float64, 2), Visits: make([]float64, 1+len(md.tps))}, nil
	}
	s, err := ch.Solve(0)
	var trap *markov.TrapError
	if errors.As(err, &trap) {
		var names []string
		for _, st := range trap.States {
			if st > 0 {
				names = append(names, md.tps[st-1].Name)
			}
		}
		return nil, errorf("the scenario traps users in a loop: from %s they can never reach a goal nor leave", andList(names))
	}
	return s, err
}

// apply applies one change.
func (sc *scenario) apply(c Change) error {
	t, err := sc.state(c)
	if err != nil {
		return err
	}
	if c.Skip != "" {
		err = sc.skip(t, c)
		sc.skipped[t] = true
		return err
	}
	return sc.improve(t, c)
}

// state returns the touchpoint index c names, or an *Error when it is not a state of the
// chain a change can apply to.
func (sc *scenario) state(c Change) (int, error) {
	md := sc.md
	t := md.m.Touchpoint(c.target())
	switch {
	case t == nil:
		msg := fmt.Sprintf("%s %q: no touchpoint has this id", c.flag(), c.target())
		if s := journey.Suggest(c.target(), md.stateIDs()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return 0, &Error{msg}
	case t.Goal:
		return 0, errorf("%s %q: %s is a goal; name a step before it", c.flag(), c.target(), t.Name)
	case !md.isState(t.Index) && !slices.ContainsFunc(md.tps, func(t *journey.Touchpoint) bool { return t.Goal }):
		return 0, errorf("%s %q: no user visits %s", c.flag(), c.target(), t.Name)
	case !md.isState(t.Index):
		return 0, errorf("%s %q: no user visits %s before reaching a goal", c.flag(), c.target(), t.Name)
	case sc.skipped[t.Index]:
		return 0, errorf("%s %q: an earlier --skip took %s out", c.flag(), c.target(), t.Name)
	}
	return t.Index, nil
}

// improve moves By of touchpoint t's exits to its other transitions, (goal) included,
// in proportion to them; without any, evenly over its next touchpoints.
func (sc *scenario) improve(t int, c Change) error {
	ch, s := sc.chain, 1+t
	e := ch.P(s, ch.Absorbing(exit))
	moved := e * c.By
	if moved == 0 {
		return nil
	}
	onward := sc.onward(s)
	if onward == 0 && len(sc.nextStates(t)) == 0 {
		return sc.noWayOn(t, c)
	}
	sc.pass(s, s, moved, onward, t)
	ch.Set(s, ch.Absorbing(exit), e-moved)
	return nil
}

// pass adds q to state from's transitions as state s's users go on: in proportion to s's
// transitions to other states and (goal) when it has any (onward, their sum, > 0), else
// evenly over touchpoint t's next states.
func (sc *scenario) pass(from, s int, q, onward float64, t int) {
	ch := sc.chain
	if onward == 0 {
		next := sc.nextStates(t)
		for _, j := range next {
			ch.Set(from, j, ch.P(from, j)+q/float64(len(next)))
		}
		return
	}
	for _, j := range sc.targets(s) {
		ch.Set(from, j, ch.P(from, j)+q*ch.P(s, j)/onward)
	}
}

// skip sends every transition into touchpoint t on as t's own users go on, leaving out
// its loops and exits; without onward transitions, evenly over its next touchpoints.
func (sc *scenario) skip(t int, c Change) error {
	ch, s := sc.chain, 1+t
	onward := sc.onward(s)
	if onward == 0 && len(sc.nextStates(t)) == 0 {
		return sc.noWayOn(t, c)
	}
	for i := range ch.Transient() {
		if q := ch.P(i, s); i != s && q != 0 {
			ch.Set(i, s, 0)
			sc.pass(i, s, q, onward, t)
		}
	}
	return nil
}

// targets are the states state s goes on to: every other transient state and (goal),
// neither a loop nor an exit.
func (sc *scenario) targets(s int) []int {
	var out []int
	for j := range sc.chain.Transient() {
		if j != s && sc.chain.P(s, j) > 0 {
			out = append(out, j)
		}
	}
	if sc.chain.P(s, sc.chain.Absorbing(goal)) > 0 {
		out = append(out, sc.chain.Absorbing(goal))
	}
	return out
}

// onward is the probability that state s goes on to one of its targets.
func (sc *scenario) onward(s int) float64 {
	sum := 0.0
	for _, j := range sc.targets(s) {
		sum += sc.chain.P(s, j)
	}
	return sum
}

// nextStates lists the states touchpoint t's next in the map leads to: each next
// touchpoint that is a state of the chain, or (goal) for a goal, leaving out t itself and
// the touchpoints taken out.
func (sc *scenario) nextStates(t int) []int {
	var out []int
	for _, n := range sc.md.m.NextOf(sc.md.tps[t]) {
		switch {
		case n.Index == t || sc.skipped[n.Index]:
		case n.Goal:
			out = append(out, sc.chain.Absorbing(goal))
		case sc.md.isState(n.Index):
			out = append(out, 1+n.Index)
		}
	}
	return out
}

// noWayOn is the error for a step with neither onward transitions nor next touchpoints. It
// names the next touchpoints an earlier --skip took out, which would otherwise be a way on.
func (sc *scenario) noWayOn(t int, c Change) error {
	var skipped []string
	for _, n := range sc.md.m.NextOf(sc.md.tps[t]) {
		if n.Index != t && sc.skipped[n.Index] {
			skipped = append(skipped, n.Name)
		}
	}
	msg := fmt.Sprintf("%s %q: users on %s only leave, and the map gives it no next touchpoint that users visit or that is a goal",
		c.flag(), c.target(), sc.md.tps[t].Name)
	if len(skipped) > 0 {
		msg += fmt.Sprintf(" but %s, which an earlier --skip takes out", andList(skipped))
	}
	return errorf("%s", msg)
}

// stateIDs are the ids of the chain's states, for suggestions.
func (md *Model) stateIDs() []string {
	var out []string
	for i, t := range md.tps {
		if md.isState(i) {
			out = append(out, t.ID)
		}
	}
	return out
}

// andList joins names as "A", "A and B", "A, B and C".
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// agree reports whether a and b are equal up to rounding.
func agree(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
