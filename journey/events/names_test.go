package events

import (
	"fmt"
	"testing"
)

// TestNameTable finds every name of tables of several sizes, also when other bytes follow
// it, and no name it does not hold, including names that share their first or last eight
// bytes with one it holds.
func TestNameTable(t *testing.T) {
	for _, n := range []int{0, 1, 3, 8, 100} {
		rules := map[string]*rule{}
		for i := range n {
			rules[fmt.Sprintf("event_%d_with_a_longer_name", i)] = &rule{}
			rules[fmt.Sprint("e", i)] = &rule{}
		}
		tab := newNameTable(rules)
		for name, r := range rules {
			if got := tab.lookup([]byte(name)); got != r {
				t.Errorf("%d names: lookup(%q) = %p, want %p", n, name, got, r)
			}
			// as in a row: other bytes follow the name
			inRow := append([]byte(name), ",more,fields,of,the,row\n"...)[:len(name)]
			if got := tab.lookup(inRow); got != r {
				t.Errorf("%d names: lookup(%q) in a row = %p, want %p", n, name, got, r)
			}
		}
		for _, name := range []string{"", "e", "event_0_with_a_longer_namX", "xvent_0_with_a_longer_name", "e-1", "page_view"} {
			if got := tab.lookup([]byte(name)); got != nil {
				t.Errorf("%d names: lookup(%q) found a rule", n, name)
			}
		}
	}
}
