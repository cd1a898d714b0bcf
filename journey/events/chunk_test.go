package events

import "testing"

// TestSameID compares identities of every length up to 20 bytes that differ in one byte.
func TestSameID(t *testing.T) {
	base := []byte("abcdefghijklmnopqrst")
	for n := range len(base) + 1 {
		a := base[:n]
		if !sameID(a, append([]byte(nil), a...)) {
			t.Errorf("%q differs from itself", a)
		}
		for i := range n {
			b := append([]byte(nil), a...)
			b[i] = '#'
			if sameID(a, b) {
				t.Errorf("%q is taken for %q", b, a)
			}
		}
		if n > 0 && sameID(a, a[:n-1]) {
			t.Errorf("%q is taken for %q", a[:n-1], a)
		}
	}
}
