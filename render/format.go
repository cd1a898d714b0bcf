package render

import (
	"context"
	"io"
	"time"

	"github.com/journey-cx/journey/journey/output"
)

// Picture is what a format printer writes: the DOT text of a map, laid out (or not) in the
// printer's format.
type Picture struct {
	// Ctx ends the wait for a layout early; see Image.
	Ctx context.Context
	// DOT is the graph, as DOT returns it.
	DOT []byte
	// Timeout bounds the layout; zero means DefaultTimeout.
	Timeout time.Duration
}

// Formats holds the printers of `journey render --format`; "svg" is the default.
var Formats output.Registry[Picture]

func init() {
	Formats.Register("svg", imagePrinter(SVG))
	Formats.Register("png", imagePrinter(PNG))
	Formats.Register("dot", func(w io.Writer, p Picture) error {
		_, err := w.Write(p.DOT)
		return err
	})
}

// imagePrinter returns the printer that lays a picture out with Graphviz in format f.
func imagePrinter(f Format) output.Printer[Picture] {
	return func(w io.Writer, p Picture) error {
		ctx, timeout := p.Ctx, p.Timeout
		if ctx == nil {
			ctx = context.Background()
		}
		if timeout == 0 {
			timeout = DefaultTimeout
		}
		b, err := Image(ctx, p.DOT, f, timeout)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
}
