package events

import (
	"bytes"
	"testing"
)

// TestArena adds strings of many lengths, some as long as a row may be, so that pages fill
// up and strings start new ones, finds each again, and lets go of pages as they are read.
func TestArena(t *testing.T) {
	var a arena
	type span struct{ start, end uint32 }
	var spans []span
	var want [][]byte
	for i := range 3000 {
		n := 1 + i%97
		if i%500 == 499 {
			n = MaxRowBytes
		}
		b := bytes.Repeat([]byte{byte('a' + i%26)}, n)
		start, end := a.add(b)
		if end-start != uint32(n) && end>>idPageBits == start>>idPageBits {
			t.Fatalf("string %d of %d bytes: %d to %d", i, n, start, end)
		}
		spans, want = append(spans, span{start, end}), append(want, b)
	}
	if len(a.pages) < 3 {
		t.Fatalf("%d pages, want several", len(a.pages))
	}
	size := 0
	for i, s := range spans {
		if got := a.bytes(s.start, s.end); !bytes.Equal(got, want[i]) {
			t.Fatalf("string %d: %d bytes, want %d", i, len(got), len(want[i]))
		}
		if s.end&(1<<idPageBits-1) == 0 {
			t.Fatalf("string %d ends at a page boundary", i)
		}
		size += len(want[i])
	}
	if a.size() != size {
		t.Errorf("size %d, want %d", a.size(), size)
	}
	last := spans[len(spans)-1]
	a.free(last.start)
	if a.pages[0] != nil || !bytes.Equal(a.bytes(last.start, last.end), want[len(want)-1]) {
		t.Error("free let go of the wrong pages")
	}
}
