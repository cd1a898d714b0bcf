package events

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
)

// nameTable finds the rule of an event name. It does what a map[string]*rule does, for the
// few names a map has, with a hash of a couple of loads and a multiply instead of a general
// string hash, and names of up to 8 bytes compared as one word: it runs once per row.
type nameTable struct {
	slots []nameSlot // a power of two, at most half full
	shift uint
}

// nameSlot is a name, its headOf, and its rule; a nil rule marks the slot empty.
type nameSlot struct {
	name []byte
	head uint64
	rule *rule
}

// newNameTable returns a table holding rules.
func newNameTable(rules map[string]*rule) nameTable {
	size := 8
	for size < 2*len(rules) {
		size *= 2
	}
	t := nameTable{slots: make([]nameSlot, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for name, r := range rules {
		i := t.place([]byte(name))
		for t.slots[i].rule != nil {
			i = (i + 1) & uint64(size-1)
		}
		t.slots[i] = nameSlot{[]byte(name), headOf([]byte(name)), r}
	}
	return t
}

// lookup returns the rule of name, or nil.
func (t *nameTable) lookup(name []byte) *rule {
	mask, head := uint64(len(t.slots)-1), headOf(name)
	for i := t.place(name); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.rule == nil || s.head == head && len(s.name) == len(name) && (len(name) <= 8 || sameBytes(s.name, name)) {
			return s.rule
		}
	}
}

// place returns the slot where the search for name starts.
func (t *nameTable) place(name []byte) uint64 {
	return nameHash(name) >> t.shift
}

// nameHash hashes an event name with a couple of loads and a multiply; its high bits place
// the name in a table.
func nameHash(name []byte) uint64 {
	var h uint64
	switch n := len(name); {
	case n >= 8:
		h = binary.LittleEndian.Uint64(name) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(name[n-8:]), 29)
	case n >= 4:
		h = uint64(binary.LittleEndian.Uint32(name))<<32 | uint64(binary.LittleEndian.Uint32(name[n-4:]))
	default:
		for _, c := range name {
			h = h<<8 | uint64(c)
		}
	}
	return (h ^ uint64(len(name))) * 0x9e3779b97f4a7c15
}

// nameCounts counts rows by event name: a map[string]int64's job for the names no
// touchpoint maps, without making a string of the name on every row as incrementing a map
// entry does. An export may hold millions of distinct names (an id or a page in the name),
// so a name is hashed with a seeded hash of every byte, whatever the names share, and
// copied once, into an arena; the slots hold no pointers for the collector to scan.
type nameCounts struct {
	seed  maphash.Seed
	slots []countSlot // a power of two, at most half full; nil before the first name
	shift uint
	n     int
	names arena
	// full is set when the arena can take no more names; the names met after are not
	// counted, and the read fails (see err).
	full bool
}

// countSlot is a name's hash, where the name is in the arena, and its count; a count of 0
// marks the slot empty.
type countSlot struct {
	hash       uint64
	start, end uint32
	count      int64
}

// add counts one row of name.
func (t *nameCounts) add(name []byte) { t.addN(name, 1) }

// addN counts n rows of name.
func (t *nameCounts) addN(name []byte, n int64) {
	if t.slots == nil {
		t.seed, t.slots, t.shift = maphash.MakeSeed(), make([]countSlot, 16), 64-4
	}
	h := maphash.Bytes(t.seed, name)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.count == 0 {
			t.insert(s, h, name, n)
			return
		}
		if s.hash == h && string(t.names.bytes(s.start, s.end)) == string(name) {
			s.count += n
			return
		}
	}
}

// insert puts a new name in the empty slot s, unless the arena is full.
func (t *nameCounts) insert(s *countSlot, h uint64, name []byte, n int64) {
	if t.names.full(len(name)) {
		t.full = true
		return
	}
	start, end := t.names.add(name)
	*s = countSlot{hash: h, start: start, end: end, count: n}
	if t.n++; 2*t.n > len(t.slots) {
		t.grow()
	}
}

// grow doubles the table, placing every slot by its stored hash.
func (t *nameCounts) grow() {
	old := t.slots
	t.slots, t.shift = make([]countSlot, 2*len(old)), t.shift-1
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.count == 0 {
			continue
		}
		i := s.hash >> t.shift
		for t.slots[i].count != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// merge adds o's counts to t.
func (t *nameCounts) merge(o *nameCounts) {
	t.full = t.full || o.full
	for _, s := range o.slots {
		if s.count != 0 {
			t.addN(o.names.bytes(s.start, s.end), s.count)
		}
	}
}

// err reports names left uncounted for want of room.
func (t *nameCounts) err() error {
	if t.full {
		return fmt.Errorf("at most %d bytes of distinct unmapped event names are supported", uint32(math.MaxUint32))
	}
	return nil
}

// MostUnmapped is how many event names Log.Unmapped keeps: the most frequent.
const MostUnmapped = 10

// top returns the k names with the most rows, and their counts; among names with as many
// rows, those first in byte order, as the coverage report lists them.
func (t *nameCounts) top(k int) map[string]int64 {
	best := make([]countSlot, 0, k+1)
	before := func(a, b countSlot) int {
		return cmp.Or(cmp.Compare(b.count, a.count), bytes.Compare(t.names.bytes(a.start, a.end), t.names.bytes(b.start, b.end)))
	}
	for _, s := range t.slots {
		if s.count == 0 || len(best) == k && before(s, best[k-1]) > 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, s, before)
		best = slices.Insert(best, i, s)[:min(len(best)+1, k)]
	}
	m := make(map[string]int64, len(best))
	for _, s := range best {
		m[string(t.names.bytes(s.start, s.end))] = s.count
	}
	return m
}
