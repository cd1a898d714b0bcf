package render

import (
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// rowSlack is how far, in points, Graphviz's rounding lets the tops of a row differ.
const rowSlack = 2

// backMap links back from a later stage to the one before (c to b, the card before it),
// across stages (f to c) and within a stage, over one card (j to h) and over two levels of
// arcs (a to e over b to d); stage two has no arc over its cards at all.
const backMap = `version: 1
id: back
title: Back
stages:
  - id: one
    name: One
    touchpoints:
      - {id: a, name: A, emotion: 0, next: [b, e], events: [{event: a}]}
      - {id: b, name: B, emotion: 1, next: [c, d], events: [{event: b}]}
      - {id: c, name: C, emotion: 0, events: [{event: c}]}
      - {id: d, name: D, emotion: 0, events: [{event: d}]}
      - {id: e, name: E, emotion: 0, events: [{event: e}]}
  - id: two
    name: Two
    touchpoints:
      - {id: f, name: F, owner: an owner with a name long enough to wrap and make the card taller, emotion: 0, next: [g, e, c], events: [{event: f}]}
      - {id: g, name: G, emotion: 2, next: [h], events: [{event: g}]}
  - id: three
    name: Three
    touchpoints:
      - {id: h, name: H, emotion: 0, events: [{event: h}]}
      - {id: i, name: I, emotion: 0, events: [{event: i}]}
      - {id: j, name: J, emotion: 0, goal: true, next: [h], events: [{event: j}]}
`

// shortBackMap is the smallest back link across stages: c, first of stage two, links back
// to b, last of stage one, and b's card is the taller.
const shortBackMap = `version: 1
id: shortback
title: Short back
stages:
  - id: one
    name: One
    touchpoints:
      - {id: a, name: A, emotion: 0, events: [{event: a}]}
      - {id: b, name: B, owner: an owner with a name long enough to wrap and make the card taller, emotion: 1, events: [{event: b}]}
  - id: two
    name: Two
    touchpoints:
      - {id: c, name: C, emotion: 0, next: [d, b], events: [{event: c}]}
      - {id: d, name: D, emotion: 2, goal: true, events: [{event: d}]}
`

// tallMap is shortBackMap with a tall first card and a moment of truth after it.
const tallMap = `version: 1
id: tall
title: Tall
stages:
  - id: one
    name: One
    goal: Klanttevredenheidsonderzoeksresultatenverwerkingsprocedurebeschrijving
    touchpoints:
      - {id: a, name: Zoekmachineoptimalisatieadvertentiecampagnebeheer, channel: zoekmachinemarketingadvertentieplatformintegratie, owner: klantcontactcentrummedewerkersondersteuningsteam, feeling: hyperventilatieaanvalachtigegemoedstoestand, emotion: -2, events: [{event: a}]}
      - {id: b, name: B, channel: website, emotion: 1, moment_of_truth: true, events: [{event: b}]}
  - id: two
    name: Two
    touchpoints:
      - {id: c, name: C, channel: email, emotion: 0, next: [d, b], events: [{event: c}]}
      - {id: d, name: D, channel: post, goal: true, events: [{event: d}]}
`

// linkReport is a report over m in which every designed link was taken by some users, and
// each card's next card by the most.
func linkReport(m *journey.Map) *analysis.Report {
	r := &analysis.Report{Journey: m.ID}
	for _, tp := range m.Touchpoints() {
		r.Touchpoints = append(r.Touchpoints, analysis.Touchpoint{ID: tp.ID, Users: 800, Conversion: ptr(0.9), Dropoff: ptr(0.1)})
		for i, n := range m.NextOf(tp) {
			users := int64(700 - 300*min(i, 1) - 13*tp.Index)
			r.Transitions = append(r.Transitions, analysis.Transition{From: tp.ID, To: n.ID, Users: users, Count: users, OnMap: true})
		}
	}
	return r
}

// TestRowsWhateverTheLinks draws maps whose links go back, across stages and over the cards
// of a stage, with and without numbers, and wants every stage's panel to start at one
// height and every card to share one top edge.
func TestRowsWhateverTheLinks(t *testing.T) {
	for _, p := range []struct{ name, src string }{{"back", backMap}, {"short back", shortBackMap}} {
		m, ds := journey.Check("rows.journey.yaml", []byte(p.src))
		if journey.HasErrors(ds, false) {
			t.Fatal(ds)
		}
		for _, r := range []*analysis.Report{nil, linkReport(m)} {
			svg := image(t, DOT(m, r, nil))
			name := p.name + ", data " + strconv.FormatBool(r != nil)
			panels := map[string]float64{}
			for i, y := range panelTops(t, svg) {
				panels[m.Stages[i].ID] = y
			}
			if len(panels) != len(m.Stages) {
				t.Fatalf("%s: %d stage panels drawn, want %d", name, len(panels), len(m.Stages))
			}
			checkRow(t, name, "stage panel", panels)
			cards, nodes := map[string]float64{}, nodeShapes(t, svg)
			for _, tp := range m.Touchpoints() {
				cards[tp.ID] = nodes["t"+strconv.Itoa(tp.Index)][0].top
			}
			checkRow(t, name, "card", cards)
		}
	}
}

// checkRow wants the tops of a row to lie within rowSlack of each other.
func checkRow(t *testing.T, picture, what string, tops map[string]float64) {
	t.Helper()
	low, high := math.Inf(1), math.Inf(-1)
	for _, y := range tops {
		low, high = min(low, y), max(high, y)
	}
	if high-low > rowSlack {
		t.Errorf("%s: the tops of the %ss lie %g points apart, want at most %d: %v", picture, what, high-low, rowSlack, tops)
	}
}

// arcEdge is an arc of the SVG: an edge between the tops of two cards.
var arcEdge = regexp.MustCompile(`(?s)<g id="edge\d+" class="edge">\s*<title>(t\d+:n&#45;&gt;t\d+:n)</title>(.*?)</g>`)

// tallReport is a report over tallMap: most users go on along the flow, many go back from
// c to b, and a few go back off the map to a, from b and from c, or on to d from b.
func tallReport() *analysis.Report {
	r := &analysis.Report{Journey: "tall"}
	for id, users := range map[string]int64{"a": 1500, "b": 1198, "c": 1092, "d": 812} {
		r.Touchpoints = append(r.Touchpoints, analysis.Touchpoint{ID: id, Users: users, Conversion: ptr(0.8), Dropoff: ptr(0.2)})
	}
	for _, tr := range []analysis.Transition{
		{From: "a", To: "b", Users: 1197, OnMap: true}, {From: "b", To: "c", Users: 1089, OnMap: true},
		{From: "c", To: "d", Users: 791, OnMap: true}, {From: "c", To: "b", Users: 476, OnMap: true},
		{From: "b", To: "d", Users: 16}, {From: "c", To: "a", Users: 12}, {From: "b", To: "a", Users: 11},
	} {
		tr.Count = tr.Users
		r.Transitions = append(r.Transitions, tr)
	}
	return r
}

// TestArcLabelsClearOfCards draws maps whose arcs, designed and off the map, carry labels,
// and wants no label's patch over a card or its badge.
func TestArcLabelsClearOfCards(t *testing.T) {
	nl, _ := lang.Get("nl")
	for _, p := range []struct{ name, src string }{{"back", backMap}, {"short back", shortBackMap}, {"tall", tallMap}} {
		m, ds := journey.Check("labels.journey.yaml", []byte(p.src))
		if journey.HasErrors(ds, false) {
			t.Fatal(ds)
		}
		r := linkReport(m)
		if p.src == tallMap {
			r = tallReport()
		}
		svg := image(t, DOT(m, r, nl))
		nodes := nodeShapes(t, svg)
		for _, e := range arcEdge.FindAllSubmatch(svg, -1) {
			for _, s := range shape.FindAllSubmatch(e[2], -1) {
				label := boxOf(t, string(s[1]), s[2])
				for _, tp := range m.Touchpoints() {
					if card := span(nodes["t"+strconv.Itoa(tp.Index)]); overlap(label, card) {
						t.Errorf("%s: the label of arc %s (%v) lies over card %s (%v)", p.name, e[1], label, tp.ID, card)
					}
				}
			}
		}
	}
}

// overlap reports whether boxes a and b share more than a point.
func overlap(a, b box) bool {
	return min(a.right, b.right)-max(a.left, b.left) > 1 && min(a.foot, b.foot)-max(a.top, b.top) > 1
}
