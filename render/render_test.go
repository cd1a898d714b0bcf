package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
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
	nl, _ := lang.Get("nl")
	tests := []struct {
		name string
		m    *journey.Map
		r    *analysis.Report
		l    *lang.Language
	}{
		{"florist-map.dot", m, nil, nil},
		{"florist-overlay.dot", m, floristReport(m), nil},
		{"florist-map.nl.dot", m, nil, nl},
		{"florist-overlay.nl.dot", m, floristReport(m), nl},
		{"hostile.dot", hostile(), nil, nil},
		{"wide-12.dot", wide(12), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DOT(tt.m, tt.r, tt.l)
			if again := DOT(tt.m, tt.r, tt.l); !bytes.Equal(got, again) {
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
		`'single' \N \G \l \n`,
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

// TestSmallPrintValuesShortenedEach draws cards whose owner is long, just under the cap and
// far over it, and wants every value of the small print shown: the feeling after the owner,
// and the owner over the cap shortened on its own (the hyphens of its breaks aside).
func TestSmallPrintValuesShortenedEach(t *testing.T) {
	under := strings.TrimSpace(strings.Repeat("ownerword ", 39))
	over := strings.Repeat("x", 3*maxRunes)
	m := build("small print", map[string][]tp{"s": {
		{id: "a", name: "A", channel: "chat", owner: under, emotion: emo(-1)},
		{id: "b", name: "B", channel: "chat", owner: over, emotion: emo(-1)},
	}}, []string{"s"})
	for _, t := range m.Touchpoints() {
		t.Feeling = "frustrated"
	}
	text := strings.ReplaceAll(strings.Join(svgText(t, image(t, DOT(m, nil, nil))), " "), "-", "")
	for _, want := range []string{
		"owner: " + under + " feels: frustrated",
		strings.Repeat("x", maxRunes-40),
		"x… · feels: frustrated",
	} {
		if !strings.Contains(noSpace(text), noSpace(want)) {
			t.Errorf("the small print does not show %.60q; the picture's text is:\n%s", want, text)
		}
	}
	if strings.Contains(noSpace(text), strings.Repeat("x", maxRunes+1)) {
		t.Errorf("an owner of %d runes was not shortened", len(over))
	}
}

// userTexts are texts with Graphviz escapes (\N is the node's name, \G the graph's, \n and
// \l line breaks in plain labels), backslashes and character references.
var userTexts = []string{
	`C:\new\temp \N`,
	`\G \E \H \T \L \l \r \n`,
	`two \\ one \ end \`,
	`&amp; &#60; &#92;N &lt;`,
}

// TestUserTextExact checks that each user text is, byte for byte, the text of one SVG text
// node: no escape expanded, nothing invisible inserted.
func TestUserTextExact(t *testing.T) {
	var tps []tp
	for i, s := range userTexts {
		tps = append(tps, tp{id: fmt.Sprintf("t%d", i), name: s, emotion: emo(0)})
	}
	m := build("user text", map[string][]tp{"s": tps}, []string{"s"})
	dot := DOT(m, nil, nil)
	checkGolden(t, "user-text.dot", dot)
	nodes := svgText(t, image(t, dot))
	for _, want := range userTexts {
		if !slices.Contains(nodes, want) {
			t.Errorf("no text node of the svg is %q; its text nodes are:\n%q", want, nodes)
		}
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
	for _, gone := range append([]string{"✓", "★", "⚑"}, emotionFaces[:]...) {
		if strings.Contains(got, gone) {
			t.Errorf("the PNG drawing still has %q", gone)
		}
	}
	for _, want := range []string{":-D", ":-((", "* MOMENT OF TRUTH", "» GOAL", "Oriëntatie", `<TABLE BORDER="4"`, "−"} {
		if !strings.Contains(got, want) {
			t.Errorf("the PNG drawing lacks %q", want)
		}
	}
}

// TestPNGSafeUndashes checks that no HTML table or cell reaches Graphviz's xdot output
// dashed (Graphviz 12.1.2 writes memory after the style, see pngSafe), and that the dashes
// are marked on the border colour instead.
func TestPNGSafeUndashes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<TD BORDER="1" COLOR="#8c8c8c" STYLE="rounded,dashed" BGCOLOR="#fdae6155">`, `<TD BORDER="1" COLOR="#8c8c8cfe" STYLE="rounded" BGCOLOR="#fdae6155">`},
		{`<TABLE BORDER="1" COLOR="#a6a6a6" BGCOLOR="#ffffff" STYLE="rounded,dashed">`, `<TABLE BORDER="1" COLOR="#a6a6a6fe" BGCOLOR="#ffffff" STYLE="rounded">`},
		{`<TD WIDTH="90" BORDER="2" SIDES="B" COLOR="#7f7f7f" STYLE="dashed"></TD>`, `<TD WIDTH="90" BORDER="2" SIDES="B" COLOR="#7f7f7ffe"></TD>`},
		{`<TD COLOR="#7f7f7f" STYLE="dotted">`, `<TD COLOR="#7f7f7ffd">`},
		{`<TD COLOR="#7f7f7f" STYLE="rounded">`, `<TD COLOR="#7f7f7f" STYLE="rounded">`},
		{`&lt;TD COLOR=&quot;#7f7f7f&quot; STYLE=&quot;dashed&quot;&gt;`, `&lt;TD COLOR=&quot;#7f7f7f&quot; STYLE=&quot;dashed&quot;&gt;`},
	}
	for _, tt := range tests {
		if got := string(pngSafe([]byte(tt.in))); got != tt.want {
			t.Errorf("pngSafe(%s)\n got %s\nwant %s", tt.in, got, tt.want)
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

// TestDenseLinks checks that a map whose every touchpoint links to every other one draws
// every link to the next card, arcs that span at most maxSpan columns in all, the most
// telling others, and a legend note that counts the links left out, the same every time.
func TestDenseLinks(t *testing.T) {
	m := dense(60)
	for _, r := range []*analysis.Report{nil, denseReport(m)} {
		d := &drawing{m: m, tps: m.Touchpoints(), ov: newOverlay(m, r), l: lang.English()}
		d.chooseLinks()
		spanned, adjacent := 0, 0
		for _, k := range d.links {
			spanned += k.span()
			if k.span() == 0 {
				adjacent++
			}
		}
		if spanned > maxSpan || adjacent != 59 || d.hidden != 60*59-len(d.links) || d.hidden == 0 {
			t.Errorf("data %v: %d links drawn (%d to the next card), %d hidden, spanning %d columns",
				r != nil, len(d.links), adjacent, d.hidden, spanned)
		}
		// The shortest arcs (and in this report the busiest) go first: every link that skips
		// one card is drawn, and none that spans half the map.
		skips, long := 0, 0
		for _, k := range d.links {
			if k.to.Index == k.from.Index+2 {
				skips++
			}
			if k.span() > 30 {
				long++
			}
		}
		if skips != 58 || long != 0 {
			t.Errorf("data %v: %d links skipping one card drawn, want 58; %d long ones, want 0", r != nil, skips, long)
		}
		dot := DOT(m, r, nil)
		if !bytes.Equal(dot, DOT(m, r, nil)) {
			t.Fatal("DOT of a dense map is not deterministic")
		}
		want := fmt.Sprintf("%s of %s designed links not drawn", lang.English().Int(int64(d.hidden)), lang.English().Int(60*59))
		if !bytes.Contains(dot, []byte(want)) {
			t.Errorf("data %v: the legend lacks %q", r != nil, want)
		}
	}
	if svg, err := Image(context.Background(), DOT(m, denseReport(m), nil), SVG, 10*time.Second); err != nil || len(svg) == 0 {
		t.Fatalf("the dense map does not draw: %v", err)
	}
}

// TestSparseLinksAllDrawn checks that an ordinary map draws every designed link.
func TestSparseLinksAllDrawn(t *testing.T) {
	m := florist()
	d := &drawing{m: m, tps: m.Touchpoints(), ov: newOverlay(m, nil), l: lang.English()}
	d.chooseLinks()
	n := 0
	for _, t := range m.Touchpoints() {
		n += len(m.NextOf(t))
	}
	if len(d.links) != n || d.hidden != 0 {
		t.Errorf("%d of %d links drawn, %d hidden", len(d.links), n, d.hidden)
	}
}

func BenchmarkRenderDense60(b *testing.B) {
	m := dense(60)
	r := denseReport(m)
	image(b, DOT(m, r, nil))
	for b.Loop() {
		image(b, DOT(m, r, nil))
	}
}

// TestStagePanelsStartAtOneHeight draws stages whose headers differ (a goal or none, a name
// or a goal that wraps) and wants every stage's panel to start at one height, in a picture
// and in the picture of a change that adds a stage.
func TestStagePanelsStartAtOneHeight(t *testing.T) {
	src := `version: 1
id: panels
title: Panels
stages:
  - id: one
    name: One
    goal: Knows us
    touchpoints: [{id: a, name: A, emotion: 1}]
  - id: two
    name: Two
    touchpoints: [{id: b, name: B, emotion: 0, goal: true}]
  - id: three
    name: Three is a stage with a rather long name that wraps onto two lines
    goal: A goal that is also long enough to wrap onto a second line in the header, surely
    touchpoints: [{id: c, name: C}]
`
	m, ds := journey.Check("panels.journey.yaml", []byte(src))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	old, ds := journey.Check("old.journey.yaml", []byte(strings.Split(src, "  - id: three")[0]))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	for name, dot := range map[string][]byte{"picture": DOT(m, nil, lang.English()), "change": DiffDOT(m, nil, Change{Old: old, Since: "old"}, lang.English())} {
		tops := panelTops(t, image(t, dot))
		if len(tops) != 3 || tops[0] != tops[1] || tops[1] != tops[2] {
			t.Errorf("%s: the stage panels start at %v, want three at one height", name, tops)
		}
	}
}

// panelTops returns where each stage's panel starts, from the top: the least y of the path
// that draws it.
func panelTops(t *testing.T, svg []byte) []float64 {
	t.Helper()
	var tops []float64
	for _, m := range regexp.MustCompile(`<title>cluster_s\d+</title>\s*<path[^>]* d="([^"]*)"`).FindAllSubmatch(svg, -1) {
		top := math.Inf(1)
		for _, y := range regexp.MustCompile(`,(-?[0-9.]+)`).FindAllSubmatch(m[1], -1) {
			v, err := strconv.ParseFloat(string(y[1]), 64)
			if err != nil {
				t.Fatal(err)
			}
			top = min(top, v)
		}
		tops = append(tops, top)
	}
	return tops
}

// TestCardOfNoUsers: a touchpoint no user reached has no conversion (a ratio over zero),
// but its flow goes on: its card does not say it ends the designed flow. A touchpoint
// without a next still does.
func TestCardOfNoUsers(t *testing.T) {
	m := build("No users", map[string][]tp{"s": {{id: "a"}, {id: "b"}}}, []string{"s"})
	r := &analysis.Report{Journey: m.ID}
	r.Touchpoints = []analysis.Touchpoint{{ID: "a"}, {ID: "b", Users: 5, Exits: 5}}
	en, _ := lang.Get("en")
	dot := string(DOT(m, r, en))
	if n := strings.Count(dot, en.CardEndOfFlow); n != 1 {
		t.Errorf("%q appears %d times, want once, on b's card, not on a's (no users, next b)", en.CardEndOfFlow, n)
	}
}

// TestLegendExplainsMarksUsed checks that the legend explains the marks the picture uses
// and no others: a map without a goal gets no goal mark nor a goal rate, one without
// emotions no emotion scale, and so on.
func TestLegendExplainsMarksUsed(t *testing.T) {
	en := lang.English()
	tests := []struct {
		name, touchpoints string
		want              []string // among emotion, pain, gain, truth, goal
	}{
		{"bare", "[{id: a, name: A}, {id: b, name: B}]", nil},
		{"goal only", "[{id: a, name: A}, {id: b, name: B, goal: true}]", []string{"goal"}},
		{"emotion", "[{id: a, name: A, emotion: -1}, {id: b, name: B}]", []string{"emotion"}},
		{"pains", "[{id: a, name: A, pains: [Slow]}, {id: b, name: B}]", []string{"pain"}},
		{"everything", "[{id: a, name: A, emotion: 2, gains: [Fast], moment_of_truth: true}, {id: b, name: B, pains: [Slow], goal: true}]",
			[]string{"emotion", "pain", "gain", "truth", "goal"}},
	}
	phrases := map[string]string{"emotion": fmt.Sprintf(en.EmotionF, en.EmotionLevels[0]), "pain": ">" + en.Pain + "<",
		"gain": ">" + en.Gain + "<", "truth": en.MomentOfTruth, "goal": en.GoalMark}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints: " + tt.touchpoints + "\n"
			m, ds := journey.Parse("m.journey.yaml", []byte(src))
			if journey.HasErrors(ds, false) {
				t.Fatal(ds)
			}
			r := &analysis.Report{Journey: m.ID, NoGoal: !m.HasGoal()}
			r.Input.Users = 4
			r.Goal.Rate = new(float64)
			dot := string(DOT(m, r, en))
			var got []string
			for _, k := range []string{"emotion", "pain", "gain", "truth", "goal"} {
				if strings.Contains(dot, phrases[k]) {
					got = append(got, k)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("marks explained (-want +got):\n%s", diff)
			}
			if rate := strings.Contains(dot, strings.SplitN(en.PanelGoalF[1], ":", 2)[0]); rate != m.HasGoal() {
				t.Errorf("goal rate shown: %v, want %v", rate, m.HasGoal())
			}
		})
	}
}

// TestStagePanelsStartAtOneHeightOnManyStages draws twelve stages with numbers, one of
// whose columns is much taller than the others (a long feeling on the card, many pains
// under it): the tall column pushes the rows below the cards down rather than its card up,
// so that every stage's panel still starts at one height.
func TestStagePanelsStartAtOneHeightOnManyStages(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\nid: many\ntitle: Many\nstages:\n")
	for i := range 12 {
		fmt.Fprintf(&b, "  - id: s%d\n    name: Stage %d\n    touchpoints:\n", i, i)
		switch i {
		case 10:
			fmt.Fprintf(&b, "      - {id: t%d, name: T, emotion: 1, moment_of_truth: true, feeling: %q, pains: [%s]}\n",
				i, strings.Repeat("a long feeling ", 20), strings.TrimSuffix(strings.Repeat("a pain that wraps over two lines in its box, ", 6), ", "))
		case 11:
			fmt.Fprintf(&b, "      - {id: t%d, name: T, emotion: -2, goal: true}\n", i)
		default:
			fmt.Fprintf(&b, "      - {id: t%d, name: T, emotion: 0}\n", i)
		}
	}
	m, ds := journey.Check("many.journey.yaml", []byte(b.String()))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	r := &analysis.Report{Journey: m.ID}
	for _, tp := range m.Touchpoints() {
		r.Touchpoints = append(r.Touchpoints, analysis.Touchpoint{ID: tp.ID, Users: 100, Continued: 90, Conversion: ptr(0.9), Dropoff: ptr(0.1), Exits: 10})
		for _, n := range m.NextOf(tp) {
			r.Transitions = append(r.Transitions, analysis.Transition{From: tp.ID, To: n.ID, Users: 90, Count: 90, OnMap: true})
		}
	}
	tops := panelTops(t, image(t, DOT(m, r, nil)))
	if len(tops) != 12 || slices.Max(tops)-slices.Min(tops) > 1 {
		t.Errorf("the stage panels start at %v, want twelve at one height", tops)
	}
}

// TestStagePanelsStartAtOneHeightOverSharedArcs draws a stage with a designed arc over a
// card and, with numbers, an off-map arc back between the same two cards, which Graphviz
// routes as one: every stage's panel still starts at one height.
func TestStagePanelsStartAtOneHeightOverSharedArcs(t *testing.T) {
	m, ds := journey.Check("arcs.journey.yaml", []byte(`version: 1
id: arcs
title: Arcs
stages:
  - id: one
    name: One
    touchpoints:
      - {id: a, name: A, emotion: 0, next: [b, c]}
      - {id: b, name: B, emotion: 0}
      - {id: c, name: C, emotion: 1}
  - id: two
    name: Two
    touchpoints: [{id: d, name: D, emotion: 1}]
  - id: three
    name: Three
    touchpoints: [{id: e, name: E, emotion: -1}]
`))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	r := &analysis.Report{Journey: m.ID}
	r.Transitions = []analysis.Transition{{From: "a", To: "c", Users: 80, Count: 80, OnMap: true}, {From: "c", To: "a", Users: 20, Count: 20}}
	for _, tp := range m.Touchpoints() {
		r.Touchpoints = append(r.Touchpoints, analysis.Touchpoint{ID: tp.ID, Users: 100, Continued: 90, Conversion: ptr(0.9), Dropoff: ptr(0.1), Exits: 10})
	}
	tops := panelTops(t, image(t, DOT(m, r, nil)))
	if len(tops) != 3 || slices.Max(tops)-slices.Min(tops) > 1 {
		t.Errorf("the stage panels start at %v, want three at one height", tops)
	}
}
