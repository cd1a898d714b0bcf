package events

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"sync"
)

// A user key names a user of one worker: the user's worker-local number times the number of
// workers, plus the worker's index, so the keys of different workers never collide and the
// merger needs no shared numbering while the stream is read. The same identity met by two
// workers has two keys; ranking joins them.

// idRef is a worker-local user in the sort by identity: the identity's first eight bytes,
// big-endian and zero-padded, decide most comparisons without leaving the slice.
type idRef struct {
	prefix uint64
	local  uint32
}

// ranking is the users of every worker in identity order: rank maps a user key to the
// user's place, ids holds the distinct identities in that order, ends[r] where the r-th
// ends in ids.
type ranking struct {
	rank []uint32
	ids  string
	ends []uint32
}

// rankUsers sorts every worker's identities, each on its own goroutine, and merges the
// sorted lists, giving an identity met by several workers one place.
func rankUsers(ws []*worker) *ranking {
	refs := make([][]idRef, len(ws))
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Go(func() { refs[i] = w.sortedIDs() })
	}
	wg.Wait()
	most, total, idBytes := 0, 0, 0
	for _, w := range ws {
		most = max(most, int(w.nusers))
		total += int(w.nusers)
		idBytes += len(w.ids)
	}
	// sized for no identity shared between workers, the most there can be, so nothing grows
	r := &ranking{rank: make([]uint32, most*len(ws)), ends: make([]uint32, 0, total)}
	arena := make([]byte, 0, idBytes)
	pos := make([]int, len(ws))
	for {
		best := -1
		for i := range ws {
			if pos[i] < len(refs[i]) && (best < 0 || compareRefs(ws[i], refs[i][pos[i]], ws[best], refs[best][pos[best]]) < 0) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		id := ws[best].id(refs[best][pos[best]].local)
		arena = append(arena, id...)
		r.ends = append(r.ends, uint32(len(arena)))
		place := uint32(len(r.ends) - 1)
		for i, w := range ws {
			if pos[i] < len(refs[i]) && bytes.Equal(w.id(refs[i][pos[i]].local), id) {
				r.rank[int(refs[i][pos[i]].local)*len(ws)+i] = place
				pos[i]++
			}
		}
	}
	r.ids = string(arena)
	return r
}

// sortedIDs returns the worker's users sorted by identity.
func (w *worker) sortedIDs() []idRef {
	refs := make([]idRef, w.nusers)
	for i := range refs {
		refs[i] = idRef{prefix: idPrefix(w.id(uint32(i))), local: uint32(i)}
	}
	slices.SortFunc(refs, func(a, b idRef) int { return compareRefs(w, a, w, b) })
	return refs
}

// compareRefs orders two workers' users by identity.
func compareRefs(wa *worker, a idRef, wb *worker, b idRef) int {
	if a.prefix != b.prefix {
		return cmp.Compare(a.prefix, b.prefix)
	}
	return bytes.Compare(wa.id(a.local), wb.id(b.local))
}

// idPrefix returns the first eight bytes of id as a big-endian number, zero-padded, which
// orders identities as their bytes do wherever the prefixes differ.
func idPrefix(id []byte) uint64 {
	var b [8]byte
	copy(b[:], id)
	return binary.BigEndian.Uint64(b[:])
}
