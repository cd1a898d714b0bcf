package markov

// Counts are observed transitions between the states of a chain-to-be, numbered as in
// Chain: n transient states, then k absorbing ones. Workers count apart and Merge.
type Counts struct {
	n, k int
	c    []float64
}

// NewCounts returns empty counts for a chain of transient and absorbing states.
func NewCounts(transient, absorbing int) *Counts {
	return &Counts{n: transient, k: absorbing, c: make([]float64, transient*(transient+absorbing))}
}

// Absorbing returns the state number of the a-th absorbing state (0-based).
func (c *Counts) Absorbing(a int) int { return c.n + a }

// Add counts w transitions from transient state from to state to.
func (c *Counts) Add(from, to int, w float64) { c.c[from*(c.n+c.k)+to] += w }

// Count returns the transitions counted from transient state from to state to.
func (c *Counts) Count(from, to int) float64 { return c.c[from*(c.n+c.k)+to] }

// Out returns the transitions counted from transient state from to anywhere.
func (c *Counts) Out(from int) float64 {
	s := 0.0
	w := c.n + c.k
	for _, v := range c.c[from*w : (from+1)*w] {
		s += v
	}
	return s
}

// Merge adds o's counts, of a chain of the same shape, to c.
func (c *Counts) Merge(o *Counts) {
	for i, v := range o.c {
		c.c[i] += v
	}
}

// Chain returns the chain the counts estimate: P(i -> j) = count(i -> j) / count(i ->
// anything); a state never left keeps a zero row.
func (c *Counts) Chain() *Chain {
	ch := New(c.n, c.k)
	w := c.n + c.k
	for i := range c.n {
		out := c.Out(i)
		if out == 0 {
			continue
		}
		for j := range w {
			ch.p[i*w+j] = c.c[i*w+j] / out
		}
	}
	return ch
}
