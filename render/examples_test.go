package render

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
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
			l, err := lang.Get(m.Language)
			if err != nil {
				t.Fatal(err)
			}
			dot := DOT(m, nil, l)
			checkGolden(t, "example-"+name+".dot", dot)
			image(t, dot)
		})
	}
}

// FuzzLabel checks that any text, drawn as a touchpoint name, gives an SVG that passes
// CheckSVG and shows the text as cleaned and wrapped, each line exactly one text node of the
// SVG (no Graphviz escape expanded, nothing inserted), and that wrapping never loses a rune
// (but for the hyphens it adds where it breaks a word) or makes a line too long.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{"Oriëntatie", "<script>", `\N &amp; "'`, `C:\new\temp \N`, "\x00\u202e🌷", strings.Repeat("x", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := clean(s)
		lines := wrap(c, nameWidth)
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > nameWidth || n == 0 {
				t.Fatalf("wrap gave a line of %d runes: %q", n, l)
			}
		}
		if got, want := noHyphen(strings.Join(lines, "")), noHyphen(c); got != want {
			t.Fatalf("wrap lost text: %q, want %q", got, want)
		}
		m := build("t", map[string][]tp{"s": {{id: "a", name: s, emotion: emo(0)}}}, []string{"s"})
		nodes := svgText(t, image(t, DOT(m, nil, nil)))
		for _, l := range lines {
			if strings.TrimSpace(l) != "" && !slices.Contains(nodes, l) {
				t.Fatalf("no text node of the svg is %q; they are %q", l, nodes)
			}
		}
	})
}

// noHyphen is s without its white space and hyphens.
func noHyphen(s string) string { return strings.ReplaceAll(noSpace(s), "-", "") }

// noSpace is s without its white space.
func noSpace(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "") }
