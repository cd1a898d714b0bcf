package diff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/format"
)

// FuzzDiff compares any two maps the loader accepts: comparing never panics, a map compared
// with itself or with its canonical form (journey fmt) has no change, comparing the other
// way round swaps what was added and removed, and the groups hold every record once.
func FuzzDiff(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.journey.yaml"))
	for _, s := range seeds {
		src, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, []byte(base))
	}
	f.Add([]byte(base), []byte(flowMap("s2: d c | s1: a")))
	f.Add([]byte(flowMap("s1: a b c | s2: d")), []byte(flowMap("s1: c b a | s3: d")))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, ok := valid(a)
		if !ok {
			return
		}
		if cs := Compare(old, old); len(cs) != 0 {
			t.Fatalf("a map compared with itself has %d changes: %v", len(cs), cs)
		}
		if out, ds := format.Source("a", a); len(ds) == 0 {
			if again, ok := valid(out); ok {
				if cs := Compare(old, again); len(cs) != 0 {
					t.Fatalf("a map compared with its canonical form has changes: %v\n%s", cs, out)
				}
			}
		}
		new, ok := valid(b)
		if !ok {
			return
		}
		checkPair(t, old, new)
	})
}

// valid loads src, reporting whether it is a map without errors.
func valid(src []byte) (*journey.Map, bool) {
	m, ds := journey.Check("f.journey.yaml", src)
	return m, m != nil && !journey.HasErrors(ds, false)
}

// checkPair checks the properties of comparing two different maps both ways.
func checkPair(t *testing.T, old, new *journey.Map) {
	forth, back := Compare(old, new), Compare(new, old)
	if count(forth, Added) != count(back, Removed) || count(forth, Removed) != count(back, Added) ||
		count(forth, Changed) != count(back, Changed) {
		t.Fatalf("comparing both ways does not mirror:\n%v\n%v", forth, back)
	}
	d := Of("old", "new", old, new)
	n := 0
	for _, g := range d.Groups() {
		n += len(g.Own)
		for _, s := range g.Touchpoints {
			n += len(s.Changes)
		}
	}
	if n != len(forth) {
		t.Fatalf("groups hold %d records of %d", n, len(forth))
	}
	for _, c := range forth {
		if _, err := c.MarshalJSON(); err != nil {
			t.Fatalf("record %v does not encode: %v", c, err)
		}
	}
}

// count returns how many changes are of kind.
func count(cs []Change, kind string) int {
	n := 0
	for _, c := range cs {
		if c.Kind == kind {
			n++
		}
	}
	return n
}
