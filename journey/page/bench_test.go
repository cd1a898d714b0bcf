package page

import (
	"context"
	"io"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/render"
)

// floristPage is the florist example's page: its map, its numbers and its picture.
func floristPage(b *testing.B) Page {
	b.Helper()
	m, ds, err := journey.Load("../../examples/florist/florist.journey.yaml")
	if err != nil || journey.HasErrors(ds, false) {
		b.Fatalf("the example does not load: %v %v", err, ds)
	}
	eo := events.Options{ID: m.Identity}
	if err := analysis.Prepare(m, &eo); err != nil {
		b.Fatal(err)
	}
	log, err := events.Read(context.Background(), events.Sources([]string{"../../examples/florist/events.csv"}, nil), eo)
	if err != nil {
		b.Fatal(err)
	}
	r := analysis.Analyze(m, log, analysis.Options{Identity: m.Identity})
	svg, err := render.Image(context.Background(), render.DOT(m, r, nil), render.SVG, render.DefaultTimeout)
	if err != nil {
		b.Fatal(err)
	}
	return Page{Map: m, Report: r, Events: []string{"events.csv"}, Picture: svg}
}

// BenchmarkWrite writes the florist example's report, picture and numbers given: what the
// page adds to drawing the picture, the baseline of BenchmarkPicture.
func BenchmarkWrite(b *testing.B) {
	p := floristPage(b)
	for b.Loop() {
		if err := Write(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPicture draws the florist example's picture with its numbers (DOT and Graphviz),
// the baseline BenchmarkWrite compares with.
func BenchmarkPicture(b *testing.B) {
	p := floristPage(b)
	for b.Loop() {
		if _, err := render.Image(context.Background(), render.DOT(p.Map, p.Report, nil), render.SVG, render.DefaultTimeout); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLiveUpdate is what the live view does with a new page before the browsers
// hear of it: the page, the fragment for the event stream and its version.
func BenchmarkLiveUpdate(b *testing.B) {
	p := floristPage(b)
	lv := NewLive(LiveConfig{Name: "florist"})
	for b.Loop() {
		if err := lv.Update(p); err != nil {
			b.Fatal(err)
		}
	}
}
