package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// layoutOps is a laid-out picture as Graphviz's xdot output states it: the page and, in the
// order Graphviz's SVG output paints them, the layoutOps operations of every object.
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

// The attributes holding an object's layoutOps, in the order Graphviz paints them.
var (
	graphDraws = []string{"_draw_", "_ldraw_"}
	nodeDraws  = []string{"_draw_", "_ldraw_"}
	edgeDraws  = []string{"_draw_", "_tdraw_", "_hdraw_", "_ldraw_", "_tldraw_", "_hldraw_"}
)

// readXdot reads the DOT text Graphviz writes for the xdot format. It understands the
// subset of DOT that Graphviz writes: graph, subgraph, node and edge statements, one per
// statement, with quoted or HTML-like values.
func readXdot(text []byte) (*layoutOps, error) {
	r := &xdotReader{toks: tokenize(string(text))}
	if err := r.read(); err != nil {
		return nil, fmt.Errorf("cannot read graphviz's layout: %w", err)
	}
	d := &layoutOps{ops: r.graphs}
	for _, n := range r.order {
		d.ops = append(d.ops, r.nodes[n]...)
	}
	seq := map[string]int{}
	for i, n := range r.order {
		seq[n] = i
	}
	slices.SortStableFunc(r.edges, func(a, b xdotEdge) int {
		return cmp.Compare(tailSeq(seq, a.tail), tailSeq(seq, b.tail))
	})
	for _, e := range r.edges {
		d.ops = append(d.ops, e.ops...)
	}
	if err := r.page(d); err != nil {
		return nil, fmt.Errorf("cannot read graphviz's layout: %w", err)
	}
	return d, nil
}

// xdotReader collects the drawings of a graph's objects as it reads the statements.
type xdotReader struct {
	toks  []token
	pos   int
	root  map[string]string // the root graph's attributes
	depth int

	graphs []string            // the graph's and the subgraphs' drawings, in order
	nodes  map[string][]string // each node's layoutOps
	order  []string            // the nodes, first seen first
	edges  []xdotEdge          // the edges, in the order they are written
}

// xdotEdge is an edge's drawing and the node it leaves.
type xdotEdge struct {
	tail string
	ops  []string
}

// tailSeq is the place of a node among the nodes, or after them all for one never written.
func tailSeq(seq map[string]int, n string) int {
	if i, ok := seq[n]; ok {
		return i
	}
	return len(seq)
}

// token is a DOT token: an identifier, a quoted or HTML string (quoted true), or
// punctuation (one of { } [ ] = ; , : and the edge operators -> and --).
type token struct {
	text   string
	quoted bool
}

func (r *xdotReader) next() (token, bool) {
	if r.pos >= len(r.toks) {
		return token{}, false
	}
	r.pos++
	return r.toks[r.pos-1], true
}

func (r *xdotReader) peek() string {
	if r.pos >= len(r.toks) || r.toks[r.pos].quoted {
		return ""
	}
	return r.toks[r.pos].text
}

// read reads the whole graph: its header, then the statements of its body.
func (r *xdotReader) read() error {
	r.nodes = map[string][]string{}
	for {
		t, ok := r.next()
		if !ok {
			return fmt.Errorf("no graph")
		}
		if !t.quoted && t.text == "{" {
			break
		}
	}
	r.depth = 1
	for r.depth > 0 {
		if err := r.statement(); err != nil {
			return err
		}
	}
	return nil
}

// statement reads one statement of the current (sub)graph body.
func (r *xdotReader) statement() error {
	t, ok := r.next()
	if !ok {
		return fmt.Errorf("the graph does not end")
	}
	if t.quoted {
		return r.object(t.text)
	}
	switch t.text {
	case ";", ",":
	case "{":
		r.depth++
	case "}":
		r.depth--
	case "subgraph":
		if r.peek() != "{" {
			r.next()
		}
	case "graph":
		attrs, err := r.attrs()
		if err != nil {
			return err
		}
		if r.depth == 1 && r.root == nil {
			r.root = attrs
		}
		r.graphs = append(r.graphs, pick(attrs, graphDraws)...)
	case "node", "edge":
		_, err := r.attrs()
		return err
	default:
		return r.object(t.text)
	}
	return nil
}

// object reads a statement that starts with the identifier id: a node, an edge or an
// attribute of the current graph.
func (r *xdotReader) object(id string) error {
	r.port()
	switch r.peek() {
	case "=":
		r.next()
		v, ok := r.next()
		if !ok {
			return fmt.Errorf("attribute %q has no value", id)
		}
		if r.depth == 1 {
			if r.root == nil {
				r.root = map[string]string{}
			}
			r.root[id] = v.text
		}
		if id == "_draw_" || id == "_ldraw_" {
			r.graphs = append(r.graphs, v.text)
		}
		return nil
	case "->", "--":
		for r.peek() == "->" || r.peek() == "--" {
			r.next()
			r.next()
			r.port()
		}
		attrs, err := r.attrs()
		r.edges = append(r.edges, xdotEdge{id, pick(attrs, edgeDraws)})
		return err
	}
	attrs, err := r.attrs()
	if _, seen := r.nodes[id]; !seen {
		r.order = append(r.order, id)
	}
	if draws := pick(attrs, nodeDraws); len(draws) > 0 {
		r.nodes[id] = draws
	}
	return err
}

// port skips the :port and :compass point after a node name.
func (r *xdotReader) port() {
	for r.peek() == ":" {
		r.next()
		r.next()
	}
}

// attrs reads an attribute list, [a=b, c=d], if one follows.
func (r *xdotReader) attrs() (map[string]string, error) {
	attrs := map[string]string{}
	for r.peek() == "[" {
		r.next()
		for {
			k, ok := r.next()
			if !ok {
				return nil, fmt.Errorf("an attribute list does not end")
			}
			if !k.quoted && k.text == "]" {
				break
			}
			if !k.quoted && (k.text == "," || k.text == ";") {
				continue
			}
			if r.peek() != "=" {
				return nil, fmt.Errorf("attribute %q has no value", k.text)
			}
			r.next()
			v, ok := r.next()
			if !ok {
				return nil, fmt.Errorf("attribute %q has no value", k.text)
			}
			attrs[k.text] = v.text
		}
	}
	return attrs, nil
}

// pick returns the layoutOps attributes of attrs that are set, in the order of names.
func pick(attrs map[string]string, names []string) []string {
	var ops []string
	for _, n := range names {
		if v := attrs[n]; v != "" {
			ops = append(ops, v)
		}
	}
	return ops
}

// page reads the layout's bounding box and margin from the root graph's bb and pad.
func (r *xdotReader) page(d *layoutOps) error {
	bb := strings.Split(r.root["bb"], ",")
	if len(bb) != 4 {
		return fmt.Errorf("bad bounding box %q", r.root["bb"])
	}
	for i, s := range bb {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("bad bounding box %q", r.root["bb"])
		}
		d.bb[i] = f
	}
	d.padX, d.padY = 4, 4 // Graphviz's default pad, in points
	if pad := r.root["pad"]; pad != "" {
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

// tokenize splits DOT text as Graphviz writes it into tokens. In a quoted string \" is a
// quote, \\ a backslash, and a backslash before a line end continues the line.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			text, n := quoted(s[i:])
			toks = append(toks, token{text, true})
			i += n
		case c == '<':
			n := max(html(s[i:]), 2)
			toks = append(toks, token{s[i+1 : min(i+n-1, len(s))], true})
			i += n
		case strings.HasPrefix(s[i:], "->") || strings.HasPrefix(s[i:], "--"):
			toks = append(toks, token{text: s[i : i+2]})
			i += 2
		case strings.IndexByte("{}[]=;,:", c) >= 0:
			toks = append(toks, token{text: s[i : i+1]})
			i++
		default:
			j := i + 1
			for j < len(s) && strings.IndexByte(" \t\r\n\"<{}[]=;,:", s[j]) < 0 && !strings.HasPrefix(s[j:], "->") {
				j++
			}
			toks = append(toks, token{text: s[i:j]})
			i = j
		}
	}
	return toks
}

// quoted reads the quoted string at the start of s; it returns its text and its length in s.
func quoted(s string) (string, int) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '"':
			return b.String(), i + 1
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '\n':
			i++
		case s[i] == '\\' && strings.HasPrefix(s[i+1:], "\r\n"):
			i += 2
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), len(s)
}

// html returns the length of the HTML-like string at the start of s, its <> nesting
// included.
func html(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}
