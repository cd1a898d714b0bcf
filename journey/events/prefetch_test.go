package events

import (
	"testing"
	"unsafe"
)

// TestPrefetchAddrs asks for memory that is there, for none, and for addresses nothing is
// mapped at (nil, and one in the middle of nowhere, as a stale one may be): a prefetch must
// never fault, and must not write.
func TestPrefetchAddrs(t *testing.T) {
	data := []byte("identity")
	addrs := []uintptr{uintptr(unsafe.Pointer(&data[0])), 0, 1 << 46, uintptr(unsafe.Pointer(&data[7]))}
	prefetchAddrs(&addrs[0], 0)
	prefetchAddrs(&addrs[0], len(addrs))
	if string(data) != "identity" {
		t.Errorf("data = %q after the prefetch", data)
	}
	if addrs[1] != 0 || addrs[2] != 1<<46 {
		t.Errorf("addresses changed: %x", addrs)
	}
}
