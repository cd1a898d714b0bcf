package render

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestWidthsAsGraphviz lays out a text per printable ASCII character, and a few beyond
// ASCII, at 2048 points, where a point is a unit of the font, regular and bold, and wants
// each as wide as TextWidth and boldWidth say.
func TestWidthsAsGraphviz(t *testing.T) {
	texts := []string{"xx", "é", "·", "→", "🌷", "Oriëntatie · geïnteresseerd"}
	for c := ' '; c <= '~'; c++ {
		texts = append(texts, "x"+string(c)+"x")
	}
	var dot strings.Builder
	fmt.Fprintf(&dot, "digraph widths {\n\tnode [shape=box, style=filled, fillcolor=%q, color=none, width=0, height=0, margin=0, fontname=%q, fontsize=2048];\n", paper, font)
	for i, s := range texts {
		fmt.Fprintf(&dot, "\tn%d [label=<%s>];\n\tb%d [label=<<B>%s</B>>];\n", i, esc(s), i, esc(s))
	}
	dot.WriteString("}\n")
	nodes := nodeShapes(t, image(t, []byte(dot.String())))
	for i, s := range texts {
		for _, set := range []struct {
			node, how string
			width     func(string, float64) float64
		}{{fmt.Sprintf("n%d", i), "TextWidth", TextWidth}, {fmt.Sprintf("b%d", i), "boldWidth", boldWidth}} {
			shapes := nodes[set.node]
			if len(shapes) == 0 {
				t.Fatalf("no box drawn for %q", s)
			}
			if got, want := shapes[0].width(), set.width(s, 2048); math.Abs(got-want) > 0.5 {
				t.Errorf("Graphviz sets %q %g units wide, %s says %g", s, got, set.how, want)
			}
		}
	}
}

func TestWrapPoints(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"channel: chat · owner: sales · feels: frustrated and really very angry",
			[]string{"channel: chat · owner: sales · feels:", "frustrated and really very angry"}},
		{"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW iiii",
			[]string{"WWWWWWWWWWWWWWWWWWWWW-", "WWWWWWWWWWWWWWWWWWWW-", "WWW iiii"}},
		{"  spaced   out  ", []string{"spaced out"}},
		{"", nil},
	} {
		got := wrapPoints(tt.s, 9, 194)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("wrapPoints(%q) = %q, want %q", tt.s, got, tt.want)
		}
		for _, l := range got {
			if w := TextWidth(l, 9); w > 194 {
				t.Errorf("wrapPoints(%q) gives %q, %g points wide", tt.s, l, w)
			}
		}
	}
}
