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

// PNG is painted by paintPNG in DejaVu Sans, which has no emoji. pngSafe makes the
// picture's faces and symbols text it draws, as the PNG always has. The symbols are replaced wherever they
// occur, in the user's text too, where they would otherwise show as empty boxes.
//
// It also takes the dashes out of HTML tables and cells: Graphviz 12.1.2 writes a dashed or
// dotted one's style to xdot followed by whatever memory comes after it (and can crash
// doing so). Their border colour gets an alpha that paintPNG reads back as the dashes (see
// penDashed).
func pngSafe(dot []byte) []byte {
	s := htmlTag.ReplaceAllStringFunc(string(dot), undash)
	return []byte(pngGlyphs.Replace(s))
}

// htmlTag matches a table or cell tag of an HTML-like label with a style. User text cannot
// contain one: its < and " are escaped.
var htmlTag = regexp.MustCompile(`<(TABLE|TD) [^>]*STYLE="[^"]*"[^>]*>`)

// tagStyle and tagColor match a tag's style and its border colour, a colour without alpha.
var (
	tagStyle = regexp.MustCompile(`STYLE="([^"]*)"`)
	tagColor = regexp.MustCompile(` COLOR="(#[0-9a-fA-F]{6})"`)
)

// undash takes the dashes out of the style of an HTML tag and marks its border colour
// instead.
func undash(tag string) string {
	style := tagStyle.FindStringSubmatch(tag)[1]
	var kept []string
	alpha := ""
	for _, st := range strings.Split(style, ",") {
		switch st {
		case "dashed":
			alpha = penDashed
		case "dotted":
			alpha = penDotted
		default:
			kept = append(kept, st)
		}
	}
	if alpha == "" {
		return tag
	}
	tag = tagStyle.ReplaceAllLiteralString(tag, `STYLE="`+strings.Join(kept, ",")+`"`)
	tag = strings.ReplaceAll(tag, ` STYLE=""`, "")
	return tagColor.ReplaceAllString(tag, ` COLOR="${1}`+alpha+`"`)
}

// pngGlyphs maps the picture's symbols to text for PNG.
var pngGlyphs = strings.NewReplacer(
	emotionFaces[0], ":-((", emotionFaces[1], ":-(", emotionFaces[2], ":-|",
	emotionFaces[3], ":-)", emotionFaces[4], ":-D",
	"✓", "+", "✗", "x", "★", "*", "⚑", "»", "⏏ ", "",
	markChanged, "~", markMoved, "↔",
)
