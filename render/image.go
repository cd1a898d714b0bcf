package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing/fstest"
	"time"

	"github.com/goccy/go-graphviz"
)

// Format is an output format of Image.
type Format string

// The formats Image writes; DOT text needs no Graphviz and comes from DOT.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// DefaultTimeout bounds how long one layout may take before Image gives up.
const DefaultTimeout = 20 * time.Second

// ErrTimeout is returned when Graphviz takes longer than the time limit to lay a map out.
var ErrTimeout = errors.New("the picture took too long to lay out")

// gv is the one Graphviz instance of the process. go-graphviz is not safe for concurrent use,
// so mu serialises every use of it.
var (
	mu sync.Mutex
	gv *graphviz.Graphviz
)

// Image lays dot out with Graphviz and returns the picture in format f. It gives up after
// timeout with ErrTimeout, or when ctx ends with ctx.Err(): Graphviz cannot be interrupted,
// so the abandoned layout keeps running, and holding the lock, in the background until it
// finishes or the process exits. A command-line run exits right after, so that is harmless
// there.
// SVG output is checked by CheckSVG; output that fails the check is an error. PNG is
// painted from Graphviz's xdot output by paintPNG, within the same time limit.
func Image(ctx context.Context, dot []byte, f Format, timeout time.Duration) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, d, err := layout(dot, f)
		if err == nil && f == PNG {
			b, err = paintPNG(d)
		}
		done <- result{b, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		if res.err == nil && f == SVG {
			res.b = svgFonts(res.b)
			res.err = CheckSVG(res.b)
		}
		return res.b, res.err
	case <-timer.C:
		return nil, fmt.Errorf("%w (more than %s)", ErrTimeout, timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// layout runs Graphviz on dot under the lock: it returns the picture in format f, or for
// PNG the drawing that paintPNG paints. It never hands Graphviz a context it could stop on:
// the time limit is Image's job.
func layout(dot []byte, f Format) ([]byte, *layoutOps, error) {
	mu.Lock()
	defer mu.Unlock()
	ctx := context.Background()
	if gv == nil {
		// Graphviz reads local files for image= attributes and HTML <IMG>; the picture
		// never uses them, and an empty file system makes sure nothing else does either.
		graphviz.SetFileSystem(fstest.MapFS{})
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot start graphviz: %w", err)
		}
		gv = g
	}
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, nil, fmt.Errorf("graphviz cannot read the generated graph: %w", err)
	}
	defer graph.Close()
	format := graphviz.Format(f)
	if f == PNG {
		format = "xdot" // sets the drawing on the graph, for paintPNG, not go-graphviz's renderer
	}
	var buf bytes.Buffer
	if err := gv.Render(ctx, graph, format, &buf); err != nil {
		return nil, nil, fmt.Errorf("graphviz cannot draw the map: %w", err)
	}
	if buf.Len() == 0 {
		// go-graphviz reports a failed layout without a message as no error at all.
		return nil, nil, errors.New("graphviz cannot draw the map: its layout failed without a message")
	}
	if f == PNG {
		d, err := layoutOf(graph)
		return nil, d, err
	}
	return buf.Bytes(), nil, nil
}

// svgFonts names, after the font Graphviz measured the text with, the fonts of the same
// widths that machines without it have (see fontFamily). Graphviz writes the font name as the
// DOT gave it, and user text cannot hold this attribute: its quotes are escaped.
func svgFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte(`font-family="`+font+`"`), []byte(`font-family="`+fontFamily+`"`))
}
