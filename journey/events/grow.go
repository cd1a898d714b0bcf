package events

// extend returns s with room for n more elements: when s is full, a copy with double the
// capacity in populated memory (see populate). Append alone grows big slices by a quarter,
// copying more often, and leaves their pages to fault in one by one.
func extend[T any](s []T, n int) []T {
	if len(s)+n <= cap(s) {
		return s
	}
	grown := populate(make([]T, len(s), max(2*cap(s), len(s)+n, 256)))
	copy(grown, s)
	return grown
}

// columnShift sets how many elements a page of a column holds: 1<<columnShift.
const columnShift = 16

// column is an array that grows a page at a time: unlike a big slice it never copies what
// it holds nor leaves outgrown copies behind as garbage, and each page is populated as it
// is made (see populate). The first page grows as a slice does, so a small column stays
// small.
type column[T any] struct {
	pages [][]T
	n     int
}

// add appends a zero element and returns it.
func (c *column[T]) add() *T {
	switch {
	case c.n == 0:
		c.pages = [][]T{nil}
	case c.n&(1<<columnShift-1) == 0:
		c.pages = append(c.pages, populate(make([]T, 0, 1<<columnShift)))
	}
	last := &c.pages[len(c.pages)-1]
	var zero T
	*last = append(*last, zero)
	c.n++
	return &(*last)[len(*last)-1]
}

// extendTo adds zero elements until the column holds n, a page at a time.
func (c *column[T]) extendTo(n int) {
	for c.n < n {
		c.add() // which makes a page when the last one is full
		last := &c.pages[len(c.pages)-1]
		// what is past a slice's length is zero; the first page may have room past a page
		k := min(n-c.n, cap(*last)-len(*last), 1<<columnShift-len(*last))
		*last = (*last)[:len(*last)+k]
		c.n += k
	}
}

// at returns element i.
func (c *column[T]) at(i int) *T {
	return &c.pages[i>>columnShift][i&(1<<columnShift-1)]
}
