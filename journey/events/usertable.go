package events

import (
	"hash/maphash"
	"runtime"
)

// userTable numbers identities in the order they are first met, and keeps them, one after
// the other, in one byte arena. It is a Go map's job, done with fewer cache misses and less
// memory: a slot is 32 bytes holding the hash, the first idInline bytes of the identity and
// its number, so a lookup touches one cache line, which matters with millions of users.
type userTable struct {
	seed  maphash.Seed
	slots []userSlot // a power of two, at most three quarters full
	shift uint       // 64 minus the bits that number the slots
	n     int
	// ids holds the identities in the order of their numbers; ends.at(u) is where u's ends.
	ids  []byte
	ends column[uint32]
	last int    // the slot found last, tried first: runs of one identity often meet again
	sink uint64 // what touch loads, kept so that the loads are not optimised away
	// mapped holds the slots when they were mapped outside the Go heap (see mapSlots).
	mapped *mappedSlots
}

// mappedSlots are slots outside the Go heap, handed back when the table grows, when it is
// released, or, after an error, when the table is collected.
type mappedSlots struct{ slots []userSlot }

// free hands the slots back.
func (m *mappedSlots) free() {
	if m.slots != nil {
		unmapSlots(m.slots)
		m.slots = nil
	}
}

// mapFrom is the table size from which slots are mapped outside the Go heap.
const mapFrom = 1 << 15

// initialBits sets the size of a new table: 1<<initialBits slots.
const initialBits = 10

// idInline is how many identity bytes a slot holds.
const idInline = 16

// userSlot is one user; hash 0 marks it empty.
type userSlot struct {
	hash uint64
	key  [idInline]byte
	len  uint32
	user uint32 // the user's number
}

// newUserTable returns an empty table.
func newUserTable() *userTable {
	t := &userTable{seed: maphash.MakeSeed(), slots: make([]userSlot, 1<<initialBits),
		shift: 64 - initialBits, mapped: &mappedSlots{}}
	runtime.AddCleanup(t, (*mappedSlots).free, t.mapped)
	return t
}

// release hands back the table's slots; only its identities may be used after.
func (t *userTable) release() {
	t.mapped.free()
	t.slots = nil
}

// idHash returns the hash of an identity under seed as the table stores it: the top bit
// set marks a slot used, and the next bits place it.
func idHash(seed maphash.Seed, key []byte) uint64 {
	return maphash.Bytes(seed, key) | 1<<63
}

// lookup returns the number of key, whose idHash under the table's seed is h, numbering it
// when new (added is then true).
func (t *userTable) lookup(key []byte, h uint64) (user uint32, added bool) {
	if s := &t.slots[t.last]; s.hash == h && t.equal(s, key) {
		return s.user, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.place(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash == h && t.equal(s, key) {
			t.last = int(i)
			return s.user, false
		}
		if s.hash == 0 {
			return t.add(i, h, key), true
		}
	}
}

// id returns the identity numbered u.
func (t *userTable) id(u uint32) []byte {
	start := uint32(0)
	if u > 0 {
		start = *t.ends.at(int(u) - 1)
	}
	return t.ids[start:*t.ends.at(int(u))]
}

// equal reports whether slot s holds key.
func (t *userTable) equal(s *userSlot, key []byte) bool {
	if int(s.len) != len(key) {
		return false
	}
	if len(key) <= idInline {
		return string(s.key[:len(key)]) == string(key)
	}
	return string(s.key[:]) == string(key[:idInline]) && string(t.id(s.user)[idInline:]) == string(key[idInline:])
}

// touch loads the slots where the keys of hashes hs would be found, one after the other:
// their cache misses then overlap, and the lookups that follow find the slots in cache.
// Go has no prefetch instruction; independent loads issued back to back do the same.
func (t *userTable) touch(hs []uint64) {
	for _, h := range hs {
		t.sink += t.slots[t.place(h)].hash
	}
}

// place returns the slot where the search for hash h starts: the hash's high bits below the
// top one, which marks a slot used. Slots are then in hash order, but for the few that
// probing wraps around, so that growing writes the new slots nearly front to back instead
// of all over the table.
func (t *userTable) place(h uint64) uint64 {
	return (h << 1) >> t.shift
}

// add numbers a new key in the empty slot i, growing the table when it gets three quarters
// full, and returns the key's number.
func (t *userTable) add(i uint64, h uint64, key []byte) uint32 {
	u := uint32(t.ends.n)
	s := &t.slots[i]
	*s = userSlot{hash: h, len: uint32(len(key)), user: u}
	copy(s.key[:], key)
	t.ids = append(extend(t.ids, len(key)), key...)
	*t.ends.add() = uint32(len(t.ids))
	t.last = int(i)
	if t.n++; t.n*4 > 3*len(t.slots) {
		t.grow()
	}
	return u
}

// grow doubles the table, placing every slot by its stored hash.
func (t *userTable) grow() {
	old, size := t.slots, 2*len(t.slots)
	var fresh []userSlot
	if size >= mapFrom {
		fresh = mapSlots(size)
	}
	wasMapped := fresh != nil
	if !wasMapped {
		fresh = make([]userSlot, size)
	}
	t.slots, t.last, t.shift = fresh, 0, t.shift-1
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.hash == 0 {
			continue
		}
		i := t.place(s.hash)
		for t.slots[i].hash != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
	t.mapped.free() // old, if it was mapped
	if wasMapped {
		t.mapped.slots = fresh
	}
}
