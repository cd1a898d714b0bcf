package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-graphviz/cgraph"
)

// layoutOps is a laid-out picture as Graphviz's xdot renderer states it: the page and, in
// the order Graphviz's SVG output paints them, the xdot operations of every object.
type layoutOps struct {
	// bb is the layout's bounding box (llx, lly, urx, ury) in points, y up.
	bb [4]float64
	// padX and padY are the margins around bb, in points.
	padX, padY float64
	// ops are the xdot operation strings: the graph, the clusters from the outside in, the
	// nodes, then the edges, each node's out-edges after the last's (the picture is drawn
	// with outputorder=nodesfirst).
	ops []string
}

// The attributes holding an object's xdot operations, in the order Graphviz paints them.
var (
	graphDraws = []string{"_draw_", "_ldraw_"}
	nodeDraws  = []string{"_draw_", "_ldraw_"}
	edgeDraws  = []string{"_draw_", "_tdraw_", "_hdraw_", "_ldraw_", "_tldraw_", "_hldraw_"}
)

// attrs is what layoutOf reads of a graph object: its attributes by name.
type attrs interface{ GetStr(name string) string }

// layoutOf reads the drawing of g, a graph that Graphviz has laid out and rendered as xdot,
// which sets the attributes holding each object's operations on the graph itself.
func layoutOf(g *cgraph.Graph) (*layoutOps, error) {
	d := &layoutOps{}
	d.ops = appendDraws(d.ops, g, graphDraws)
	if err := d.clusters(g); err != nil {
		return nil, err
	}
	var nodes []*cgraph.Node
	for n, err := g.FirstNode(); n != nil || err != nil; n, err = g.NextNode(n) {
		if err != nil {
			return nil, layoutError(err)
		}
		nodes = append(nodes, n)
		d.ops = appendDraws(d.ops, n, nodeDraws)
	}
	for _, n := range nodes {
		for e, err := g.FirstOut(n); e != nil || err != nil; e, err = g.NextOut(e) {
			if err != nil {
				return nil, layoutError(err)
			}
			d.ops = appendDraws(d.ops, e, edgeDraws)
		}
	}
	if err := d.page(g.GetStr("bb"), g.GetStr("pad")); err != nil {
		return nil, layoutError(err)
	}
	return d, nil
}

// layoutError says that the layout could not be read.
func layoutError(err error) error { return fmt.Errorf("cannot read graphviz's layout: %w", err) }

// clusters appends the drawings of the subgraphs of g, each before its own subgraphs. A
// subgraph that draws nothing of its own (one that is not a cluster) holds no operations.
func (d *layoutOps) clusters(g *cgraph.Graph) error {
	for s, err := g.FirstSubGraph(); s != nil || err != nil; s, err = s.NextSubGraph() {
		if err != nil {
			return layoutError(err)
		}
		d.ops = appendDraws(d.ops, s, graphDraws)
		if err := d.clusters(s); err != nil {
			return err
		}
	}
	return nil
}

// appendDraws appends the operations of the attributes names of o that are set.
func appendDraws(ops []string, o attrs, names []string) []string {
	for _, n := range names {
		if v := o.GetStr(n); v != "" {
			ops = append(ops, xdotText.Replace(v))
		}
	}
	return ops
}

// xdotText undoes the escape the xdot renderer writes into a text operation's text, whose
// length it counts before it: a backslash doubled.
var xdotText = strings.NewReplacer(`\\`, `\`)

// page reads the layout's bounding box and margin from the graph's bb and pad.
func (d *layoutOps) page(bb, pad string) error {
	corners := strings.Split(bb, ",")
	if len(corners) != 4 {
		return fmt.Errorf("bad bounding box %q", bb)
	}
	for i, s := range corners {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("bad bounding box %q", bb)
		}
		d.bb[i] = f
	}
	d.padX, d.padY = 4, 4 // Graphviz's default pad, in points
	if pad != "" {
		x, y, found := strings.Cut(pad, ",")
		if !found {
			y = x
		}
		px, errX := strconv.ParseFloat(x, 64)
		py, errY := strconv.ParseFloat(y, 64)
		if errX != nil || errY != nil {
			return fmt.Errorf("bad pad %q", pad)
		}
		d.padX, d.padY = px*72, py*72
	}
	return nil
}
