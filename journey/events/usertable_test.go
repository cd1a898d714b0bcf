package events

import (
	"fmt"
	"testing"
	"unsafe"
)

// TestUserSlotSize keeps a slot within half a cache line, the point of the table.
func TestUserSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(userSlot{}); n != 32 {
		t.Errorf("a userSlot has %d bytes, want 32", n)
	}
}

// TestUserTable numbers short and long keys through several growths, past mapFrom where
// the slots may leave the Go heap, and finds every key again before releasing it.
func TestUserTable(t *testing.T) {
	tab := newUserTable()
	key := func(i int) []byte {
		if i%3 == 0 {
			return fmt.Appendf(nil, "a-long-identity-%d-that-spills-over", i)
		}
		return fmt.Appendf(nil, "u%d", i)
	}
	n := mapFrom
	for i := range n {
		if u, added := tab.lookup(key(i), idHash(tab.seed, key(i))); !added || u != uint32(i) {
			t.Fatalf("adding key %d: added %v, number %d", i, added, u)
		}
		if u, added := tab.lookup(key(i), idHash(tab.seed, key(i))); added || u != uint32(i) {
			t.Fatalf("repeating key %d: added %v, number %d", i, added, u)
		}
	}
	if len(tab.slots) < mapFrom {
		t.Fatalf("the table has %d slots, want at least %d", len(tab.slots), mapFrom)
	}
	for i := range n {
		if u, added := tab.lookup(key(i), idHash(tab.seed, key(i))); added || u != uint32(i) {
			t.Fatalf("looking up key %d: added %v, number %d", i, added, u)
		}
		if got := string(tab.id(uint32(i))); got != string(key(i)) {
			t.Fatalf("identity %d is %q, want %q", i, got, key(i))
		}
	}
	odd := []byte("a-long-identity-0-that-spills-ovex")
	if _, added := tab.lookup(odd, idHash(tab.seed, odd)); !added {
		t.Errorf("a key differing in its tail was taken for an existing one")
	}
	tab.release()
	if tab.slots != nil || tab.mapped.slots != nil {
		t.Errorf("release kept the slots")
	}
}
