package page

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"strconv"

	"github.com/journey-cx/journey/render"
)

// inlineSVG prepares a picture to be placed in the page as it is: it must pass
// render.CheckSVG (well-formed, no script, no event handler, no link), and it loses what
// precedes its <svg> element (the XML declaration, the doctype and Graphviz's comment), which
// has no place inside HTML. In the page the picture is one image named label; Graphviz's
// <title>s go, as they name its internal ids ("journey", "cluster_s0", "t0"), which
// browsers show as tooltips and screen readers read. No picture gives no HTML.
func inlineSVG(svg []byte, label string) (template.HTML, error) {
	if len(svg) == 0 {
		return "", nil
	}
	if err := render.CheckSVG(svg); err != nil {
		return "", err
	}
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return "", errors.New("the picture has no <svg> element")
	}
	svg = graphvizTitle.ReplaceAll(bytes.TrimSpace(svg[i:]), nil)
	named := `<svg role="img" aria-label="` + template.HTMLEscapeString(label) + `"`
	return template.HTML(named + string(svg[len("<svg"):])), nil
}

// graphvizTitle matches a <title> element Graphviz writes, on its own line. Text of the
// map's is escaped in the picture, so it cannot hold one.
var graphvizTitle = regexp.MustCompile(`(?m)^<title>[^<]*</title>\n`)

// printable is the shape of the part of an A4 landscape page (10 mm margins, room for a
// heading) a slice of the picture may fill, width over height; style.css agrees. pageWidth
// is its width in points: a slice is never narrower, so that a slice is never enlarged.
const (
	printable = 277.0 / 165.0
	pageWidth = 277.0 / 25.4 * 72
)

// overlap is how much of its neighbour each slice repeats, in the picture's units (points),
// so that a card cut at a page's edge is whole on one of the two pages.
const overlap = 60.0

// viewBox matches the size of Graphviz's picture and the id of its graph, which the slices
// show again.
var viewBox = regexp.MustCompile(`^<svg[^>]*viewBox="0\.00 0\.00 ([0-9.]+) ([0-9.]+)"[\s\S]*?<g id="graph0"`)

// printSlices cuts a picture too wide for one page into the viewBoxes of slices that each
// fill a page when printed, left to right: a wide journey prints as several pages at a
// readable size instead of one unreadable strip. None when the picture fits one page.
func printSlices(svg template.HTML) []string {
	m := viewBox.FindStringSubmatch(string(svg))
	if m == nil {
		return nil
	}
	w, errW := strconv.ParseFloat(m[1], 64)
	h, errH := strconv.ParseFloat(m[2], 64)
	if errW != nil || errH != nil || h <= 0 {
		return nil
	}
	n := int(math.Ceil(w / max(h*printable, pageWidth)))
	if n <= 1 {
		return nil
	}
	step := w / float64(n)
	out := make([]string, n)
	for i := range out {
		x := max(0, float64(i)*step-overlap)
		width := min(w, float64(i+1)*step+overlap) - x
		out[i] = fmt.Sprintf("%s 0 %s %s", units(x), units(width), units(h))
	}
	return out
}
