package events

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// TestNameCounts counts names, read from inside a row as the worker passes them, through
// several growths, and gives the counts a map would: names that share their first or last
// eight bytes, or differ only in length, are counted apart, and the empty name too.
func TestNameCounts(t *testing.T) {
	var c nameCounts
	want := map[string]int64{}
	names := []string{"", "e", "e\x00", "page_view", "page_vie", "page_view_2", "xage_view", "event_with_a_longer_name"}
	for i := range 500 {
		names = append(names, fmt.Sprintf("custom_event_%04d", i))
	}
	for i := range 5000 {
		name := names[(i*7919)%len(names)]
		inRow := append([]byte(name), ",more,fields\n"...)[:len(name)]
		c.add(inRow)
		want[name]++
	}
	got := map[string]int64{"page_view": 1}
	want["page_view"]++
	c.addTo(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
}
