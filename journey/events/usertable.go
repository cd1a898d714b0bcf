package events

import (
	"encoding/binary"
	"hash/maphash"
	"runtime"
	"unsafe"
)

// userTable numbers identities in the order they are first met. It is a Go map's job, done
// with fewer cache misses and less memory: a slot is 16 bytes holding part of the hash, the
// number, and the identity itself when it has up to 8 bytes, else where it is in a byte
// arena that keeps the longer identities one after the other. A lookup touches one cache
// line and, for a longer identity, its bytes in the arena; millions of users fit in tens of
// megabytes. A table that keeps its identities has all of them in the arena, in the order
// of their numbers, for id.
type userTable struct {
	seed  maphash.Seed
	slots []userSlot // a power of two, at most three quarters full
	shift uint       // 32 minus the bits that number the slots
	n     int
	// ids holds the identities longer than 8 bytes, or, when the table keeps them, all of
	// them, in the order of their numbers; ends.at(u) is then where u's ends (see arena).
	ids  arena
	ends column[uint32]
	keep bool
	last int    // the slot found last, tried first: runs of one identity often meet again
	sink uint32 // what shard.touchUsers loads, kept so that the loads are not optimised away
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

// maxUsers is how many users a table numbers: a slot keeps the length next to the number.
const maxUsers = 1 << 28

// longID is the length a slot notes for identities longer than 8 bytes.
const longID = 15

// userSlot is one user; tag 0 marks it empty.
type userSlot struct {
	tag  uint32 // the top half of the identity's idHash, whose top bit is always set
	user uint32 // the user's number << 4 | the identity's length up to 8, or longID
	// head is the identity zero-padded when it has up to 8 bytes, else its length << 32 |
	// where it starts in ids.
	head uint64
}

// newUserTable returns an empty table that hashes with seed, and keeps its identities for
// id when keep is set.
func newUserTable(seed maphash.Seed, keep bool) *userTable {
	t := &userTable{seed: seed, slots: make([]userSlot, 1<<initialBits),
		shift: 32 - initialBits, mapped: &mappedSlots{}, keep: keep}
	runtime.AddCleanup(t, (*mappedSlots).free, t.mapped)
	return t
}

// release hands back the table's slots, and its identities unless it keeps them: only
// those may be used after.
func (t *userTable) release() {
	t.mapped.free()
	t.slots = nil
	if !t.keep {
		t.ids = arena{}
	}
}

// idHash returns the hash of an identity under seed as the table stores it: the top bit
// set marks a slot used, and the next bits place it.
func idHash(seed maphash.Seed, key []byte) uint64 {
	return maphash.Bytes(seed, key) | 1<<63
}

// lookup returns the number of key, whose idHash under the table's seed is h, numbering it
// when new (added is then true).
func (t *userTable) lookup(key []byte, h uint64) (user uint32, added bool) {
	tag, head, size := uint32(h>>32), headOf(key), sizeOf(key)
	if s := &t.slots[t.last]; s.tag == tag && t.holds(s, head, size, key) {
		return s.user >> 4, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := t.place(tag); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.tag == tag && t.holds(s, head, size, key) {
			t.last = int(i)
			return s.user >> 4, false
		}
		if s.tag == 0 {
			return t.add(i, tag, head, size, key), true
		}
	}
}

// headOf returns the first 8 bytes of key, zero-padded, as a word. Identities and event
// names are mostly shorter than 8 bytes, so when key's capacity allows, as it does inside a
// row buffer, it reads 8 bytes and masks off those past key's end.
func headOf(key []byte) uint64 {
	if cap(key) >= 8 {
		return binary.LittleEndian.Uint64(key[:8]) & (^uint64(0) >> (64 - 8*min(len(key), 8)))
	}
	var h uint64
	for i, c := range key {
		h |= uint64(c) << (8 * i)
	}
	return h
}

// sizeOf returns the length a slot notes for key: its length up to 8 bytes, else longID,
// as only a key of up to 8 bytes is whole in the slot's head.
func sizeOf(key []byte) uint32 {
	if len(key) > 8 {
		return longID
	}
	return uint32(len(key))
}

// holds reports whether slot s, whose tag matches, holds key: a key of up to 8 bytes is
// its head and length; a longer one is compared with the bytes in the arena.
func (t *userTable) holds(s *userSlot, head uint64, size uint32, key []byte) bool {
	if s.user&15 != size {
		return false
	}
	if size < longID {
		return s.head == head
	}
	start, n := uint32(s.head), uint32(s.head>>32)
	return int(n) == len(key) && string(t.ids.bytes(start, start+n)) == string(key)
}

// id returns the identity numbered u, of a table that keeps them.
func (t *userTable) id(u uint32) []byte {
	return t.ids.bytes(t.idRange(u))
}

// idRange returns where the identity numbered u starts and ends in ids.
func (t *userTable) idRange(u uint32) (start, end uint32) {
	end = *t.ends.at(int(u))
	start = end >> idPageBits << idPageBits
	if u > 0 {
		if prev := *t.ends.at(int(u) - 1); prev>>idPageBits == end>>idPageBits {
			start = prev
		}
	}
	return start, end
}

// prefetchSlots asks for the slots where the identities of the runs of p from first on
// (lookAhead of them at most) would be found. A prefetch does not wait: the misses of a
// batch overlap with each other and with the lookups of the batches before it.
func (t *userTable) prefetchSlots(p *part, first int) {
	var addrs [lookAhead]uintptr
	n := 0
	for j := first; j < min(first+lookAhead, len(p.runs)); j++ {
		addrs[n] = uintptr(unsafe.Pointer(&t.slots[t.place(uint32(p.runs[j].hash>>32))]))
		n++
	}
	prefetchAddrs(&addrs[0], n)
}

// prefetchIDs asks, for the runs of p from first on (lookAhead of them at most) whose
// identities are longer than 8 bytes, for the stored bytes of the identity in the first slot
// whose tag matches: it is the one lookup compares. It reads the slots, so it is called a
// batch ahead, once prefetchSlots has brought them.
func (t *userTable) prefetchIDs(p *part, first int) {
	var addrs [lookAhead]uintptr
	n, mask := 0, uint32(len(t.slots)-1)
	for j := first; j < min(first+lookAhead, len(p.runs)); j++ {
		if p.runs[j].idEnd-p.runStart(j) <= 8 {
			continue
		}
		tag := uint32(p.runs[j].hash >> 32)
		for i := t.place(tag); t.slots[i].tag != 0; i = (i + 1) & mask {
			if s := &t.slots[i]; s.tag == tag && s.user&15 == longID {
				addrs[n] = uintptr(unsafe.Pointer(&t.ids.bytes(uint32(s.head), uint32(s.head)+1)[0]))
				n++
				break
			}
		}
	}
	prefetchAddrs(&addrs[0], n)
}

// place returns the slot where the search for tag starts: the tag's high bits below the
// top one, which marks a slot used. Slots are then in hash order, but for the few that
// probing wraps around, so that growing writes the new slots nearly front to back instead
// of all over the table.
func (t *userTable) place(tag uint32) uint32 {
	return (tag << 1) >> t.shift
}

// add numbers a new key in the empty slot i, growing the table when it gets three quarters
// full, and returns the key's number.
func (t *userTable) add(i, tag uint32, head uint64, size uint32, key []byte) uint32 {
	u := uint32(t.n)
	if size == longID || t.keep {
		start, end := t.ids.add(key)
		if size == longID {
			head = uint64(len(key))<<32 | uint64(start)
		}
		if t.keep {
			*t.ends.add() = end
		}
	}
	t.slots[i] = userSlot{tag: tag, user: u<<4 | size, head: head}
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
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s.tag == 0 {
			continue
		}
		i := t.place(s.tag)
		for t.slots[i].tag != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
	t.mapped.free() // old, if it was mapped
	if wasMapped {
		t.mapped.slots = fresh
	}
}
