package events

import "testing"

// TestSameBytes compares identities of every length up to 20 bytes that differ in one byte.
func TestSameBytes(t *testing.T) {
	base := []byte("abcdefghijklmnopqrst")
	for n := range len(base) + 1 {
		a := base[:n]
		if !sameBytes(a, append([]byte(nil), a...)) {
			t.Errorf("%q differs from itself", a)
		}
		for i := range n {
			b := append([]byte(nil), a...)
			b[i] = '#'
			if sameBytes(a, b) {
				t.Errorf("%q is taken for %q", b, a)
			}
		}
		if n > 0 && sameBytes(a, a[:n-1]) {
			t.Errorf("%q is taken for %q", a[:n-1], a)
		}
	}
}
