package events

import (
	"encoding/binary"
	"math/bits"
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
	h = (h ^ uint64(len(name))) * 0x9e3779b97f4a7c15
	return h >> t.shift
}
