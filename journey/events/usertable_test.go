package events

import (
	"fmt"
	"testing"
	"unsafe"
)

// TestUserSlotSize keeps a slot within a cache line or two, the point of the table.
func TestUserSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(userSlot{}); n != 48 {
		t.Errorf("a userSlot has %d bytes, want 48", n)
	}
}

// TestUserTable numbers short and long keys through several growths.
func TestUserTable(t *testing.T) {
	tab := newUserTable()
	key := func(i int) []byte {
		if i%3 == 0 {
			return fmt.Appendf(nil, "a-long-identity-%d-that-spills-over", i)
		}
		return fmt.Appendf(nil, "u%d", i)
	}
	const n = 5000
	for i := range n {
		if s, added := tab.lookup(key(i), uint32(i)); !added || s.local != uint32(i) {
			t.Fatalf("adding key %d: added %v, number %d", i, added, s.local)
		}
		if s, added := tab.lookup(key(i), n); added || s.local != uint32(i) {
			t.Fatalf("repeating key %d: added %v, number %d", i, added, s.local)
		}
	}
	for i := range n {
		if s, added := tab.lookup(key(i), n); added || s.local != uint32(i) {
			t.Fatalf("looking up key %d: added %v, number %d", i, added, s.local)
		}
	}
	if _, added := tab.lookup([]byte("a-long-identity-0-that-spills-ovex"), n); !added {
		t.Errorf("a key differing in its tail was taken for an existing one")
	}
}

// TestUserTableMapped grows a table past mapFrom, where its slots may leave the Go heap,
// and finds every key again before releasing it.
func TestUserTableMapped(t *testing.T) {
	tab := newUserTable()
	n := mapFrom
	for i := range n {
		if s, added := tab.lookup(fmt.Appendf(nil, "user-%d", i), uint32(i)); !added || s.local != uint32(i) {
			t.Fatalf("adding key %d: added %v, number %d", i, added, s.local)
		}
	}
	if len(tab.slots) < mapFrom {
		t.Fatalf("the table has %d slots, want at least %d", len(tab.slots), mapFrom)
	}
	for i := range n {
		if s, added := tab.lookup(fmt.Appendf(nil, "user-%d", i), uint32(n)); added || s.local != uint32(i) {
			t.Fatalf("looking up key %d: added %v, number %d", i, added, s.local)
		}
	}
	tab.release()
	if tab.slots != nil || tab.mapped.slots != nil {
		t.Errorf("release kept the slots")
	}
}
