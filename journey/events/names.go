package events

import (
	"encoding/binary"
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
// entry does. A name is copied once, when first counted.
type nameCounts struct {
	slots []countSlot // a power of two, at most half full; nil before the first name
	shift uint
	n     int
}

// countSlot is a name, its headOf, and its count; a count of 0 marks the slot empty.
type countSlot struct {
	name  []byte
	head  uint64
	count int64
}

// add counts one row of name.
func (t *nameCounts) add(name []byte) {
	if t.slots == nil {
		t.slots, t.shift = make([]countSlot, 16), 64-4
	}
	mask, head := uint64(len(t.slots)-1), headOf(name)
	for i := nameHash(name) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.count == 0 {
			*s = countSlot{name: slices.Clone(name), head: head, count: 1}
			if t.n++; 2*t.n > len(t.slots) {
				t.grow()
			}
			return
		}
		if s.head == head && len(s.name) == len(name) && (len(name) <= 8 || sameBytes(s.name, name)) {
			s.count++
			return
		}
	}
}

// grow doubles the table.
func (t *nameCounts) grow() {
	old := t.slots
	t.slots, t.shift = make([]countSlot, 2*len(old)), t.shift-1
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.count == 0 {
			continue
		}
		i := nameHash(s.name) >> t.shift
		for t.slots[i].count != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// addTo adds the counts to m.
func (t *nameCounts) addTo(m map[string]int64) {
	for _, s := range t.slots {
		if s.count != 0 {
			m[string(s.name)] += s.count
		}
	}
}
