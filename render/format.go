package render

import (
	"context"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/output"
)

// Picture is what a format printer writes: a map and, optionally, the report to overlay,
// drawn in the printer's format, its labels in the language of the printer's options
// (output.Options.Lang).
type Picture struct {
	// Ctx ends the wait for a layout early; see Image.
	Ctx context.Context
	// Map is the journey map to draw.
	Map *journey.Map
	// Report, when not nil, is overlaid on the map; see DOT.
	Report *analysis.Report
	// Timeout bounds the layout; zero means DefaultTimeout.
	Timeout time.Duration
	// Change, when not nil, makes the picture one of a change: what changed since
	// Change.Old is marked on the map; see DiffDOT.
	Change *Change
}

// dot is the DOT text of the picture, its words in the language of o.
func (p Picture) dot(o output.Options) []byte {
	if p.Change != nil {
		return DiffDOT(p.Map, p.Report, *p.Change, o.Language())
	}
	return DOT(p.Map, p.Report, o.Language())
}

// Formats holds the printers of `journey render --format`; "svg" is the default.
var Formats output.Registry[Picture]

func init() {
	Formats.Register("svg", imagePrinter(SVG))
	Formats.Register("png", imagePrinter(PNG))
	Formats.Register("dot", func(w io.Writer, p Picture, o output.Options) error {
		_, err := w.Write(p.dot(o))
		return err
	})
}

// imagePrinter returns the printer that lays a picture out with Graphviz in format f.
func imagePrinter(f Format) output.Printer[Picture] {
	return func(w io.Writer, p Picture, o output.Options) error {
		ctx, timeout := p.Ctx, p.Timeout
		if ctx == nil {
			ctx = context.Background()
		}
		if timeout == 0 {
			timeout = DefaultTimeout
		}
		dot := p.dot(o)
		if f == PNG {
			dot = pngSafe(dot)
		}
		b, err := Image(ctx, dot, f, timeout)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
}

// PNG comes from go-graphviz's own image renderer, not Graphviz's (see docs/render.md). Its
// font has no emoji or symbol glyphs, and it paints a table's border over the table's
// content. pngSafe adapts a drawing to it: tables lose their borders (cards keep their white
// fill and their markers), and the picture's symbols become text it can draw. The symbols
// are replaced wherever they occur, in the user's text too, where they would otherwise show
// as empty boxes.
func pngSafe(dot []byte) []byte {
	s := tableBorder.ReplaceAllString(string(dot), `<TABLE BORDER="0"`)
	return []byte(pngGlyphs.Replace(s))
}

// tableBorder matches the border of a table the renderer draws: user text cannot contain it,
// as its < and " are escaped.
var tableBorder = regexp.MustCompile(`<TABLE BORDER="[1-9]"`)

// pngGlyphs maps the picture's symbols to text for PNG.
var pngGlyphs = strings.NewReplacer(
	emotionFaces[0], ":-((", emotionFaces[1], ":-(", emotionFaces[2], ":-|",
	emotionFaces[3], ":-)", emotionFaces[4], ":-D",
	"✓", "+", "✗", "x", "★", "*", "⚑", "»", "⏏ ", "",
	markRemoved, "-", markChanged, "~", markMoved, "<>",
)
