package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/output"
)

// checkGolden compares got with testdata/render/name, or rewrites it under JOURNEY_UPDATE=1.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("..", "testdata", "render", name), got)
}

// hostile is a map whose every text is an attack or an oddity.
func hostile() *journey.Map {
	m := build(`<script>alert("x")</script>`, map[string][]tp{
		"s": {
			{id: "a", name: `R&D &amp; "quotes" 'single' \N \G \l \n`, channel: "javascript:alert(1)", owner: "<b>bold</b>",
				emotion: emo(2), pains: []string{"ctrl\x00\x01\x1b\x7f end", "bidi \u202Eevil\u202C done"}, gains: []string{"emoji 🌷👩🏽‍🌾 Oriëntatie"}},
			{id: "b", name: strings.Repeat("long ", 20000), emotion: emo(-2)},
		},
	}, []string{"s"})
	m.Description = "&#60;img src=x onerror=alert(1)&#62; ]]> <!-- -->"
	m.Persona = &journey.Persona{Name: "\"><svg onload=alert(1)>", Goals: []string{"\xff invalid utf-8"}}
	return m
}

func TestDOTGolden(t *testing.T) {
	m := florist()
	tests := []struct {
		name string
		m    *journey.Map
		r    *analysis.Report
	}{
		{"florist-map.dot", m, nil},
		{"florist-overlay.dot", m, floristReport(m)},
		{"hostile.dot", hostile(), nil},
		{"wide-12.dot", wide(12), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DOT(tt.m, tt.r, nil)
			if again := DOT(tt.m, tt.r, nil); !bytes.Equal(got, again) {
				t.Fatal("DOT is not deterministic")
			}
			checkGolden(t, tt.name, got)
		})
	}
}

func TestSVGGolden(t *testing.T) {
	m := florist()
	svg := image(t, DOT(m, floristReport(m), nil))
	if again := image(t, DOT(m, floristReport(m), nil)); !bytes.Equal(svg, again) {
		t.Fatal("rendering twice gave different bytes")
	}
	checkGolden(t, "florist-overlay.svg", svg)
}

// image renders dot to SVG or fails the test.
func image(t testing.TB, dot []byte) []byte {
	t.Helper()
	svg, err := Image(context.Background(), dot, SVG, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	return svg
}

// svgText returns every text node of svg, in document order.
func svgText(t *testing.T, svg []byte) []string {
	t.Helper()
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
			out = append(out, string(cd))
		}
	}
}

func TestHostileLabelsShowAsWritten(t *testing.T) {
	svg := image(t, DOT(hostile(), nil, nil))
	if err := CheckSVG(svg); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(svgText(t, svg), "\n")
	for _, want := range []string{
		`<script>alert("x")</script>`,
		`R&D &amp; "quotes"`,
		"'single' \\\u2060N \\\u2060G \\l \\n",
		"channel: javascript\u2060:alert(1)",
		"owner: <b>bold</b>",
		"ctrl␀␁␛␡ end",
		"bidi evil done",
		"emoji 🌷👩🏽‍🌾 Oriëntatie",
		"&#60;img src=x onerror=alert(1)&#62; ]]> <!-- -->",
		"\"><svg onload=alert(1)>",
		"\uFFFD invalid utf-8",
		"long long",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the svg does not show %q; its text is:\n%s", want, text)
		}
	}
	if strings.Count(text, "long") > maxRunes/5+1 {
		t.Errorf("a 100,000-character label was not shortened")
	}
}

func TestImageTimeout(t *testing.T) {
	_, err := Image(context.Background(), DOT(wide(40), nil, nil), SVG, time.Nanosecond)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Image with a 1ns limit = %v, want ErrTimeout", err)
	}
}

func TestImagePNG(t *testing.T) {
	printer, err := Formats.Lookup("png")
	if err != nil {
		t.Fatal(err)
	}
	m := florist()
	for _, p := range []Picture{{Map: m, Report: floristReport(m)}, {Map: hostile()}} {
		var buf bytes.Buffer
		if err := printer(&buf, p, output.Options{}); err != nil {
			t.Fatalf("%s: %v", p.Map.Title, err)
		}
		if png := buf.Bytes(); !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
			t.Fatalf("%s: PNG output starts with %q", p.Map.Title, png[:min(len(png), 8)])
		}
	}
}

func TestPNGSafe(t *testing.T) {
	got := string(pngSafe(DOT(florist(), nil, nil)))
	for _, gone := range append([]string{`<TABLE BORDER="1"`, `<TABLE BORDER="4"`, "✓", "★", "⚑"}, emotionFaces[:]...) {
		if strings.Contains(got, gone) {
			t.Errorf("the PNG drawing still has %q", gone)
		}
	}
	for _, want := range []string{":-D", ":-((", "* MOMENT OF TRUTH", "» GOAL", "Oriëntatie"} {
		if !strings.Contains(got, want) {
			t.Errorf("the PNG drawing lacks %q", want)
		}
	}
}

func BenchmarkRenderExample(b *testing.B) {
	m := florist()
	r := floristReport(m)
	image(b, DOT(m, r, nil))
	for b.Loop() {
		image(b, DOT(m, r, nil))
	}
}

func BenchmarkRender100(b *testing.B) {
	m := wide(100)
	r := &analysis.Report{}
	for i, t := range m.Touchpoints() {
		r.Touchpoints = append(r.Touchpoints, analysis.Touchpoint{ID: t.ID, Users: int64(1000 - i)})
		for j, n := range m.NextOf(t) {
			r.Transitions = append(r.Transitions, analysis.Transition{From: t.ID, To: n.ID, Users: int64(900 - i - j), OnMap: true})
		}
		r.Transitions = append(r.Transitions, analysis.Transition{From: t.ID, To: "tp-0", Users: int64(i)})
	}
	image(b, DOT(m, r, nil))
	for b.Loop() {
		image(b, DOT(m, r, nil))
	}
}
