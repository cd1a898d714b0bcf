package render

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/journey-cx/journey/journey"
)

// TestExamplesRender draws every example map: its DOT is golden and its SVG passes the check.
func TestExamplesRender(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*", "*.journey.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example maps found (%v)", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".journey.yaml")
		t.Run(name, func(t *testing.T) {
			m, ds, err := journey.Load(path)
			if err != nil || journey.HasErrors(ds, false) {
				t.Fatalf("example does not load: %v %v", err, ds)
			}
			dot := DOT(m, nil, nil)
			checkGolden(t, "example-"+name+".dot", dot)
			image(t, dot)
		})
	}
}

// FuzzLabel checks that any text, drawn as a touchpoint name, gives an SVG that passes
// CheckSVG, and that wrapping never loses a rune or makes a line too long.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{"Oriëntatie", "<script>", `\N &amp; "'`, "\x00\u202e🌷", strings.Repeat("x", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := clean(s)
		for _, l := range wrap(c, nameWidth) {
			if n := utf8.RuneCountInString(l); n > nameWidth || n == 0 {
				t.Fatalf("wrap gave a line of %d runes: %q", n, l)
			}
		}
		m := build("t", map[string][]tp{"s": {{id: "a", name: s, emotion: emo(0)}}}, []string{"s"})
		image(t, DOT(m, nil, nil))
	})
}
