package markov

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"
)

// near reports whether got equals want up to rounding.
func near(got, want float64) bool { return math.Abs(got-want) <= 1e-12 }

// Transient states of the published attribution example (SPEC section 6): paths
// C1 > C2 > C3 (converts), C1 (null), C2 > C3 (null).
const (
	start = iota
	c1
	c2
	c3
)

// Absorbing states of the example.
const (
	conversion = iota
	null
)

func publishedExample() *Chain {
	c := NewCounts(4, 2)
	c.Add(start, c1, 2)
	c.Add(start, c2, 1)
	c.Add(c1, c2, 1)
	c.Add(c1, c.Absorbing(null), 1)
	c.Add(c2, c3, 2)
	c.Add(c3, c.Absorbing(conversion), 1)
	c.Add(c3, c.Absorbing(null), 1)
	return c.Chain()
}

// TestPublishedExample: p = 1/3; the start is visited once, C1, C2 and C3 each 2/3 times
// (C1: two of three paths start there; C2: one path starts there and half of C1's go on to
// it; C3: every visit of C2 goes on).
func TestPublishedExample(t *testing.T) {
	s, err := publishedExample().Solve(start)
	if err != nil {
		t.Fatal(err)
	}
	if !near(s.Absorption[conversion], 1.0/3) || !near(s.Absorption[null], 2.0/3) {
		t.Errorf("absorption = %v, want [1/3 2/3]", s.Absorption)
	}
	for i, want := range []float64{1, 2.0 / 3, 2.0 / 3, 2.0 / 3} {
		if !near(s.Visits[i], want) {
			t.Errorf("visits[%d] = %v, want %v", i, s.Visits[i], want)
		}
	}
}

// TestRedirect removes each channel of the published example as the removal effect does:
// without C1, p = 1/3 * 1 * 1/2 = 1/6; without C2 or C3 no path converts.
func TestRedirect(t *testing.T) {
	ch := publishedExample()
	for state, want := range map[int]float64{c1: 1.0 / 6, c2: 0, c3: 0} {
		removed := ch.Clone()
		removed.Redirect(state, ch.Absorbing(null))
		s, err := removed.Solve(start)
		if err != nil {
			t.Fatal(err)
		}
		if !near(s.Absorption[conversion], want) {
			t.Errorf("without state %d: p = %v, want %v", state, s.Absorption[conversion], want)
		}
		if s.Visits[state] != 0 {
			t.Errorf("without state %d: it is still visited %v times", state, s.Visits[state])
		}
	}
	if s, _ := ch.Solve(start); !near(s.Absorption[conversion], 1.0/3) {
		t.Errorf("Redirect on a clone changed the original: p = %v", s.Absorption[conversion])
	}
}

// TestLoop: start -> A; A -> A 1/2, A -> B 1/4, A -> exit 1/4; B -> A 1/3, B -> goal 2/3.
// By hand: h_A = h_A/2 + h_B/4 and h_B = h_A/3 + 2/3 give p = h_A = 2/5; the visits solve
// x_A = 1 + x_A/2 + x_B/3 and x_B = x_A/4: x_A = 12/5, x_B = 3/5.
func TestLoop(t *testing.T) {
	const (
		s0, a, b   = 0, 1, 2
		goal, exit = 0, 1
	)
	ch := New(3, 2)
	ch.Set(s0, a, 1)
	ch.Set(a, a, 0.5)
	ch.Set(a, b, 0.25)
	ch.Set(a, ch.Absorbing(exit), 0.25)
	ch.Set(b, a, 1.0/3)
	ch.Set(b, ch.Absorbing(goal), 2.0/3)
	s, err := ch.Solve(s0)
	if err != nil {
		t.Fatal(err)
	}
	if !near(s.Absorption[goal], 2.0/5) || !near(s.Absorption[exit], 3.0/5) {
		t.Errorf("absorption = %v, want [2/5 3/5]", s.Absorption)
	}
	for i, want := range []float64{1, 12.0 / 5, 3.0 / 5} {
		if !near(s.Visits[i], want) {
			t.Errorf("visits[%d] = %v, want %v", i, s.Visits[i], want)
		}
	}
}

// TestTrap: states the start reaches that can never reach an absorbing state are an
// error naming them; a trap the start never reaches is no concern.
func TestTrap(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(ch *Chain)
		want []int
	}{
		{"two states in a loop", func(ch *Chain) {
			ch.Set(0, 1, 1)
			ch.Set(1, 2, 1)
			ch.Set(2, 1, 1)
		}, []int{0, 1, 2}},
		{"a state with no way out", func(ch *Chain) {
			ch.Set(0, 1, 0.5)
			ch.Set(0, ch.Absorbing(0), 0.5)
		}, []int{1}},
		{"a loop behind a way out", func(ch *Chain) {
			ch.Set(0, 1, 1)
			ch.Set(1, 3, 0.5)
			ch.Set(1, ch.Absorbing(0), 0.5)
			ch.Set(3, 3, 1)
		}, []int{3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := New(4, 1)
			tc.set(ch)
			_, err := ch.Solve(0)
			var trap *TrapError
			if !errors.As(err, &trap) || !slices.Equal(trap.States, tc.want) {
				t.Fatalf("err = %v, want a trap of %v", err, tc.want)
			}
		})
	}
	ch := New(3, 1)
	ch.Set(0, ch.Absorbing(0), 1)
	ch.Set(2, 2, 1) // unreachable
	s, err := ch.Solve(0)
	if err != nil || s.Absorption[0] != 1 || s.Visits[2] != 0 {
		t.Fatalf("unreachable trap: %v, %v", s, err)
	}
}

// TestCountsNormalise: each state's counts become probabilities of its own row; a state
// never left has a zero row.
func TestCountsNormalise(t *testing.T) {
	c := NewCounts(2, 1)
	c.Add(0, 1, 3)
	c.Add(0, c.Absorbing(0), 1)
	o := NewCounts(2, 1)
	o.Add(1, c.Absorbing(0), 5)
	c.Merge(o)
	ch := c.Chain()
	for _, tc := range []struct {
		from, to int
		want     float64
	}{{0, 1, 0.75}, {0, 2, 0.25}, {1, 2, 1}, {1, 0, 0}} {
		if got := ch.P(tc.from, tc.to); got != tc.want {
			t.Errorf("P(%d, %d) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
	if c.Count(0, 1) != 3 || c.Out(0) != 4 {
		t.Errorf("Count = %v, Out = %v", c.Count(0, 1), c.Out(0))
	}
}

// TestSolvePivots: elimination picks the largest pivot, so a zero on the diagonal is no
// obstacle and the answer is exact for a permutation.
func TestSolvePivots(t *testing.T) {
	a := []float64{0, 1, 0, 1, 0, 0, 0, 0, 2}
	x := []float64{2, 3, 4}
	if !solve(a, x) {
		t.Fatal("singular")
	}
	if !slices.Equal(x, []float64{3, 2, 2}) {
		t.Errorf("x = %v, want [3 2 2]", x)
	}
	if solve([]float64{1, 2, 2, 4}, []float64{1, 1}) {
		t.Error("a singular matrix was solved")
	}
}

// BenchmarkSolve solves a chain of n states where each state goes on to the next three
// and leaves or converts, as a journey map of n touchpoints would.
func BenchmarkSolve(b *testing.B) {
	for _, n := range []int{16, 100} {
		c := NewCounts(n, 2)
		for i := range n {
			for k := 1; k <= 3; k++ {
				c.Add(i, (i+k)%n, float64(k))
			}
			c.Add(i, c.Absorbing(0), 1)
			c.Add(i, c.Absorbing(1), 2)
		}
		ch := c.Chain()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ch.Solve(0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
