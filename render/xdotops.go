package render

import (
	"fmt"
	"strconv"
	"strings"
)

// xop is one xdot drawing operation (https://graphviz.org/docs/outputs/canon/#xdot):
//
//	E e  filled, unfilled ellipse: centre and radii
//	P p  filled, unfilled polygon; L polyline
//	b B  filled, unfilled B-spline (cubic Bézier segments)
//	T    text: x, y of the baseline, justification (-1 left, 0 centre, 1 right), width
//	F    font: size and name; t font characteristics (1 bold, 2 italic, 4 underline,
//	     8 superscript, 16 subscript, 32 strike-through, 64 overline)
//	C c  fill colour, pen colour; S style (solid, dashed, dotted, bold, setlinewidth(n))
type xop struct {
	kind byte
	pts  []float64 // the points, x y x y ..., or the ellipse's x y rx ry
	num  []float64 // T: x y j w; F: size; t: flags
	text string    // T: the text; F: the font; C, c: the colour; S: the style
}

// parseOps reads an xdot operation string.
func parseOps(s string) ([]xop, error) {
	p := opScanner{s: s}
	var ops []xop
	for {
		p.space()
		if p.i >= len(p.s) {
			return ops, nil
		}
		op, err := p.op()
		if err != nil {
			return nil, fmt.Errorf("xdot operation at byte %d: %w", p.i, err)
		}
		ops = append(ops, op)
	}
}

// opScanner reads the fields of an xdot operation string.
type opScanner struct {
	s string
	i int
}

func (p *opScanner) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\n' || p.s[p.i] == '\t') {
		p.i++
	}
}

// field returns the next space-separated field.
func (p *opScanner) field() string {
	p.space()
	start := p.i
	for p.i < len(p.s) && p.s[p.i] != ' ' && p.s[p.i] != '\n' && p.s[p.i] != '\t' {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *opScanner) number() (float64, error) {
	f := p.field()
	n, err := strconv.ParseFloat(f, 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", f)
	}
	return n, nil
}

func (p *opScanner) numbers(n int) ([]float64, error) {
	nums := make([]float64, n)
	for i := range nums {
		f, err := p.number()
		if err != nil {
			return nil, err
		}
		nums[i] = f
	}
	return nums, nil
}

// text reads a string: its length in bytes, a space, a dash, then the bytes.
func (p *opScanner) text() (string, error) {
	n, err := p.number()
	if err != nil {
		return "", err
	}
	p.space()
	if p.i >= len(p.s) || p.s[p.i] != '-' || n < 0 || p.i+1+int(n) > len(p.s) {
		return "", fmt.Errorf("bad string")
	}
	t := p.s[p.i+1 : p.i+1+int(n)]
	p.i += 1 + int(n)
	return t, nil
}

// op reads one operation.
func (p *opScanner) op() (xop, error) {
	k := p.field()
	if len(k) != 1 {
		return xop{}, fmt.Errorf("unknown operation %q", k)
	}
	op := xop{kind: k[0]}
	var err error
	switch op.kind {
	case 'E', 'e':
		op.pts, err = p.numbers(4)
	case 'P', 'p', 'L', 'B', 'b':
		var n float64
		if n, err = p.number(); err == nil {
			if n < 1 || n > float64(len(p.s)) {
				return op, fmt.Errorf("bad point count %v", n)
			}
			op.pts, err = p.numbers(2 * int(n))
		}
	case 'T':
		if op.num, err = p.numbers(4); err == nil {
			op.text, err = p.text()
		}
	case 'F':
		if op.num, err = p.numbers(1); err == nil {
			op.text, err = p.text()
		}
	case 't':
		op.num, err = p.numbers(1)
	case 'C', 'c', 'S':
		op.text, err = p.text()
	case 'I':
		// An image: the picture never uses them, and the file system is empty.
		if _, err = p.numbers(4); err == nil {
			_, err = p.text()
		}
	default:
		err = fmt.Errorf("unknown operation %q", k)
	}
	return op, err
}

// lineStyle is a parsed S operation.
type lineStyle struct {
	width    float64
	setWidth bool // width is meant
	dashes   []float64
	setDash  bool // dashes is meant, solid when empty
}

// The dash patterns of Graphviz's SVG, in points.
var (
	dashed = []float64{5, 2}
	dotted = []float64{1, 5}
)

// parseStyle reads an S operation's style, in points.
func parseStyle(s string) (lineStyle, error) {
	switch s {
	case "solid":
		return lineStyle{setDash: true}, nil
	case "dashed":
		return lineStyle{dashes: dashed, setDash: true}, nil
	case "dotted":
		return lineStyle{dashes: dotted, setDash: true}, nil
	case "bold":
		return lineStyle{width: 2, setWidth: true}, nil
	case "filled", "rounded", "invis", "radial", "striped", "wedged", "diagonals", "tapered":
		return lineStyle{}, nil
	}
	if w, ok := strings.CutPrefix(s, "setlinewidth("); ok {
		if f, err := strconv.ParseFloat(strings.TrimSuffix(w, ")"), 64); err == nil && f >= 0 {
			return lineStyle{width: f, setWidth: true}, nil
		}
	}
	return lineStyle{}, fmt.Errorf("unknown style %q", s)
}
