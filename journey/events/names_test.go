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
	if diff := cmp.Diff(want, countsOf(&c)); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
}

// countsOf returns every name a table counts, with its count.
func countsOf(c *nameCounts) map[string]int64 {
	m := map[string]int64{}
	for _, s := range c.slots {
		if s.count != 0 {
			m[string(c.names.bytes(s.start, s.end))] = s.count
		}
	}
	return m
}

// TestNameCountsAlike counts 100,000 names that differ only in their middle bytes, as an
// id inside an event name does, and wants every probe short: a hash of a name's ends alone
// put them all on one slot, and counting them took time quadratic in their number.
func TestNameCountsAlike(t *testing.T) {
	var c nameCounts
	const n = 100_000
	for i := range n {
		c.add(fmt.Appendf(nil, "pageview:%06d:website", i))
	}
	if c.n != n {
		t.Fatalf("%d names counted, want %d", c.n, n)
	}
	if run := longestRun(c.slots); run > 200 {
		t.Errorf("a run of %d used slots in a table of %d: the hash places alike names together", run, len(c.slots))
	}
}

// longestRun returns the most used slots one after the other, which bounds a probe.
func longestRun(slots []countSlot) int {
	longest, run := 0, 0
	for _, s := range slots {
		if s.count == 0 {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return longest
}

// TestNameCountsMergeTop merges the counts of two workers and keeps the names with the
// most rows, the first in byte order among names with as many.
func TestNameCountsMergeTop(t *testing.T) {
	var a, b, all nameCounts
	for i := range 30 {
		for range i % 7 {
			a.add(fmt.Appendf(nil, "a%02d", i))
			b.add(fmt.Appendf(nil, "a%02d", 29-i))
		}
	}
	b.addN([]byte("z"), 12)
	all.merge(&a)
	all.merge(&b)
	if all.err() != nil {
		t.Fatal(all.err())
	}
	// name j has j%7 rows of a and (29-j)%7 of b: 8 in all when j%7 is 2 to 6, else 1
	want := map[string]int64{"z": 12, "a02": 8, "a03": 8, "a04": 8, "a05": 8, "a06": 8, "a09": 8, "a10": 8, "a11": 8, "a12": 8}
	if diff := cmp.Diff(want, all.top(MostUnmapped)); diff != "" {
		t.Errorf("top (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int64{"z": 12}, all.top(1)); diff != "" {
		t.Errorf("top 1 (-want +got):\n%s", diff)
	}
	var none nameCounts
	if got := none.top(MostUnmapped); len(got) != 0 {
		t.Errorf("top of no names = %v", got)
	}
}

// TestNameCountsFull stops counting new names when the arena can take no more, and the
// merged table reports it.
func TestNameCountsFull(t *testing.T) {
	var c, all nameCounts
	c.add([]byte("first"))
	c.names.pages = append(c.names.pages, make([][]byte, 1<<(32-idPageBits))...)
	c.add([]byte("first"))
	c.add([]byte("second"))
	if !c.full || c.n != 1 {
		t.Fatalf("full %v with %d names, want true and 1", c.full, c.n)
	}
	all.merge(&c)
	if all.err() == nil {
		t.Error("no error from a merge of a full table")
	}
}
