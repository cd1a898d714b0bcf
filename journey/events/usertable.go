package events

import "hash/maphash"

// userTable numbers the identities a worker meets and keeps their tallies. It is a Go map's
// job, done with fewer cache misses: a slot is one 64-byte cache line holding the hash, the
// first idInline bytes of the key, the number and the tallies, so most rows touch one line
// for their user, which matters with hundreds of thousands of users.
type userTable struct {
	seed  maphash.Seed
	slots []userSlot // a power of two, at most three quarters full
	n     int
	tail  []byte    // the bytes after the first idInline of longer keys
	last  *userSlot // the slot found last, tried first: exports often group rows by user
}

// idInline is how many key bytes a slot holds.
const idInline = 16

// userSlot is one user; hash 0 marks it empty. Counts are 32-bit to fit the line: one
// identity with more than 4 billion rows is beyond any file this reads.
type userSlot struct {
	hash                       uint64
	segTime                    int64 // the time of the first-touch segment value
	key                        [idInline]byte
	len                        uint32
	tail                       uint32 // offset in userTable.tail of the rest of a longer key
	local                      uint32 // the worker-local number
	mapped, unmapped, filtered uint32
	seg                        uint32 // the first-touch segment value, an index in worker.segs; 0 for none
	segSeq                     uint32 // the chunk it came from, for ties across workers
}

// newUserTable returns an empty table.
func newUserTable() *userTable {
	return &userTable{seed: maphash.MakeSeed(), slots: make([]userSlot, 1024)}
}

// lookup returns the slot of key, adding key with number next when new (added is then
// true). The slot is valid until the next lookup.
func (t *userTable) lookup(key []byte, next uint32) (s *userSlot, added bool) {
	if t.last != nil && t.equal(t.last, key) {
		return t.last, false
	}
	h := maphash.Bytes(t.seed, key) | 1<<63 // the top bit marks the slot used; the low bits place it
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash == h && t.equal(s, key) {
			t.last = s
			return s, false
		}
		if s.hash == 0 {
			t.last = t.fill(i, h, key, next)
			return t.last, true
		}
	}
}

// equal reports whether slot s holds key.
func (t *userTable) equal(s *userSlot, key []byte) bool {
	if int(s.len) != len(key) {
		return false
	}
	if len(key) <= idInline {
		return string(s.key[:len(key)]) == string(key)
	}
	rest := len(key) - idInline
	return string(s.key[:]) == string(key[:idInline]) &&
		string(t.tail[s.tail:int(s.tail)+rest]) == string(key[idInline:])
}

// fill stores a new key in the empty slot i, growing the table when it gets three quarters
// full, and
// returns the key's slot.
func (t *userTable) fill(i uint64, h uint64, key []byte, local uint32) *userSlot {
	s := &t.slots[i]
	*s = userSlot{hash: h, len: uint32(len(key)), local: local}
	copy(s.key[:], key)
	if len(key) > idInline {
		s.tail = uint32(len(t.tail))
		t.tail = append(t.tail, key[idInline:]...)
	}
	if t.n++; t.n*4 > 3*len(t.slots) {
		return t.grow(local)
	}
	return s
}

// grow doubles the table, placing every slot by its stored hash, and returns the new slot
// of the user numbered local.
func (t *userTable) grow(local uint32) *userSlot {
	old := t.slots
	t.slots = make([]userSlot, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	var moved *userSlot
	for _, s := range old {
		if s.hash == 0 {
			continue
		}
		i := s.hash & mask
		for t.slots[i].hash != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		if s.local == local {
			moved = &t.slots[i]
		}
	}
	return moved
}
