package events

import (
	"fmt"
	"hash/maphash"
	"testing"
	"unsafe"
)

// TestUserSlotSize keeps a slot at a quarter of a cache line, the point of the table.
func TestUserSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(userSlot{}); n != 16 {
		t.Errorf("a userSlot has %d bytes, want 16", n)
	}
}

// TestUserTable numbers short and long keys through several growths, past mapFrom where
// the slots may leave the Go heap, and finds every key again before releasing it; a table
// that keeps its identities gives each back, one that does not stores only the long ones.
func TestUserTable(t *testing.T) {
	for _, keep := range []bool{true, false} {
		t.Run(fmt.Sprintf("keep=%v", keep), func(t *testing.T) { testUserTable(t, keep) })
	}
}

// testUserTable is TestUserTable for a table that keeps its identities or not.
func testUserTable(t *testing.T, keep bool) {
	tab := newUserTable(maphash.MakeSeed(), keep)
	key := func(i int) []byte {
		switch i % 4 {
		case 0:
			return fmt.Appendf(nil, "a-long-identity-%d-that-spills-over", i)
		case 1:
			return fmt.Appendf(nil, "%08d", i) // exactly 8 bytes
		case 2:
			return fmt.Appendf(nil, "u%d\x00", i) // a zero byte must not pass for padding
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
	stored := 0
	for i := range n {
		if u, added := tab.lookup(key(i), idHash(tab.seed, key(i))); added || u != uint32(i) {
			t.Fatalf("looking up key %d: added %v, number %d", i, added, u)
		}
		if keep {
			if got := string(tab.id(uint32(i))); got != string(key(i)) {
				t.Fatalf("identity %d is %q, want %q", i, got, key(i))
			}
		}
		if k := key(i); keep || len(k) > 8 {
			stored += len(k)
		}
	}
	if tab.ids.size() != stored {
		t.Errorf("the table stores %d bytes of identities, want %d", tab.ids.size(), stored)
	}
	for _, odd := range []string{"a-long-identity-0-that-spills-ovex", "u3\x00", "u2", "00000001\x00", ""} {
		if _, added := tab.lookup([]byte(odd), idHash(tab.seed, []byte(odd))); !added {
			t.Errorf("%q was taken for an existing key", odd)
		}
	}
	tab.release()
	if tab.slots != nil || tab.mapped.slots != nil {
		t.Errorf("release kept the slots")
	}
	if kept := tab.ids.size() > 0; kept != keep {
		t.Errorf("release kept the identities: %v, want %v", kept, keep)
	}
}

// TestUserTableSameHead looks up identities of 9 to 16 bytes that share their first 8 bytes,
// their length and their hash: only their last bytes tell them apart, so a slot must not
// take one for the other, neither in the probe nor in the shortcut through the last slot.
func TestUserTableSameHead(t *testing.T) {
	tab := newUserTable(maphash.MakeSeed(), false)
	const h = 1<<63 | 0x5eed_0000_1234
	for n := 9; n <= 16; n++ {
		a := []byte("customer" + "aaaaaaaa"[:n-8])
		b := append([]byte("customer"+"aaaaaaaa"[:n-9]), 'b')
		ua, added := tab.lookup(a, h)
		if !added {
			t.Fatalf("%q was taken for an existing key", a)
		}
		ub, added := tab.lookup(b, h)
		if !added || ub == ua {
			t.Fatalf("%q after %q: added %v, number %d, want a new number", b, a, added, ub)
		}
		for _, k := range []struct {
			key  []byte
			want uint32
		}{{a, ua}, {b, ub}, {a, ua}} {
			if u, added := tab.lookup(k.key, h); added || u != k.want {
				t.Fatalf("looking up %q: added %v, number %d, want %d", k.key, added, u, k.want)
			}
		}
	}
}

// TestIDHashSpread: identities alike but for a digit or two, as exports number their
// users, spread evenly over the slots the table places them in (the hash's top bits) and
// over the shards (its low bits), and an identity and the same bytes followed by a zero
// byte differ. A cheaper hash that mixes short identities badly fails it.
func TestIDHashSpread(t *testing.T) {
	const n, buckets = 1 << 16, 64
	for _, format := range []string{"u%d", "%08d", "%d", "user-%d"} {
		seed := maphash.MakeSeed()
		var top, low [buckets]int
		tags := map[uint32]bool{}
		for i := range n {
			id := fmt.Appendf(make([]byte, 0, 16), format, i)
			h := idHash(seed, id)
			top[(h<<1)>>58]++
			low[shardOf(h, buckets)]++
			tags[uint32(h>>32)] = true
			if idHash(seed, append(id, 0)) == h {
				t.Errorf("%q and %q hash alike", id, append(id, 0))
			}
		}
		for b := range buckets {
			// n/buckets = 1024 a bucket; a fair hash stays well within a quarter of it
			if top[b] < 768 || top[b] > 1280 || low[b] < 768 || low[b] > 1280 {
				t.Fatalf("%s: bucket %d holds %d by the top bits, %d by the low ones; want about %d",
					format, b, top[b], low[b], n/buckets)
			}
		}
		// a fair hash of 2^16 identities to 31 bits collides about once; ten is a flaw
		if len(tags) < n-10 {
			t.Errorf("%s: %d distinct tags of %d identities", format, len(tags), n)
		}
	}
}
