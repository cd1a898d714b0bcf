package simulate

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"time"
)

// byTime writes the rows of users 1 to n merged by time. A first pass walks every user
// without writing, noting where each starts in the random stream and when it arrives; the
// second takes the users in order of arrival and keeps those whose walks are under way in
// a heap, ordered by the second of their next row and then by user, so that the output is
// the ByUser output sorted stably by its timestamp column.
func (g *walker) byTime(n int) {
	arrivals := make([]arrival, n)
	for u := range n {
		pcg := *g.pcg
		w := g.begin(u + 1)
		arrivals[u] = arrival{at: w.now.Truncate(time.Second), user: int32(u), pcg: pcg}
		for g.next(&w) {
		}
	}
	slices.SortFunc(arrivals, func(a, b arrival) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.user, b.user))
	})
	var h walkHeap
	var walks []walk // the walks under way, by slot; free lists the slots they left
	var free []int32
	for len(arrivals) > 0 || len(h) > 0 {
		if len(arrivals) > 0 && (len(h) == 0 || arrivals[0].at <= h[0].at) {
			*g.pcg = arrivals[0].pcg
			w := g.begin(int(arrivals[0].user) + 1)
			arrivals = arrivals[1:]
			if !g.next(&w) {
				continue
			}
			w.pcg = *g.pcg
			slot := int32(len(walks))
			if n := len(free); n > 0 {
				slot, free = free[n-1], free[:n-1]
				walks[slot] = w
			} else {
				walks = append(walks, w)
			}
			h.push(heapEntry{at: w.key(), user: w.user, slot: slot})
			continue
		}
		w := &walks[h[0].slot]
		g.emit(w)
		*g.pcg = w.pcg
		if g.next(w) {
			w.pcg = *g.pcg
			h[0].at = w.key()
			h.fix()
		} else {
			free = append(free, h[0].slot)
			h.pop()
		}
	}
}

// arrival is when a user's walk starts, to the second, and where it starts in the random
// stream.
type arrival struct {
	at   time.Duration
	user int32
	pcg  rand.PCG
}

// key returns the second of w's next row.
func (w *walk) key() time.Duration { return w.now.Truncate(time.Second) }

// heapEntry is a walk under way: the second of its next row, its user, and its slot.
type heapEntry struct {
	at         time.Duration
	user, slot int32
}

// before reports whether a's next row goes before b's.
func before(a, b *heapEntry) bool {
	return a.at < b.at || a.at == b.at && a.user < b.user
}

// walkHeap is a 4-ary min-heap of walks under way, by before: shallower than a binary
// heap, and a node's children share a cache line.
type walkHeap []heapEntry

// push adds e.
func (h *walkHeap) push(e heapEntry) {
	*h = append(*h, e)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 4
		if !before(&s[i], &s[p]) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

// pop removes the first entry.
func (h *walkHeap) pop() {
	s := *h
	s[0] = s[len(s)-1]
	*h = s[:len(s)-1]
	h.fix()
}

// fix moves the first entry down to its place, after its time grew.
func (h walkHeap) fix() {
	for i := 0; ; {
		first := 4*i + 1
		if first >= len(h) {
			return
		}
		c := first
		for k := first + 1; k < min(first+4, len(h)); k++ {
			if before(&h[k], &h[c]) {
				c = k
			}
		}
		if !before(&h[c], &h[i]) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}
