package render

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadXdot reads a graph as Graphviz writes xdot: long values continued over lines,
// escaped quotes and backslashes, HTML labels, subgraphs, and nodes inside and outside them.
func TestReadXdot(t *testing.T) {
	text := "digraph g {\n" +
		"\tgraph [_draw_=\"c 7 -#000000 p 3 0 0 1 1 2 \\\n0 \",\n\t\tbb=\"0,0,100,50\",\n\t\tpad=0.5];\n" +
		"\tnode [label=\"\\N\"];\n" +
		"\tsubgraph cluster_a {\n\t\tgraph [_draw_=\"C 7 -#ffffff P 3 0 0 1 1 2 0 \", _ldraw_=\"T 1 2 -1 3 2 -ok \"];\n" +
		"\t\tn1\t[_ldraw_=\"T 1 2 0 3 11 -say \\\"hi\\\" \\\\N \", label=<<B>a &lt;b&gt;</B>>];\n\t}\n" +
		"\tn2\t[_draw_=\"e 1 2 3 4 \"];\n" +
		"\tn1:e -> n2:w\t[_draw_=\"B 4 0 0 1 1 2 2 3 3 \", _hdraw_=\"P 3 0 0 1 1 2 0 \", _ldraw_=\"T 0 0 -1 1 1 -x \"];\n" +
		"\tn1 -> n2\t[style=invis];\n}\n"
	d, err := readXdot([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"c 7 -#000000 p 3 0 0 1 1 2 0 ",
		"C 7 -#ffffff P 3 0 0 1 1 2 0 ", "T 1 2 -1 3 2 -ok ",
		`T 1 2 0 3 11 -say "hi" \N `,
		"e 1 2 3 4 ",
		"B 4 0 0 1 1 2 2 3 3 ", "P 3 0 0 1 1 2 0 ", "T 0 0 -1 1 1 -x ",
	}
	if diff := cmp.Diff(want, d.ops); diff != "" {
		t.Errorf("the drawing in painting order (-want +got):\n%s", diff)
	}
	if d.bb != [4]float64{0, 0, 100, 50} || d.padX != 36 || d.padY != 36 {
		t.Errorf("page = %v, pad %v %v; want 0,0,100,50 and 36", d.bb, d.padX, d.padY)
	}
	ops, err := parseOps(d.ops[3])
	if err != nil || len(ops) != 1 || ops[0].text != `say "hi" \N` {
		t.Errorf("the text operation is %+v, %v", ops, err)
	}
}

func TestReadXdotErrors(t *testing.T) {
	for _, text := range []string{"", "digraph {", `digraph { graph [bb="1,2"]; }`, "digraph { a [x]; }"} {
		if _, err := readXdot([]byte(text)); err == nil {
			t.Errorf("readXdot(%q) is no error", text)
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
