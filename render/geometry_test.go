package render

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// box is the bounding box of a filled shape of the SVG, in SVG coordinates (y grows down).
type box struct {
	fill                   string
	left, top, right, foot float64
}

func (b box) width() float64  { return b.right - b.left }
func (b box) centre() float64 { return (b.left + b.right) / 2 }

var (
	nodeGroup = regexp.MustCompile(`(?s)<g id="node\d+" class="node">\s*<title>([^<]*)</title>(.*?)</g>`)
	shape     = regexp.MustCompile(`<(?:path|polygon) fill="([^"]*)" stroke="none" (?:d|points)="([^"]*)"`)
	number    = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?`)
)

// nodeShapes returns the filled shapes of every node of svg by the node's name, in the order
// they are drawn: a card's own fill first, then its badge.
func nodeShapes(t *testing.T, svg []byte) map[string][]box {
	t.Helper()
	nodes := map[string][]box{}
	for _, g := range nodeGroup.FindAllSubmatch(svg, -1) {
		for _, s := range shape.FindAllSubmatch(g[2], -1) {
			nodes[string(g[1])] = append(nodes[string(g[1])], boxOf(t, string(s[1]), s[2]))
		}
	}
	return nodes
}

// boxOf is the bounding box of the points of an SVG path or polygon, filled with fill.
func boxOf(t *testing.T, fill string, points []byte) box {
	t.Helper()
	b := box{fill: fill, left: math.Inf(1), top: math.Inf(1), right: math.Inf(-1), foot: math.Inf(-1)}
	for i, n := range number.FindAll(points, -1) {
		v, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			b.left, b.right = min(b.left, v), max(b.right, v)
		} else {
			b.top, b.foot = min(b.top, v), max(b.foot, v)
		}
	}
	return b
}

// span is the box around all shapes.
func span(shapes []box) box {
	s := box{left: math.Inf(1), top: math.Inf(1), right: math.Inf(-1), foot: math.Inf(-1)}
	for _, b := range shapes {
		s.left, s.top, s.right, s.foot = min(s.left, b.left), min(s.top, b.top), max(s.right, b.right), max(s.foot, b.foot)
	}
	return s
}

// cardsMap has cards of every kind next to each other: plain ones, small print that wraps
// (the feeling in many words, a long owner, wide capitals, an emoji), a moment of truth, a
// card without an emotion and a goal.
const cardsMap = `version: 1
id: cards
title: Cards
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, channel: website, emotion: -1, pains: [slow page]}
      - {id: b, name: B, channel: chat, owner: sales, emotion: -1, feeling: frustrated and really very angry, pains: [long wait]}
      - {id: c, name: C, channel: email, emotion: 1}
      - {id: d, name: D, channel: phone, owner: customer service and the regional account managers, emotion: 2, feeling: WORRIED ABOUT WWW ACCESS 🌷, moment_of_truth: true}
      - {id: e, name: E, owner: sales, feeling: nieuwsgierig en geïnteresseerd maar een beetje ongeduldig}
      - {id: f, name: F, channel: website, emotion: 0, goal: true}
`

// cardsReport is a report over cardsMap whose percentages are as wide as they come.
func cardsReport(m *journey.Map) *analysis.Report {
	r := &analysis.Report{Journey: m.ID}
	for _, tp := range m.Touchpoints() {
		n := analysis.Touchpoint{ID: tp.ID, Users: 1234567, Exits: 1234567}
		if !tp.Goal {
			n.Conversion, n.Dropoff = ptr(1), ptr(1)
		}
		r.Touchpoints = append(r.Touchpoints, n)
	}
	return r
}

// TestCardsShareOneWidth draws cards of every kind, with and without numbers, in every
// language, and wants every card cardWidth wide and centred on its column's emotion cell and
// pains, and its badge set in from the card's border, clear of the rounded corner.
func TestCardsShareOneWidth(t *testing.T) {
	m, ds := journey.Check("cards.journey.yaml", []byte(cardsMap))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	for _, code := range []string{"en", "nl"} {
		l, _ := lang.Get(code)
		for _, r := range []*analysis.Report{nil, cardsReport(m)} {
			nodes := nodeShapes(t, image(t, DOT(m, r, l)))
			for _, tp := range m.Touchpoints() {
				name := "t" + strconv.Itoa(tp.Index)
				checkCard(t, code, r != nil, tp, nodes[name], span(nodes["e"+strconv.Itoa(tp.Index)]), nodes["p"+strconv.Itoa(tp.Index)])
			}
		}
	}
}

// checkCard checks one card's shapes against its column's emotion cell and pains.
func checkCard(t *testing.T, code string, data bool, tp *journey.Touchpoint, card []box, cell box, pains []box) {
	t.Helper()
	if len(card) < 2 {
		t.Fatalf("%s, data %v: card %s has %d shapes, want its fill and its badge", code, data, tp.ID, len(card))
	}
	// Graphviz draws a border wider than 1 point on the middle of its width.
	border, inset := 1.0, 0.0
	if tp.MomentOfTruth {
		border, inset = 4, 2
	}
	outer, badge := card[0], card[1]
	if w := outer.width() + 2*inset; math.Abs(w-cardWidth) > 0.01 {
		t.Errorf("%s, data %v: card %s is %g points wide, want %d", code, data, tp.ID, w, cardWidth)
	}
	if math.Abs(outer.centre()-cell.centre()) > 0.5 || math.Abs(cell.width()-cardWidth) > 0.01 {
		t.Errorf("%s, data %v: card %s spans %g..%g, its emotion cell %g..%g", code, data, tp.ID,
			outer.left-inset, outer.right+inset, cell.left, cell.right)
	}
	if len(pains) > 0 && math.Abs(outer.centre()-span(pains).centre()) > 0.5 {
		t.Errorf("%s, data %v: card %s is centred on %g, its pains on %g", code, data, tp.ID, outer.centre(), span(pains).centre())
	}
	// The border covers border-inset points inside the outline drawn; the badge must keep
	// at least a point clear of it.
	room := border - inset + 1
	if badge.left-outer.left < room || badge.top-outer.top < room {
		t.Errorf("%s, data %v: the badge of card %s starts %g points right of the card's outline and %g below it, want %g",
			code, data, tp.ID, badge.left-outer.left, badge.top-outer.top, room)
	}
	if !strings.HasPrefix(badge.fill, "#") {
		t.Errorf("%s, data %v: card %s's second shape is filled %q, want the badge", code, data, tp.ID, badge.fill)
	}
}

var (
	shortEdge = regexp.MustCompile(`(?s)<g id="edge\d+" class="edge">\s*<title>(t\d+):e&#45;&gt;(t\d+):w</title>(.*?)</g>`)
	arrowhead = regexp.MustCompile(`<polygon fill="[^"]*" stroke="#[^"]*"(?: stroke-width="([0-9.]+)")? points="([^"]*)"`)
)

// arrowMap has an edge to the next card from a moment of truth, and an off-map one after it.
const arrowMap = `version: 1
id: arrow
title: Arrow
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, channel: website, emotion: -1, moment_of_truth: true, events: [{event: a}]}
      - {id: b, name: B, next: [], events: [{event: b}]}
      - {id: c, name: C, goal: true, events: [{event: c}]}
`

// arrowReport is a report over arrowMap: 1,234,567 users at a, half of them on to b, and
// all of those off the map to c.
func arrowReport() *analysis.Report {
	r := &analysis.Report{Journey: "arrow"}
	r.Touchpoints = []analysis.Touchpoint{
		{ID: "a", Users: 1234567, Continued: 617283, Conversion: ptr(0.5), Dropoff: ptr(0.5)},
		{ID: "b", Users: 617283},
		{ID: "c", Users: 617283},
	}
	r.Transitions = []analysis.Transition{
		{From: "a", To: "b", Users: 617283, Count: 617283, OnMap: true},
		{From: "b", To: "c", Users: 617283, Count: 617283},
	}
	return r
}

// feelingMap's first card is much taller than the next (a long feeling), whose name row the
// edge between them must still meet level.
var feelingMap = `version: 1
id: tall
title: Tall
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, emotion: 1, moment_of_truth: true, feeling: "` + strings.Repeat("a long feeling ", 30) + `", events: [{event: a}]}
      - {id: b, name: B, events: [{event: b}]}
      - {id: c, name: C, goal: true, events: [{event: c}]}
`

// TestEdgesToNextCardLevel draws cards of different heights and wants every edge to the
// next card to run level (within a few points), from the first row of one card to the
// first row of the next, its label clear of both.
func TestEdgesToNextCardLevel(t *testing.T) {
	m, ds := journey.Check("tall.journey.yaml", []byte(feelingMap))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	r := &analysis.Report{Journey: "tall"}
	r.Touchpoints = []analysis.Touchpoint{{ID: "a", Users: 30, Continued: 29}, {ID: "b", Users: 29, Continued: 24}, {ID: "c", Users: 24}}
	r.Transitions = []analysis.Transition{{From: "a", To: "b", Users: 29, OnMap: true}, {From: "b", To: "c", Users: 24, OnMap: true}}
	svg := image(t, DOT(m, r, nil))
	edges := shortEdge.FindAllSubmatch(svg, -1)
	if len(edges) != 2 {
		t.Fatalf("%d edges to the next card drawn, want 2", len(edges))
	}
	nodes := nodeShapes(t, svg)
	for _, e := range edges {
		d := regexp.MustCompile(`<path[^>]* d="([^"]*)"`).FindSubmatch(e[3])
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, y := range regexp.MustCompile(`,(-?[0-9.]+)`).FindAllSubmatch(d[1], -1) {
			v, _ := strconv.ParseFloat(string(y[1]), 64)
			lo, hi = min(lo, v), max(hi, v)
		}
		// The first rows differ by a thicker border or a taller badge: a few points.
		if hi-lo > 4 {
			t.Errorf("edge %s->%s is not level: %s", e[1], e[2], d[1])
		}
		checkEdgeLabel(t, "tall", string(e[1])+"->"+string(e[2]), e[3], nodes[string(e[1])][0], nodes[string(e[2])][0])
	}
}

// TestEdgeLabelsClearOfCards draws pictures with numbers and wants the label of every edge
// to the next card clear of both cards' borders and of the arrowhead.
func TestEdgeLabelsClearOfCards(t *testing.T) {
	arrow, ds := journey.Check("arrow.journey.yaml", []byte(arrowMap))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	florist := florist()
	nl, _ := lang.Get("nl")
	for _, p := range []struct {
		name string
		dot  []byte
	}{
		{"arrow", DOT(arrow, arrowReport(), nil)},
		{"arrow nl", DOT(arrow, arrowReport(), nl)},
		{"florist", DOT(florist, floristReport(florist), nil)},
		{"florist nl", DOT(florist, floristReport(florist), nl)},
	} {
		svg := image(t, p.dot)
		nodes := nodeShapes(t, svg)
		edges := shortEdge.FindAllSubmatch(svg, -1)
		if len(edges) == 0 {
			t.Fatalf("%s: no edge to the next card drawn", p.name)
		}
		for _, e := range edges {
			checkEdgeLabel(t, p.name, string(e[1])+"->"+string(e[2]), e[3], nodes[string(e[1])][0], nodes[string(e[2])][0])
		}
	}
}

// checkEdgeLabel checks that the label patch of the edge drawn by svg lies between the
// outlines of the cards from and to, a point clear of each and of the arrowhead's stroke.
func checkEdgeLabel(t *testing.T, picture, edge string, svg []byte, from, to box) {
	t.Helper()
	var label box
	for _, s := range shape.FindAllSubmatch(svg, -1) {
		if string(s[1]) == paper {
			label = boxOf(t, string(s[1]), s[2])
		}
	}
	a := arrowhead.FindSubmatch(svg)
	if label.fill == "" || a == nil {
		t.Fatalf("%s: edge %s has no label or no arrowhead:\n%s", picture, edge, svg)
	}
	stroke := 1.0
	if len(a[1]) > 0 {
		stroke, _ = strconv.ParseFloat(string(a[1]), 64)
	}
	head := boxOf(t, "", a[2])
	// Card outlines are drawn on the middle of a border up to 4 points wide.
	for _, c := range []struct {
		what  string
		clear float64
	}{
		{"the card it leaves", label.left - from.right - 2},
		{"the card it enters", to.left - 2 - label.right},
		{"the arrowhead", head.left - stroke/2 - label.right},
	} {
		if c.clear < 1 {
			t.Errorf("%s: the label of %s (%g..%g) is %.1f points clear of %s, want at least 1",
				picture, edge, label.left, label.right, c.clear, c.what)
		}
	}
}

// TestCardFootInsideRoundedCorners draws cards whose last row is a dark marker (a goal, a
// moment of truth) and wants its fill to have no square corner at the card's foot: a square
// one sticks out of the card's rounded bottom corners.
func TestCardFootInsideRoundedCorners(t *testing.T) {
	m, ds := journey.Check("cards.journey.yaml", []byte(cardsMap))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	svg := image(t, DOT(m, nil, nil))
	for _, g := range nodeGroup.FindAllSubmatch(svg, -1) {
		name := string(g[1])
		if !strings.HasPrefix(name, "t") {
			continue
		}
		shapes := shape.FindAllSubmatch(g[2], -1)
		card := boxOf(t, string(shapes[0][1]), shapes[0][2])
		for _, s := range shapes[1:] {
			b := boxOf(t, string(s[1]), s[2])
			if card.foot-b.foot <= 5 && squareCorner(t, s[2], b) {
				t.Errorf("card %s's last row, filled %s, has square corners at the card's foot", name, b.fill)
			}
		}
	}
}

// squareCorner reports whether the points of a shape have a vertex at the lower left corner
// of its box b.
func squareCorner(t *testing.T, points []byte, b box) bool {
	t.Helper()
	ns := number.FindAll(points, -1)
	for i := 0; i+1 < len(ns); i += 2 {
		x, _ := strconv.ParseFloat(string(ns[i]), 64)
		y, _ := strconv.ParseFloat(string(ns[i+1]), 64)
		if math.Abs(x-b.left) < 0.01 && math.Abs(y-b.foot) < 0.01 {
			return true
		}
	}
	return false
}
