package render

import (
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// Widths, in runes, at which text wraps.
const (
	nameWidth   = 24
	detailWidth = 30
	headerWidth = 90
)

// cardWidth is the width of a touchpoint column and of its card, badgeWidth that of the
// emotion badge on a card and cardPadding the room round the text of a card's cells, in
// points; metaSize, numbersSize and bandSize are the font sizes of a card's small print, of
// its numbers and of its bands (what changed, in a picture of a change).
const (
	cardWidth   = 210
	badgeWidth  = 42
	cardPadding = 4
	metaSize    = 9
	numbersSize = 10
	bandSize    = 9
)

// nodesepInches is the least gap between the cells of a column, nodesep the same in
// points; arcLevel is the room Graphviz keeps for one level of arcs over the cards of a
// stage: the gap and the 2 points of the arc's own place.
const (
	nodesepInches = 0.18
	nodesep       = nodesepInches * 72
	arcLevel      = nodesep + 2
)

// clusterPull is the weight with which Graphviz keeps a cluster short.
const clusterPull = 128

// minReportGap is the least gap between touchpoint columns with a report, in points.
const minReportGap = 54.0

// DOT returns the Graphviz DOT text that draws m, its labels in language l (nil: English).
// When r is not nil its numbers are overlaid: users, conversion and drop-off on every
// touchpoint, edge widths by the users who took them, the largest off-map transitions and a
// funnel summary. The result depends on nothing but m, r and l, so the same inputs give the
// same bytes; node and graph ids are the same in every language.
func DOT(m *journey.Map, r *analysis.Report, l *lang.Language) []byte {
	if l == nil {
		l = lang.English()
	}
	d := &drawing{m: m, tps: m.Touchpoints(), ov: newOverlay(m, r), l: l}
	d.chooseLinks()
	d.graph()
	return []byte(d.b.String())
}

// drawing accumulates the DOT text of one picture.
type drawing struct {
	b   strings.Builder
	m   *journey.Map
	tps []*journey.Touchpoint
	ov  *overlay
	l   *lang.Language
	// links are the designed links drawn; hidden counts those left out of a dense map
	// (see chooseLinks).
	links  []link
	hidden int
	// ch marks what changed, in a picture of a change (DiffDOT); nil otherwise.
	ch *changes
	// header is the tallest stage header, which every stage's is padded to.
	header headerLines
	// levels are the levels of arcs over each stage's cards (see headroom).
	levels []arcLevels
}

func (d *drawing) printf(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }

func (d *drawing) graph() {
	d.printf("digraph journey {\n")
	d.printf("\tgraph [rankdir=LR, newrank=true, splines=polyline, nodesep=%g, ranksep=%s, pad=0.3, "+
		"outputorder=nodesfirst, bgcolor=%q, fontname=%q, labelloc=t, labeljust=l];\n", nodesepInches, d.ranksep(), paper, font)
	d.printf("\tnode [shape=plain, fontname=%q, fontsize=11, fontcolor=%q];\n", font, ink)
	d.printf("\tedge [fontname=%q, fontsize=%d, color=%q, fontcolor=%q, arrowsize=0.7];\n", font, labelSize, flowLine, muted)
	d.printf("\tlabel=<%s>;\n", header(d.m, d.l))
	d.lanes()
	// One borderless cluster around the stages: edges between stages then belong to it, and
	// Graphviz routes them over the stages instead of under the whole journey.
	d.printf("\tsubgraph cluster_journey {\n\t\tperipheries=0; margin=0; label=\"\";\n")
	d.header = tallestHeader(d.m.Stages, d.l)
	d.levels = d.arcLevels()
	for i, s := range d.m.Stages {
		d.stage(i, s)
	}
	d.printf("\t}\n")
	d.panel()
	d.alignment()
	d.flow()
	d.ch.oldCurve(d)
	d.curve()
	d.printf("}\n")
}

// lanes draws the first column: the names of the rows every touchpoint column has.
func (d *drawing) lanes() {
	d.printf("\tlane_card [label=<%s>];\n", laneTitle(d.l.LaneTouchpoints))
	d.printf("\tlane_pg [label=<%s>];\n", laneTitle(d.l.LanePainsGains))
	d.printf("\tlane_emo [label=<%s>];\n", emotionAxis(d.l))
	d.printf("\t{rank=same; lane_card -> lane_pg -> lane_emo [style=invis];}\n")
}

// stage draws one stage as a cluster holding its touchpoints' columns.
func (d *drawing) stage(i int, s *journey.Stage) {
	d.printf("\tsubgraph cluster_s%d {\n", i)
	d.printf("\t\t%s\n", d.ch.stageStyle(s))
	d.printf("\t\tlabel=<%s>;\n", d.ch.stageLabel(s, stageLabel(s, d.l, d.header)))
	for _, t := range s.Touchpoints {
		k := t.Index
		d.printf("\t\tt%d [label=<%s>];\n", k, d.ch.card(t, d.ov.touchpoint(t.ID), d.l))
		if pg := painsGains(t); pg != "" && !d.ch.ghost(t) {
			d.printf("\t\tp%d [label=<%s>];\n", k, pg)
		} else {
			d.printf("\t\tp%d [shape=point, style=invis, width=0.01];\n", k)
		}
		d.printf("\t\te%d [label=<%s>];\n", k, emotionCell(d.lanePoint(k)))
		d.printf("\t\t{rank=same; t%d -> p%d -> e%d [style=invis];}\n", k, k, k)
	}
	d.headroom(i, s)
	d.printf("\t}\n")
}

// panel draws the legend, and with a report the summary of the data, right of the journey.
func (d *drawing) panel() {
	d.printf("\tpanel [label=<%s>];\n", panel(d.m, d.ov, d.l, d.hiddenNote(), d.ch))
}

// alignment adds the invisible edges that put touchpoints in document order, one column
// each, and keep every lane on one line across the columns. Cards and pains-and-gains are
// joined at their tops (port n), so a row of cards of different heights shares one top
// edge; the emotion cells all have one height and are joined at their centres. The panel
// hangs from the top of the last card instead of growing up over the header. The weights
// outweigh Graphviz's pull to keep each stage short (128 per cluster), which would otherwise
// lift a tall card out of its row to save a few points: where a column is taller than the
// room between the cards' tops and the emotion lane, moving the lane down lengthens every
// stage, so the cards' weight grows with the stages; the emotion lane's stays above it, so
// that the lane moves as one.
func (d *drawing) alignment() {
	prev := [3]string{"lane_card", "lane_pg", "lane_emo"}
	ports := [3]string{":n", ":n", ""}
	cards := max(1000, clusterPull*(len(d.m.Stages)+2))
	weights := [3]int{cards, 100, 3 * cards}
	for k := range d.tps {
		cur := [3]string{fmt.Sprintf("t%d", k), fmt.Sprintf("p%d", k), fmt.Sprintf("e%d", k)}
		for i := range cur {
			d.printf("\t%s%s -> %s%s [style=invis, weight=%d];\n", prev[i], ports[i], cur[i], ports[i], weights[i])
		}
		prev = cur
	}
	d.printf("\t%s:n -> panel:n [style=invis, weight=1000];\n", prev[0])
}

// curve joins the emotion points of neighbouring touchpoints. A touchpoint without an
// emotion leaves a gap: the curve shows what the workshop said, never a guess.
func (d *drawing) curve() {
	for k := 1; k < len(d.tps); k++ {
		if !d.hasEmotion(k-1) || !d.hasEmotion(k) {
			continue
		}
		d.printf("\te%d:p:e -> e%d:p:w [dir=none, constraint=false, weight=0, penwidth=2.5, color=%q];\n",
			k-1, k, curveLine)
	}
}

// lanePoint is what the emotion lane shows in the column of the touchpoint at k: its point
// on the curve and, in a picture of a change, the old one.
func (d *drawing) lanePoint(k int) lanePoint {
	p := lanePoint{e: d.ch.level(d.tps, k), left: d.hasEmotion(k - 1), right: d.hasEmotion(k + 1)}
	d.ch.oldLanePoint(d, k, &p)
	return p
}

// ranksep is the gap between touchpoint columns, in inches: wider with a report, whose
// edges to the next card carry their labels in the gap (see tailLabel), wide enough for the
// widest of them and the arrowhead after it. The labels of arcs are external labels
// (xlabel), which take no column of their own: a label column would put a bend into every
// line that crosses it, the emotion curve's included.
func (d *drawing) ranksep() string {
	if d.ov.r == nil {
		return "0.45"
	}
	gap := minReportGap
	for _, k := range d.links {
		if k.to.Index == k.from.Index+1 {
			gap = max(gap, labelRoom(d.flowLabel(k.from, k.to), d.flowPen(k.from, k.to), cardBorder(k.from)))
		}
	}
	for _, tr := range d.ov.offMap {
		if d.m.Touchpoint(tr.To).Index == d.m.Touchpoint(tr.From).Index+1 {
			gap = max(gap, labelRoom(d.offMapLabel(tr), d.ov.pen(tr.Users), cardBorder(d.m.Touchpoint(tr.From))))
		}
	}
	return inches(gap)
}

// arcLevels is, for each stage, how many levels of arcs Graphviz keeps room for over its
// cards: the most arcs between two cards of the stage that pass over one card between them,
// and the index of the first card with that many over it. Arcs between the same two cards
// (a designed arc and an off-map one back) count once: Graphviz routes them as one.
func (d *drawing) arcLevels() []arcLevels {
	over := make([]int, len(d.tps))
	pairs := map[[2]int]bool{}
	for _, a := range d.arcs() {
		lo, hi := min(a[0].Index, a[1].Index), max(a[0].Index, a[1].Index)
		if a[0].Stage != a[1].Stage || pairs[[2]int{lo, hi}] {
			continue
		}
		pairs[[2]int{lo, hi}] = true
		for k := lo + 1; k < hi; k++ {
			over[k]++
		}
	}
	levels := make([]arcLevels, len(d.m.Stages))
	for i, s := range d.m.Stages {
		for j, t := range s.Touchpoints {
			if j == 0 || over[t.Index] > levels[i].n {
				levels[i] = arcLevels{n: over[t.Index], at: t.Index}
			}
		}
	}
	return levels
}

// arcLevels are the levels of arcs over a stage's cards: n of them over the card at index at.
type arcLevels struct{ n, at int }

// headroom evens the tops of the stages. Graphviz keeps room over the cards for every arc
// that passes over a card of its own stage, inside the stage's panel, so a stage with such
// arcs starts higher than one without. Every stage with fewer levels of them than the most
// gets an invisible spacer, as tall as the room of the levels it lacks, over the card that
// has the most; it is written inside the stage's cluster, whose panel it lifts. When the
// arcs carry labels, every stage's spacer is taller by the band they need (labelBand).
func (d *drawing) headroom(i int, s *journey.Stage) {
	most := 0
	for _, l := range d.levels {
		most = max(most, l.n)
	}
	room := float64(most-d.levels[i].n)*arcLevel + d.labelBand()
	if room == 0 || len(s.Touchpoints) == 0 {
		return
	}
	d.printf("\t\th%d [shape=box, style=invis, label=\"\", fixedsize=true, width=0.01, height=%s];\n",
		i, inches(max(room-nodesep, 1)))
	d.printf("\t\t{rank=same; t%d -> h%d [style=invis];}\n", d.levels[i].at, i)
}

// labelBand is the room, in points, kept over the cards of every stage for the labels of
// the arcs: as tall as the tallest of them and a gap, or 0 when no arc is labelled. Graphviz
// puts an arc's label beside it where nothing else lies; without the band the only room
// beside an arc over a card was on the cards, and a label covered a card's badge.
func (d *drawing) labelBand() float64 {
	lines := 0
	for _, k := range d.links {
		if k.span() > 0 {
			lines = max(lines, len(d.flowLabel(k.from, k.to)))
		}
	}
	for _, tr := range d.ov.offMap {
		lines = max(lines, len(d.offMapLabel(tr)))
	}
	if lines == 0 {
		return 0
	}
	return float64(lines)*labelSize*lineHeight + 2*labelPad + labelGap
}

// arcs are the edges drawn over the cards, from and to: every designed edge drawn but those
// to the next card, and the off-map edges drawn.
func (d *drawing) arcs() [][2]*journey.Touchpoint {
	var arcs [][2]*journey.Touchpoint
	for _, k := range d.links {
		if k.to.Index != k.from.Index+1 {
			arcs = append(arcs, [2]*journey.Touchpoint{k.from, k.to})
		}
	}
	for _, tr := range d.ov.offMap {
		arcs = append(arcs, [2]*journey.Touchpoint{d.m.Touchpoint(tr.From), d.m.Touchpoint(tr.To)})
	}
	for _, e := range d.ch.removedEdges(d.m) {
		if e[1].Index != e[0].Index+1 {
			arcs = append(arcs, e)
		}
	}
	return arcs
}

// hasEmotion reports whether the column at index k exists and is on the emotion curve.
func (d *drawing) hasEmotion(k int) bool {
	return k >= 0 && k < len(d.tps) && d.ch.level(d.tps, k) != nil
}

// hiddenNote is the legend's note on the designed links left out of a dense map, as markup,
// or "" when every link is drawn.
func (d *drawing) hiddenNote() string {
	if d.hidden == 0 {
		return ""
	}
	format := d.l.LegendHiddenF
	if d.ov.r != nil {
		format = d.l.LegendHiddenDataF
	}
	return phrase(fmt.Sprintf(format, d.l.Int(int64(d.hidden)), d.l.Int(int64(d.hidden+len(d.links)))))
}
