package events

// idPageBits sets the size of a page of identities: 1<<idPageBits bytes, of which an
// identity never takes the last, so that where it ends tells its page. An identity is at
// most MaxRowBytes long, so it always fits a page.
const idPageBits = 21

// arena keeps byte strings one after the other, in pages, so that it grows without copying
// what it holds or leaving outgrown copies as garbage, and can let go of its pages one by
// one once they are read. A string is found by where it starts and ends: its page <<
// idPageBits | its place in the page. The first page grows as a slice does, so a small
// arena stays small.
type arena struct {
	pages [][]byte
}

// add appends b and returns where it starts and ends.
func (a *arena) add(b []byte) (start, end uint32) {
	n := len(a.pages)
	if n == 0 || len(a.pages[n-1])+len(b) >= 1<<idPageBits {
		size := 0
		if n > 0 {
			size = 1<<idPageBits - 1
		}
		a.pages = append(a.pages, populate(make([]byte, 0, size)))
		n++
	}
	p := &a.pages[n-1]
	start = uint32(n-1)<<idPageBits | uint32(len(*p))
	if n == 1 {
		*p = append(extend(*p, len(b)), b...)
	} else {
		*p = append(*p, b...)
	}
	return start, start + uint32(len(b))
}

// full reports whether adding n more bytes might take the arena past where positions fit
// in 32 bits.
func (a *arena) full(n int) bool {
	return len(a.pages)+n>>idPageBits+2 >= 1<<(32-idPageBits)
}

// bytes returns the string from start to end.
func (a *arena) bytes(start, end uint32) []byte {
	return a.pages[start>>idPageBits][start&(1<<idPageBits-1) : end-start>>idPageBits<<idPageBits]
}

// size returns how many bytes the arena holds.
func (a *arena) size() int {
	n := 0
	for _, p := range a.pages {
		n += len(p)
	}
	return n
}

// free lets go of the pages before the one holding start.
func (a *arena) free(start uint32) {
	for i := range int(start >> idPageBits) {
		a.pages[i] = nil
	}
}
