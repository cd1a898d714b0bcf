package render

import (
	"bytes"
	"context"
	"errors"
	xfont "golang.org/x/image/font"
	stdimage "image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey/lang"
	"golang.org/x/image/font/sfnt"
)

// shapes is a graph with one of each thing go-graphviz's own PNG renderer drew wrong: a
// curved edge (red), a dashed edge (blue), a translucent fill and a table border (green).
const shapes = `digraph g {
	graph [rankdir=LR, bgcolor="#ffffff", pad=0.2, nodesep=0.5];
	node [shape=box, style=filled, fillcolor="#ffffff", color="#000000", fontcolor="#ffffff"];
	a; b [width=1.5, height=3]; c;
	a -> b -> c;
	a -> c [color="#ff0000", penwidth=2, arrowhead=none];
	d -> e [color="#0000ff", style=dashed, penwidth=2, arrowhead=none, minlen=3];
	f [fillcolor="#0000ff80", color="#0000ff80", width=1, height=1];
	g [shape=plain, label=<<TABLE BORDER="2" COLOR="#00ff00" BGCOLOR="#ffffff"><TR><TD>card</TD></TR></TABLE>>];
}`

// pngOf lays dot out and paints it; it returns the layout and the picture.
func pngOf(t *testing.T, dot string) (*layoutOps, stdimage.Image) {
	t.Helper()
	_, d, err := layout([]byte(dot), PNG)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Image(context.Background(), []byte(dot), PNG, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return d, img
}

// at returns the colour of the picture at layout point (x, y).
func at(d *layoutOps, img stdimage.Image, x, y float64) color.NRGBA {
	px := (x + d.padX - d.bb[0]) * pngScale
	py := (d.bb[3] + d.padY - y) * pngScale
	return color.NRGBAModel.Convert(img.At(int(px), int(py))).(color.NRGBA)
}

// near reports whether c is within 40 of want in every channel.
func near(c, want color.NRGBA) bool {
	d := func(a, b uint8) bool { return math.Abs(float64(a)-float64(b)) <= 40 }
	return d(c.R, want.R) && d(c.G, want.G) && d(c.B, want.B)
}

// anyNear reports whether a pixel within a point of (x, y) is near want.
func anyNear(d *layoutOps, img stdimage.Image, x, y float64, want color.NRGBA) bool {
	for dx := -1.0; dx <= 1; dx++ {
		for dy := -1.0; dy <= 1; dy++ {
			if near(at(d, img, x+dx, y+dy), want) {
				return true
			}
		}
	}
	return false
}

// findOp returns the first operation of kind drawn with the pen (or, for filled shapes, the
// fill) colour c.
func findOp(t *testing.T, d *layoutOps, kind byte, c string) xop {
	t.Helper()
	for _, s := range d.ops {
		ops, err := parseOps(s)
		if err != nil {
			t.Fatal(err)
		}
		var pen, fill string
		for _, op := range ops {
			switch {
			case op.kind == 'c':
				pen = op.text
			case op.kind == 'C':
				fill = op.text
			case op.kind == kind && (pen == c || fill == c && strings.IndexByte("PbE", kind) >= 0):
				return op
			}
		}
	}
	t.Fatalf("no %c operation in %s", kind, c)
	return xop{}
}

// curvePoints samples a piecewise cubic Bézier curve.
func curvePoints(pts []float64) [][2]float64 {
	var out [][2]float64
	for i := 0; i+7 < len(pts); i += 6 {
		for k := 0; k <= 20; k++ {
			u := float64(k) / 20
			a, b, c, e := (1-u)*(1-u)*(1-u), 3*u*(1-u)*(1-u), 3*u*u*(1-u), u*u*u
			out = append(out, [2]float64{
				a*pts[i] + b*pts[i+2] + c*pts[i+4] + e*pts[i+6],
				a*pts[i+1] + b*pts[i+3] + c*pts[i+5] + e*pts[i+7],
			})
		}
	}
	return out
}

var (
	red   = color.NRGBA{255, 0, 0, 255}
	blue  = color.NRGBA{0, 0, 255, 255}
	green = color.NRGBA{0, 255, 0, 255}
	white = color.NRGBA{255, 255, 255, 255}
)

// TestPNGStrokesCurves checks that a curved edge is a line, not a filled shape: its pixels
// far from the curve, between it and the straight line from its start to its end, are
// not the edge's colour (go-graphviz's renderer filled them).
func TestPNGStrokesCurves(t *testing.T) {
	d, img := pngOf(t, shapes)
	edge := findOp(t, d, 'B', "#ff0000")
	curve := curvePoints(edge.pts)
	start, end := curve[0], curve[len(curve)-1]
	// The curve's point farthest from the chord, and its foot on the chord.
	var far, foot [2]float64
	best := 0.0
	for _, p := range curve {
		dx, dy := end[0]-start[0], end[1]-start[1]
		u := ((p[0]-start[0])*dx + (p[1]-start[1])*dy) / (dx*dx + dy*dy)
		f := [2]float64{start[0] + u*dx, start[1] + u*dy}
		if dist := math.Hypot(p[0]-f[0], p[1]-f[1]); dist > best {
			best, far, foot = dist, p, f
		}
	}
	if best < 20 {
		t.Fatalf("the red edge bends only %.1f points; the test needs a curve", best)
	}
	if !anyNear(d, img, far[0], far[1], red) {
		t.Errorf("the curve at (%.0f, %.0f) is %v, want the edge's red", far[0], far[1], at(d, img, far[0], far[1]))
	}
	inside := [2]float64{(far[0] + foot[0]) / 2, (far[1] + foot[1]) / 2}
	if c := at(d, img, inside[0], inside[1]); near(c, red) {
		t.Errorf("inside the curve's bend, at (%.0f, %.0f), the picture is the edge's red: the curve is filled", inside[0], inside[1])
	}
}

// TestPNGDashes checks that a dashed edge has gaps.
func TestPNGDashes(t *testing.T) {
	d, img := pngOf(t, shapes)
	curve := curvePoints(findOp(t, d, 'B', "#0000ff").pts)
	var on, off int
	for _, p := range curve[2 : len(curve)-2] {
		if near(at(d, img, p[0], p[1]), blue) {
			on++
		} else {
			off++
		}
	}
	if on == 0 || off == 0 {
		t.Errorf("along the dashed edge %d pixels are blue and %d are not, want both", on, off)
	}
}

// TestPNGTranslucentAndBorders checks that a half-transparent fill shows the white under it
// and that a table's border is drawn in its colour around its white content.
func TestPNGTranslucentAndBorders(t *testing.T) {
	d, img := pngOf(t, shapes)
	box := findOp(t, d, 'P', "#0000ff80").pts
	cx, cy := (box[0]+box[4])/2, box[1]+(box[5]-box[1])/4 // clear of the label
	if c, want := at(d, img, cx, cy), (color.NRGBA{127, 127, 255, 255}); !near(c, want) {
		t.Errorf("the half-transparent blue box is %v, want about %v", c, want)
	}
	border := findOp(t, d, 'p', "#00ff00").pts
	x0, x1 := math.Min(border[0], border[4]), math.Max(border[0], border[4])
	y0, y1 := math.Min(border[1], border[5]), math.Max(border[1], border[5])
	if !anyNear(d, img, (x0+x1)/2, y0+0.5, green) || !anyNear(d, img, x0+0.5, (y0+y1)/2, green) {
		t.Errorf("the table's border is not green: %v", at(d, img, (x0+x1)/2, y0+0.5))
	}
	if c := at(d, img, x0+4, y0+4); !near(c, white) {
		t.Errorf("inside the table's border the picture is %v, want its white", c)
	}
}

// TestPNGDeterministic draws the same picture twice.
func TestPNGDeterministic(t *testing.T) {
	m := florist()
	dot := pngSafe(DOT(m, floristReport(m), nil))
	a, err := Image(context.Background(), dot, PNG, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Image(context.Background(), dot, PNG, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same PNG drawn twice differs")
	}
}

// TestPNGLimits checks that a PNG keeps the time limit, that a graph Graphviz cannot lay
// out is an error, and that a picture of more than maxPNGPixels is refused before it is
// painted.
func TestPNGLimits(t *testing.T) {
	_, err := Image(context.Background(), DOT(wide(40), nil, nil), PNG, time.Nanosecond)
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("a PNG with a 1ns limit = %v, want ErrTimeout", err)
	}
	if _, err := Image(context.Background(), []byte("digraph { a -> "), PNG, DefaultTimeout); err == nil {
		t.Error("a PNG of a broken graph is no error")
	}
	if _, err := paintPNG(&layoutOps{bb: [4]float64{0, 0, 100_000, 1_000}}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a PNG of 133,000 by 1,300 pixels = %v, want ErrTooLarge", err)
	}
}

// TestPNGText checks the text of PNG pictures against their SVG: every text the SVG shows is
// painted (a label Graphviz could not read would be lost), with characters DejaVu Sans
// has, and the user's text exactly as written.
func TestPNGText(t *testing.T) {
	m := florist()
	nl, _ := lang.Get("nl")
	old := loadExample(t, "examples/florist/before/florist.journey.yaml")
	ex := loadExample(t, "examples/florist/florist.journey.yaml")
	pictures := map[string][]byte{
		"florist":    DOT(m, floristReport(m), nil),
		"florist nl": DOT(m, floristReport(m), nl),
		"diff":       DiffDOT(ex, nil, Change{Old: old, Since: "before"}, nil),
		"hostile":    DOT(hostile(), nil, nil),
	}
	fonts, err := dejaVuFonts()
	if err != nil {
		t.Fatal(err)
	}
	for name, dot := range pictures {
		svgTexts := bytes.Count(image(t, dot), []byte("<text "))
		texts := pngTexts(t, pngSafe(dot), fonts)
		if len(texts) != svgTexts {
			t.Errorf("%s: the PNG has %d texts, the SVG %d", name, len(texts), svgTexts)
		}
		if name == "hostile" && !strings.Contains(strings.Join(texts, "\n"), `'single' \N \G \l \n`) {
			t.Errorf("hostile: the PNG does not show the backslashes as written: %q", texts)
		}
	}
}

// pngTexts returns the texts of the PNG drawing of dot, and checks that the font each is
// painted in has its every character.
func pngTexts(t *testing.T, dot []byte, fonts [4]*sfnt.Font) []string {
	t.Helper()
	_, d, err := layout(dot, PNG)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, s := range d.ops {
		ops, err := parseOps(s)
		if err != nil {
			t.Fatal(err)
		}
		style := 0
		for _, op := range ops {
			switch op.kind {
			case 't':
				style = int(op.num[0]) & (fontBold | fontItalic)
			case 'T':
				texts = append(texts, op.text)
				checkGlyphs(t, fonts[style], op.text)
			}
		}
	}
	return texts
}

// checkGlyphs reports the characters of text that f has no glyph for. The hostile map's
// emoji are the user's own: shown as written, whatever font they need.
func checkGlyphs(t *testing.T, f *sfnt.Font, text string) {
	t.Helper()
	for _, r := range text {
		if i, err := f.GlyphIndex(nil, r); (err != nil || i == 0) && r != ' ' && !strings.ContainsRune("🌷👩🏽‍🌾\ufffd␀␁␛␡\u2060", r) {
			t.Errorf("the PNG font has no %q (%U), in %q", r, r, text)
		}
	}
}

// TestPNGPaintsInSVGOrder checks that the PNG paints in the SVG's order: the outlined curves
// (edges, rounded borders) of the same layout come in the same sequence.
func TestPNGPaintsInSVGOrder(t *testing.T) {
	m := florist()
	old := loadExample(t, "examples/florist/before/florist.journey.yaml")
	ex := loadExample(t, "examples/florist/florist.journey.yaml")
	for name, dot := range map[string][]byte{
		"florist": pngSafe(DOT(m, floristReport(m), nil)),
		"diff":    pngSafe(DiffDOT(ex, nil, Change{Old: old, Since: "before"}, nil)),
	} {
		var want [][2]float64
		for _, p := range svgCurveStart.FindAllSubmatch(image(t, dot), -1) {
			x, _ := strconv.ParseFloat(string(p[1]), 64)
			y, _ := strconv.ParseFloat(string(p[2]), 64)
			want = append(want, [2]float64{x, -y})
		}
		_, d, err := layout(dot, PNG)
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]float64
		for _, s := range d.ops {
			ops, _ := parseOps(s)
			for _, op := range ops {
				if op.kind == 'B' {
					got = append(got, [2]float64{op.pts[0], op.pts[1]})
				}
			}
		}
		if len(got) != len(want) || len(want) < 20 {
			t.Fatalf("%s: the PNG has %d outlined curves, the SVG %d", name, len(got), len(want))
		}
		for i := range want {
			if math.Abs(got[i][0]-want[i][0]) > 0.01 || math.Abs(got[i][1]-want[i][1]) > 0.01 {
				t.Fatalf("%s: outlined curve %d starts at %v in the PNG, %v in the SVG", name, i, got[i], want[i])
			}
		}
	}
}

// svgCurveStart matches the start of an outlined path of Graphviz's SVG.
var svgCurveStart = regexp.MustCompile(`<path fill="none"[^>]* d="M(-?[\d.]+),(-?[\d.]+)C`)

// TestPNGTextKeepsItsWidth: the PNG paints text in the font the layout measured it with, so
// a text of ASCII characters, whose widths Graphviz knows, is no wider than the room
// Graphviz gave it (a little narrower where a pair of letters is kerned, which Graphviz does
// not do): kebab-case channels and owners, full of hyphens, stay inside their cards.
func TestPNGTextKeepsItsWidth(t *testing.T) {
	m := florist()
	_, d, err := layout(pngSafe(DOT(m, floristReport(m), nil)), PNG)
	if err != nil {
		t.Fatal(err)
	}
	p := &painter{faces: map[faceKey]xfont.Face{}}
	checked := 0
	for _, s := range d.ops {
		ops, err := parseOps(s)
		if err != nil {
			t.Fatal(err)
		}
		p.reset()
		for _, op := range ops {
			switch op.kind {
			case 'F':
				p.fontSize = op.num[0]
			case 't':
				p.fontFlags = int(op.num[0])
			case 'T':
				if !isASCII(op.text) {
					continue
				}
				face, err := p.face(p.fontFlags&(fontBold|fontItalic), p.fontSize)
				if err != nil {
					t.Fatal(err)
				}
				checked++
				if w := float64(xfont.MeasureString(face, op.text)) / 64; w > op.num[3]+0.5 {
					t.Errorf("%q is %.1f points wide in the PNG, %.1f in the layout", op.text, w, op.num[3])
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d texts checked", checked)
	}
}

// isASCII reports whether s holds only ASCII characters.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestMitred: a polygon filled with its pen colour is painted as SVG strokes it, with
// mitred corners: a square's corners move out diagonally by half the pen, an arrowhead's
// tip stays sharp and moves out along its axis, and a corner sharper than the miter limit
// is cut square.
func TestMitred(t *testing.T) {
	near := func(got, want []float64) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-9 {
				return false
			}
		}
		return true
	}
	square := []float64{0, 0, 10, 0, 10, 10, 0, 10}
	if got := mitred(square, 1); !near(got, []float64{-1, -1, 11, -1, 11, 11, -1, 11}) {
		t.Errorf("square: %v", got)
	}
	clockwise := []float64{0, 10, 10, 10, 10, 0, 0, 0}
	if got := mitred(clockwise, 1); !near(got, []float64{-1, 11, 11, 11, 11, -1, -1, -1}) {
		t.Errorf("square drawn clockwise: %v", got)
	}
	arrow := []float64{0, -3.5, 10, 0, 0, 3.5} // Graphviz's arrowhead: the sine of the tip's half angle is 3.5/√112.25
	tip := 10 + math.Sqrt(112.25)/3.5
	if got := mitred(arrow, 1); len(got) != 6 || math.Abs(got[2]-tip) > 1e-9 || math.Abs(got[3]) > 1e-9 {
		t.Errorf("arrowhead: %v, want the tip at (%.3f, 0)", got, tip)
	}
	needle := []float64{0, -0.5, 10, 0, 0, 0.5} // past the miter limit: the tip is cut
	if got := mitred(needle, 1); len(got) != 8 {
		t.Errorf("needle: %v, want the tip bevelled into two points", got)
	}
}
