package markov

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Chain is an absorbing Markov chain with n transient states, numbered 0 to n-1, and k
// absorbing states, numbered n to n+k-1 wherever a state is named (Absorbing(a) gives the
// number of the a-th). Only transient states have rows; an absorbing state is never left.
type Chain struct {
	n, k int
	// p holds the rows of the transient states one after the other, n+k wide.
	p []float64
}

// New returns a chain of transient and absorbing states with every probability 0.
func New(transient, absorbing int) *Chain {
	return &Chain{n: transient, k: absorbing, p: make([]float64, transient*(transient+absorbing))}
}

// Transient returns the number of transient states.
func (c *Chain) Transient() int { return c.n }

// Absorbing returns the state number of the a-th absorbing state (0-based).
func (c *Chain) Absorbing(a int) int { return c.n + a }

// P returns the probability of going from transient state from to state to.
func (c *Chain) P(from, to int) float64 { return c.p[from*(c.n+c.k)+to] }

// Set sets the probability of going from transient state from to state to.
func (c *Chain) Set(from, to int, p float64) { c.p[from*(c.n+c.k)+to] = p }

// Clone returns a copy of c that can be changed on its own.
func (c *Chain) Clone() *Chain { return &Chain{n: c.n, k: c.k, p: slices.Clone(c.p)} }

// Redirect sends every transition into transient state s to state to instead, as when a
// state is taken out and whoever would have gone there ends in to.
func (c *Chain) Redirect(s, to int) {
	for i := range c.n {
		if q := c.P(i, s); q != 0 {
			c.Set(i, to, c.P(i, to)+q)
			c.Set(i, s, 0)
		}
	}
}

// Solution is what Solve finds from one start state.
type Solution struct {
	// Absorption[a] is the probability of ending in the a-th absorbing state.
	Absorption []float64
	// Visits[i] is the expected number of times transient state i is visited, the start's
	// own first visit included; 0 for states the start never reaches.
	Visits []float64
}

// TrapError is returned by Solve when some transient states that the start reaches can
// reach no absorbing state: whoever gets there never leaves.
type TrapError struct {
	// States are the trapped states, ascending.
	States []int
}

func (e *TrapError) Error() string {
	s := make([]string, len(e.States))
	for i, st := range e.States {
		s[i] = strconv.Itoa(st)
	}
	return fmt.Sprintf("states %s can reach no absorbing state", strings.Join(s, ", "))
}

// Solve returns the absorption probabilities and expected visits from transient state
// start. It solves x (I - Q) = e_start over the states start reaches, x being the start's
// row of the fundamental matrix; the absorption probabilities are x R.
func (c *Chain) Solve(start int) (*Solution, error) {
	reach := c.reachable(start)
	if trapped := c.trapped(reach); len(trapped) > 0 {
		return nil, &TrapError{States: trapped}
	}
	m := len(reach)
	a := make([]float64, m*m) // (I - Q)^T over reach, row-major
	for r, i := range reach {
		for col, j := range reach {
			a[col*m+r] = -c.P(i, j)
		}
		a[r*m+r]++
	}
	x := make([]float64, m)
	x[slices.Index(reach, start)] = 1
	if !solve(a, x) {
		// Every state in reach can leave it, so I - Q is invertible; only rows that do not
		// sum to 1 could break that.
		return nil, fmt.Errorf("the chain's equations have no single solution")
	}
	s := &Solution{Absorption: make([]float64, c.k), Visits: make([]float64, c.n)}
	for r, i := range reach {
		s.Visits[i] = x[r]
		for a := range c.k {
			s.Absorption[a] += float64(x[r] * c.P(i, c.n+a))
		}
	}
	return s, nil
}

// reachable returns the transient states reachable from start, start included, ascending.
func (c *Chain) reachable(start int) []int {
	seen := make([]bool, c.n)
	seen[start] = true
	stack := []int{start}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for j := range c.n {
			if !seen[j] && c.P(i, j) > 0 {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	var out []int
	for i, ok := range seen {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// trapped returns the states of reach from which no absorbing state can be reached,
// ascending: it marks the states with a transition to an absorbing state, then, until
// nothing changes, every state with a transition to a marked one.
func (c *Chain) trapped(reach []int) []int {
	leaves := make([]bool, c.n)
	for changed := true; changed; {
		changed = false
		for _, i := range reach {
			if !leaves[i] && c.leads(i, leaves) {
				leaves[i], changed = true, true
			}
		}
	}
	var out []int
	for _, i := range reach {
		if !leaves[i] {
			out = append(out, i)
		}
	}
	return out
}

// leads reports whether state i goes with some probability to an absorbing state or to a
// state marked in leaves.
func (c *Chain) leads(i int, leaves []bool) bool {
	for j := range c.n + c.k {
		if c.P(i, j) > 0 && (j >= c.n || leaves[j]) {
			return true
		}
	}
	return false
}
