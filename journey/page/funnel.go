package page

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/output"
	"github.com/journey-cx/journey/render"
)

// funnel is one funnel of the report: its title, its bar chart and its table of steps.
type funnel struct {
	Title string
	Chart chart
	Table table
}

// chart is a funnel's bar chart, drawn as inline SVG: one row per step, a bar as long as
// the users who reached the step and, behind it, a pale one as long as those who reached
// the step before, so that the drop-off shows as the pale rest.
type chart struct {
	Label                   string
	Width, Height           int
	LabelX, BarX, BarHeight int
	Bars                    []bar
}

// bar is one row of a chart; lengths and positions are SVG user units, already written as
// text so that the page's bytes never depend on float formatting in a template.
type bar struct {
	Y, TextY       int
	Name, FullName string
	Length, Before string
	Value, ValueX  string
}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 760
	labelWidth  = 230
	barMax      = 400
	rowHeight   = 28
	barHeight   = 20
	labelSize   = 13 // the labels' font size, style.css's svg.chart
	chartMargin = 4
)

// funnels prepares every funnel of r.
func funnels(m *journey.Map, r *analysis.Report, f formatter) []funnel {
	var out []funnel
	for _, fn := range r.Funnels {
		title := output.FunnelTitle(f.l, fn)
		out = append(out, funnel{Title: title, Chart: funnelChart(m, fn, title, f), Table: stepTable(m, fn, f)})
	}
	return out
}

// funnelChart draws the steps of fn as bars relative to its first step.
func funnelChart(m *journey.Map, fn analysis.Funnel, title string, f formatter) chart {
	c := chart{Label: title, Width: chartWidth, Height: len(fn.Steps)*rowHeight + 2*chartMargin,
		LabelX: labelWidth - 8, BarX: labelWidth, BarHeight: barHeight}
	var start, prev int64
	for i, s := range fn.Steps {
		if i == 0 {
			start, prev = s.Users, s.Users
		}
		y := chartMargin + i*rowHeight
		length := scale(s.Users, start)
		full := name(m, s.ID)
		c.Bars = append(c.Bars, bar{
			Y: y + (rowHeight-barHeight)/2, TextY: y + rowHeight/2 + 5,
			Name: shorten(full, labelWidth-8-chartMargin), FullName: full,
			Length: units(length), Before: units(scale(prev, start)),
			Value:  fmt.Sprintf("%s (%s)", f.int(s.Users), f.percent(s.ConversionFromStart)),
			ValueX: units(labelWidth + length + 6),
		})
		prev = s.Users
	}
	return c
}

// scale is the length of a bar for n users when start users make a full bar.
func scale(n, start int64) float64 {
	if start <= 0 {
		return 0
	}
	return float64(barMax) * float64(n) / float64(start)
}

func units(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// shorten cuts s to fit width (labelSize DejaVu Sans, as render measures it), ending in an
// ellipsis when it was longer: a label set flush right at the bars then never runs off the
// chart's left edge.
func shorten(s string, width int) string {
	if render.TextWidth(s, labelSize) <= float64(width) {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		if cut := strings.TrimSpace(string(r[:n])) + "…"; render.TextWidth(cut, labelSize) <= float64(width) {
			return cut
		}
	}
	return "…"
}

// stepTable lists the steps of fn with every number of SPEC section 3.
func stepTable(m *journey.Map, fn analysis.Funnel, f formatter) table {
	w := f.l.Words
	t := table{Head: append(texts("#", w.ColStep), numCells(w.ColUsers, w.ColFromPrevious, w.ColFromStart,
		w.ColDropoff, w.ColMeanTime, w.ColMedianTime)...)}
	for i, s := range fn.Steps {
		drop := none
		if s.Dropoff != nil {
			drop = f.int(*s.Dropoff)
		}
		t.Rows = append(t.Rows, append([]cell{{Text: strconv.Itoa(i + 1), Class: "num"}, {Text: name(m, s.ID), Note: s.ID}},
			numCells(f.int(s.Users), f.percent(s.ConversionFromPrevious), f.percent(s.ConversionFromStart), drop,
				f.duration(s.MeanSecondsFromPrevious), f.duration(s.MedianSecondsFromPrevious))...))
	}
	return t
}
