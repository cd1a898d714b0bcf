package events

import (
	"bytes"
	"hash/maphash"
	"runtime"
)

// userTable numbers the identities a worker meets and keeps their tallies. It is a Go map's
// job, done with fewer cache misses: a slot is 48 bytes holding the hash, the first idInline
// bytes of the key, the number and the tallies, so most rows touch one cache line or two for
// their user, which matters with hundreds of thousands of users. Slots are kept small
// because a new table's pages cost more to fault in than the slots cost to move.
type userTable struct {
	seed  maphash.Seed
	slots []userSlot // a power of two, at most three quarters full
	n     int
	tail  []byte    // the bytes after the first idInline of longer keys
	last  *userSlot // the slot found last, tried first: exports often group rows by user
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

// idInline is how many key bytes a slot holds.
const idInline = 16

// userSlot is one user; hash 0 marks it empty. Counts are 32-bit to fit the line: one
// identity with more than 4 billion rows is beyond any file this reads.
type userSlot struct {
	hash                       uint64
	key                        [idInline]byte
	len                        uint32
	tail                       uint32 // offset in userTable.tail of the rest of a longer key
	local                      uint32 // the worker-local number
	mapped, unmapped, filtered uint32
}

// newUserTable returns an empty table.
func newUserTable() *userTable {
	t := &userTable{seed: maphash.MakeSeed(), slots: make([]userSlot, 1024), mapped: &mappedSlots{}}
	runtime.AddCleanup(t, (*mappedSlots).free, t.mapped)
	return t
}

// release hands back the table's slots; the table must not be used after.
func (t *userTable) release() {
	t.mapped.free()
	t.slots, t.last = nil, nil
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
	old, size := t.slots, 2*len(t.slots)
	var fresh []userSlot
	if size >= mapFrom {
		fresh = mapSlots(size)
	}
	wasMapped := fresh != nil
	if !wasMapped {
		fresh = make([]userSlot, size)
	}
	t.slots = fresh
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
	t.mapped.free() // old, if it was mapped
	if wasMapped {
		t.mapped.slots = fresh
	}
	return moved
}

// prefetchRows is how many rows ahead the fast path touches the user table at once.
const prefetchRows = 16

// prefetcher loads the user-table slots of the next rows in one burst before they are
// parsed. Go has no prefetch instruction, but independent loads issued back to back miss
// the cache together, so a burst of rows costs about one memory round trip instead of one
// per row; the parse then finds the slots in cache. It only reads: if it guesses a row's
// identity wrong, that row merely misses the cache as it would have anyway.
type prefetcher struct {
	data []byte
	p    int // the start of the next row to touch
	col  int // the identity column
	idx  [prefetchRows]uint64
	sink uint64 // keeps the loads from being optimised away
}

// burst touches the slots of the next prefetchRows rows.
func (f *prefetcher) burst(t *userTable) {
	mask := uint64(len(t.slots) - 1)
	n := 0
	for ; n < len(f.idx) && f.p < len(f.data); n++ {
		row := f.data[f.p:]
		if e := bytes.IndexByte(row, '\n'); e >= 0 {
			row = row[:e]
		}
		f.p += len(row) + 1
		f.idx[n] = maphash.Bytes(t.seed, column(row, f.col)) & mask
	}
	for _, i := range f.idx[:n] {
		f.sink += t.slots[i].hash
	}
}

// column returns field col of an unquoted row, or what is left when the row is shorter.
func column(row []byte, col int) []byte {
	for range col {
		j := bytes.IndexByte(row, ',')
		if j < 0 {
			return row
		}
		row = row[j+1:]
	}
	if j := bytes.IndexByte(row, ','); j >= 0 {
		return row[:j]
	}
	return bytes.TrimSuffix(row, []byte{'\r'})
}
