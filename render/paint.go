package render

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"sync"

	"github.com/fogleman/gg"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// pngScale is the PNG's pixels per point: 96 dpi, as Graphviz's PNG and a browser's view of
// the SVG at 100%.
const pngScale = 96.0 / 72

// paintPNG paints the drawing Graphviz's xdot renderer stated and returns it as PNG bytes.
//
// go-graphviz's own PNG renderer fills every shape and curve it is given (its WebAssembly
// glue reports every shape as filled), so edges become filled blobs over the labels and
// table borders paint over the tables. xdot states explicitly what is filled and what is
// stroked; painting it ourselves draws what Graphviz's SVG draws, in the same order.
func paintPNG(d *layoutOps) ([]byte, error) {
	w := math.Ceil((d.bb[2] - d.bb[0] + 2*d.padX) * pngScale)
	h := math.Ceil((d.bb[3] - d.bb[1] + 2*d.padY) * pngScale)
	if w < 1 || h < 1 || w*h > maxPNGPixels {
		return nil, fmt.Errorf("%w (%.0f × %.0f pixels, more than %d million); draw it as SVG", ErrTooLarge, w, h, maxPNGPixels/1_000_000)
	}
	p := &painter{
		dc:    gg.NewContext(int(w), int(h)),
		x0:    d.padX - d.bb[0],
		y0:    d.bb[3] + d.padY,
		faces: map[faceKey]xfont.Face{},
	}
	p.dc.SetLineCapButt()
	p.dc.SetLineJoinRound()
	for _, s := range d.ops {
		ops, err := parseOps(s)
		if err != nil {
			return nil, fmt.Errorf("cannot read graphviz's layout: %w", err)
		}
		if err := p.paint(ops); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := p.dc.EncodePNG(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// maxPNGPixels bounds the PNG's size (400 MB of RGBA): a map too large for it is better
// drawn as SVG.
const maxPNGPixels = 100_000_000

// ErrTooLarge is returned for a picture too large to paint as PNG (see maxPNGPixels).
var ErrTooLarge = errors.New("the picture is too large for PNG")

// painter paints xdot operations on an image, keeping the drawing state of one operation
// string.
type painter struct {
	dc     *gg.Context
	x0, y0 float64 // the image's origin in layout points: x' = x + x0, y' = y0 - y
	faces  map[faceKey]xfont.Face

	pen, fill color.NRGBA
	width     float64
	dashes    []float64
	fontSize  float64
	fontFlags int
}

// reset sets the state Graphviz assumes at the start of an operation string.
func (p *painter) reset() {
	p.pen, p.fill = color.NRGBA{A: 255}, color.NRGBA{A: 255}
	p.width, p.dashes = 1, nil
	p.fontSize, p.fontFlags = 14, 0
}

// paint paints one object's operation string.
func (p *painter) paint(ops []xop) error {
	p.reset()
	for _, op := range ops {
		if err := p.op(op); err != nil {
			return err
		}
	}
	return nil
}

func (p *painter) op(op xop) error {
	var err error
	switch op.kind {
	case 'c':
		p.pen, err = parseColor(op.text)
		p.penDashes()
	case 'C':
		p.fill, err = parseColor(op.text)
	case 'S':
		var st lineStyle
		if st, err = parseStyle(op.text); err == nil {
			if st.setWidth {
				p.width = st.width
			}
			if st.setDash {
				p.dashes = st.dashes
			}
		}
	case 'F':
		p.fontSize = op.num[0]
	case 't':
		p.fontFlags = int(op.num[0])
	case 'T':
		err = p.text(op)
	case 'E', 'e':
		p.dc.DrawEllipse((op.pts[0]+p.x0)*pngScale, (p.y0-op.pts[1])*pngScale, op.pts[2]*pngScale, op.pts[3]*pngScale)
		p.finish(op.kind == 'E')
	case 'P':
		if p.pen == p.fill && len(p.dashes) == 0 {
			// an arrowhead: the SVG strokes its corners mitred, which gg cannot
			p.polyline(mitred(op.pts, p.width/2))
			p.dc.ClosePath()
			p.dc.SetColor(p.fill)
			p.dc.Fill()
			break
		}
		fallthrough
	case 'p', 'L':
		p.polyline(op.pts)
		if op.kind != 'L' {
			p.dc.ClosePath()
		}
		p.finish(op.kind == 'P')
	case 'b', 'B':
		p.bezier(op.pts)
		if op.kind == 'b' {
			p.dc.ClosePath()
		}
		p.finish(op.kind == 'b')
	}
	return err
}

// miterLimit is SVG's default stroke-miterlimit: a corner sharper than it is cut off.
const miterLimit = 4

// mitred returns the outline of the closed polygon pts (x, y pairs) stroked with a pen of
// half width half and mitred corners, as SVG strokes it by default: each corner moves out
// along its bisector, or, past the miter limit, is cut square (bevelled).
func mitred(pts []float64, half float64) []float64 {
	n := len(pts) / 2
	if n < 3 || half <= 0 {
		return pts
	}
	area := 0.0
	for i := range n {
		j := (i + 1) % n
		area += pts[2*i]*pts[2*j+1] - pts[2*j]*pts[2*i+1]
	}
	side := 1.0 // the outward normal of an edge (dx, dy) is side * (dy, -dx)
	if area < 0 {
		side = -1
	}
	var out []float64
	for i := range n {
		a, b := (i+n-1)%n, (i+1)%n
		x, y := pts[2*i], pts[2*i+1]
		n1x, n1y := unitNormal(pts[2*a], pts[2*a+1], x, y, side)
		n2x, n2y := unitNormal(x, y, pts[2*b], pts[2*b+1], side)
		mx, my := n1x+n2x, n1y+n2y
		cos := mx*n1x + my*n1y // |m| cos of the angle between m and n1, with |m| = 2 cos
		if l := math.Hypot(mx, my); l > 1e-9 && half/(cos/l) <= miterLimit*half {
			k := half / (cos / l) / l
			out = append(out, x+mx*k, y+my*k)
			continue
		}
		out = append(out, x+n1x*half, y+n1y*half, x+n2x*half, y+n2y*half)
	}
	return out
}

// unitNormal returns the outward unit normal of the edge from (x1, y1) to (x2, y2).
func unitNormal(x1, y1, x2, y2, side float64) (float64, float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return 0, 0
	}
	return side * dy / l, -side * dx / l
}

// penDashed and penDotted are the alphas of a pen colour that pngSafe marks as dashed or
// dotted; the painter draws the colour opaque with those dashes.
const (
	penDashed = "fe"
	penDotted = "fd"
)

// penDashes applies the dashes a pen colour's alpha marks.
func (p *painter) penDashes() {
	switch p.pen.A {
	case 0xfe:
		p.dashes, p.pen.A = dashed, 0xff
	case 0xfd:
		p.dashes, p.pen.A = dotted, 0xff
	}
}

// pt converts layout point i of pts to image coordinates.
func (p *painter) pt(pts []float64, i int) (float64, float64) {
	return (pts[2*i] + p.x0) * pngScale, (p.y0 - pts[2*i+1]) * pngScale
}

func (p *painter) polyline(pts []float64) {
	p.dc.NewSubPath()
	p.dc.MoveTo(p.pt(pts, 0))
	for i := 1; i < len(pts)/2; i++ {
		p.dc.LineTo(p.pt(pts, i))
	}
}

// bezier adds a piecewise cubic Bézier curve: a start point, then three points a segment.
func (p *painter) bezier(pts []float64) {
	n := len(pts) / 2
	p.dc.NewSubPath()
	p.dc.MoveTo(p.pt(pts, 0))
	i := 1
	for ; i+2 < n; i += 3 {
		x1, y1 := p.pt(pts, i)
		x2, y2 := p.pt(pts, i+1)
		x3, y3 := p.pt(pts, i+2)
		p.dc.CubicTo(x1, y1, x2, y2, x3, y3)
	}
	for ; i < n; i++ {
		p.dc.LineTo(p.pt(pts, i))
	}
}

// finish paints the current path: a filled shape is filled with the fill colour and outlined
// with the pen, as Graphviz's SVG does; any other is stroked with the pen.
func (p *painter) finish(filled bool) {
	if filled && p.fill.A > 0 {
		p.dc.SetColor(p.fill)
		p.dc.FillPreserve()
	}
	if p.pen.A > 0 && p.width > 0 {
		p.dc.SetColor(p.pen)
		p.dc.SetLineWidth(p.width * pngScale)
		dashes := make([]float64, len(p.dashes))
		for i, d := range p.dashes {
			dashes[i] = d * pngScale
		}
		p.dc.SetDash(dashes...)
		p.dc.StrokePreserve()
	}
	p.dc.ClearPath()
}

// Font characteristics of the t operation that the painter draws.
const (
	fontBold      = 1
	fontItalic    = 2
	fontUnderline = 4
	fontStrike    = 32
)

// text paints a T operation in the pen colour in DejaVu Sans, the font the layout was
// measured with, embedded so that the picture is the same on every machine; it is aligned
// as Graphviz aligned it.
func (p *painter) text(op xop) error {
	face, err := p.face(p.fontFlags&(fontBold|fontItalic), p.fontSize*pngScale)
	if err != nil {
		return err
	}
	x, y := (op.num[0]+p.x0)*pngScale, (p.y0-op.num[1])*pngScale
	w := float64(xfont.MeasureString(face, op.text)) / 64
	x -= w * (op.num[2] + 1) / 2 // justification: -1 left, 0 centre, 1 right
	p.dc.SetFontFace(face)
	p.dc.SetColor(p.pen)
	p.dc.DrawString(op.text, x, y)
	size := p.fontSize * pngScale
	if p.fontFlags&fontUnderline != 0 {
		p.rule(x, y+size*0.12, w, size)
	}
	if p.fontFlags&fontStrike != 0 {
		p.rule(x, y-size*0.3, w, size)
	}
	return nil
}

// rule draws a line under or through a text of width w and font size size at y.
func (p *painter) rule(x, y, w, size float64) {
	p.dc.SetColor(p.pen)
	p.dc.SetLineWidth(math.Max(1, size/14))
	p.dc.SetDash()
	p.dc.DrawLine(x, y, x+w, y)
	p.dc.Stroke()
}

// faceKey names a face: bold and italic flags, and the size in pixels.
type faceKey struct {
	style int
	size  float64
}

func (p *painter) face(style int, size float64) (xfont.Face, error) {
	k := faceKey{style, size}
	if f, ok := p.faces[k]; ok {
		return f, nil
	}
	fonts, err := dejaVuFonts()
	if err != nil {
		return nil, err
	}
	f, err := opentype.NewFace(fonts[style], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: xfont.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("cannot size the PNG font: %w", err)
	}
	p.faces[k] = f
	return f, nil
}

// dejaVuTTF are DejaVu Sans by style: regular, bold, oblique, bold oblique (see
// fonts/LICENSE).
//
//go:embed fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf fonts/DejaVuSans-Oblique.ttf fonts/DejaVuSans-BoldOblique.ttf
var dejaVuTTF embed.FS

// dejaVuFonts parses, once, DejaVu Sans by style: regular, bold, italic, bold italic.
var dejaVuFonts = sync.OnceValues(func() ([4]*sfnt.Font, error) {
	var fonts [4]*sfnt.Font
	for i, name := range []string{"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"} {
		ttf, err := dejaVuTTF.ReadFile("fonts/" + name + ".ttf")
		if err != nil {
			return fonts, fmt.Errorf("cannot read the PNG font: %w", err)
		}
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fonts, fmt.Errorf("cannot read the PNG font: %w", err)
		}
		fonts[i] = f
	}
	return fonts, nil
})

// parseColor reads an xdot colour: #rrggbb, #rrggbbaa, or one of the names Graphviz writes
// for the picture's defaults.
func parseColor(s string) (color.NRGBA, error) {
	switch s {
	case "black":
		return color.NRGBA{A: 255}, nil
	case "white":
		return color.NRGBA{255, 255, 255, 255}, nil
	case "transparent", "none", "invis":
		return color.NRGBA{}, nil
	}
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return color.NRGBA{}, fmt.Errorf("cannot paint colour %q in PNG", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, fmt.Errorf("cannot paint colour %q in PNG", s)
	}
	if len(s) == 7 {
		v = v<<8 | 0xff
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}
