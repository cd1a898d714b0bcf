package render

import (
	"slices"
	"strings"
	"testing"
)

// TestLayoutOf reads the drawing Graphviz's xdot renderer sets on a laid-out graph: the
// graph's first, then each cluster's (a subgraph that is no cluster draws nothing), the
// nodes', and the edges' last, with the page's margin.
func TestLayoutOf(t *testing.T) {
	dot := `digraph {
	pad=0.5; bgcolor="#fefefe";
	subgraph cluster_a { style=filled; fillcolor="#ff0000"; label="A"; n1 [shape=ellipse, color="#0000fe"] }
	subgraph { rank=same; n2 [shape=box, color="#0000fd"] }
	n1 -> n2 [color="#00ff00", label=<<B>x &amp; y</B>>];
}`
	_, d, err := layout([]byte(dot), PNG)
	if err != nil {
		t.Fatal(err)
	}
	order := func(colour string) int {
		return slices.IndexFunc(d.ops, func(op string) bool { return strings.Contains(op, colour) })
	}
	graph, cluster, n1, n2, edge := order("#fefefe"), order("#ff0000"), order("#0000fe"), order("#0000fd"), order("#00ff00")
	if !(graph == 0 && graph < cluster && cluster < n1 && n1 < n2 && n2 < edge) {
		t.Errorf("graph %d, cluster %d, nodes %d %d, edge %d: want them in that order\n%q", graph, cluster, n1, n2, edge, d.ops)
	}
	if order("T ") < 0 || !slices.ContainsFunc(d.ops, func(op string) bool { return strings.Contains(op, "-x & y") }) {
		t.Errorf("the edge's label is not among the operations: %q", d.ops)
	}
	if d.padX != 36 || d.padY != 36 || d.bb[2] <= d.bb[0] || d.bb[3] <= d.bb[1] {
		t.Errorf("page %v, pad %v %v; want a box and 36", d.bb, d.padX, d.padY)
	}
}

func TestXdotErrors(t *testing.T) {
	for _, c := range [][2]string{{"1,2", ""}, {"0,0,1,x", ""}, {"0,0,1,1", "a"}} {
		if err := (&layoutOps{}).page(c[0], c[1]); err == nil {
			t.Errorf("page(%q, %q) is no error", c[0], c[1])
		}
	}
	for _, ops := range []string{"Q 1", "P 2 0 0 1", "T 0 0 0 1 99 -short", "c 3 #000", "P -1", "L x"} {
		if _, err := parseOps(ops); err == nil {
			t.Errorf("parseOps(%q) is no error", ops)
		}
	}
	for _, c := range []string{"red", "#12345", "[0.5 #fff #000]", "#gggggg"} {
		if _, err := parseColor(c); err == nil {
			t.Errorf("parseColor(%q) is no error", c)
		}
	}
	if _, err := parseStyle("wavy"); err == nil || !strings.Contains(err.Error(), "wavy") {
		t.Errorf("parseStyle(wavy) = %v", err)
	}
}

// FuzzParseOps: whatever the text, the xdot operation parser returns operations or an
// error, never panics, and every operation it returns is one of xdot's, with the
// points a shape needs (x, y pairs).
func FuzzParseOps(f *testing.F) {
	for _, s := range []string{"c 7 -#000000 p 3 0 0 1 1 2 0 ", "F 14 11 -Times-Roman T 1 2 0 3 2 -ok ",
		"S 6 -dashed B 4 0 0 1 1 2 2 3 3 ", "t 1 E 1 2 3 4 ", "T 0 0 0 1 99 -short", "P -1", "I 0 0 1 1 5 -a.png "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ops, err := parseOps(s)
		if err != nil {
			return
		}
		for _, op := range ops {
			if !strings.ContainsRune("cCSFtTEePpLbBI", rune(op.kind)) { // I, an image, the painter leaves out
				t.Fatalf("parseOps(%q) gave an operation %q", s, op.kind)
			}
			if len(op.pts)%2 != 0 {
				t.Fatalf("parseOps(%q) gave %d coordinates, not pairs", s, len(op.pts))
			}
		}
	})
}
