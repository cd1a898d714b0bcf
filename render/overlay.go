package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// maxOffMap caps how many off-map transitions are drawn: each one is a long labelled edge,
// and a few are enough to show what the designed journey misses without burying it.
const maxOffMap = 3

// overlay is what a report adds to the picture; its zero value (no report) adds nothing.
type overlay struct {
	r       *analysis.Report
	tps     map[string]*tpNumbers
	edges   map[[2]string]analysis.Transition
	offMap  []analysis.Transition
	offMapN int
	max     int64
}

// tpNumbers are the numbers drawn on one touchpoint's card.
type tpNumbers struct {
	analysis.Touchpoint
	// currency is the map's currency of costs, "" for none.
	currency string
}

// newOverlay indexes r for drawing m; a nil r gives an empty overlay.
func newOverlay(m *journey.Map, r *analysis.Report) *overlay {
	ov := &overlay{r: r, tps: map[string]*tpNumbers{}, edges: map[[2]string]analysis.Transition{}}
	if r == nil {
		return ov
	}
	currency := ""
	if r.Cost != nil && r.Cost.Currency != nil {
		currency = *r.Cost.Currency
	}
	for _, t := range r.Touchpoints {
		ov.tps[t.ID] = &tpNumbers{Touchpoint: t, currency: currency}
	}
	var off []analysis.Transition
	for _, tr := range r.Transitions {
		ov.max = max(ov.max, tr.Users)
		switch {
		case tr.OnMap:
			ov.edges[[2]string{tr.From, tr.To}] = tr
		case tr.From != tr.To && m.Touchpoint(tr.From) != nil && m.Touchpoint(tr.To) != nil:
			off = append(off, tr)
		}
	}
	slices.SortFunc(off, func(a, b analysis.Transition) int {
		return cmp.Or(cmp.Compare(b.Users, a.Users), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	ov.offMapN = len(off)
	ov.offMap = off[:min(len(off), maxOffMap)]
	return ov
}

// touchpoint returns the numbers of the touchpoint with id, or nil without a report.
func (ov *overlay) touchpoint(id string) *tpNumbers {
	if ov.r == nil {
		return nil
	}
	if n, ok := ov.tps[id]; ok {
		return n
	}
	return &tpNumbers{Touchpoint: analysis.Touchpoint{ID: id}}
}

// width is the pen width of an edge that users took: 1 to 8 points, by share of the
// busiest transition.
func (ov *overlay) width(users int64) string {
	return strconv.FormatFloat(ov.pen(users), 'f', 2, 64)
}

// pen is width as a number.
func (ov *overlay) pen(users int64) float64 {
	if ov.max == 0 {
		return 1
	}
	return 1 + 7*float64(users)/float64(ov.max)
}

// share is the lines "users" and "(p%)" of an edge's label, p being users as a share of the
// users of touchpoint from.
func (ov *overlay) share(from string, users int64, l *lang.Language) []string {
	n := ov.touchpoint(from)
	if n == nil || n.Users == 0 {
		return []string{l.Int(users)}
	}
	return []string{l.Int(users), "(" + l.Percent(float64(users)/float64(n.Users)) + ")"}
}

// rows are the card rows of the numbers: users, conversion and drop-off, exits (on a
// goal's card, the users who end the journey there, which is no loss). The line of
// conversion and drop-off goes onto two lines where it would be wider than points, so that
// the card keeps its width. Without conversion, the touchpoint ends the designed flow,
// unless no user reached it (its conversion is then a ratio over zero): it has no such line.
func (n *tpNumbers) rows(l *lang.Language, points int, goal bool) string {
	if n == nil {
		return ""
	}
	flow := "<BR/>" + esc(l.CardEndOfFlow)
	if n.Users == 0 {
		flow = ""
	}
	if n.Conversion != nil && n.Dropoff != nil {
		line := fmt.Sprintf(l.CardFlowF, markOn+" "+l.Percent(*n.Conversion), markDown+" "+l.Percent(*n.Dropoff))
		if TextWidth(line, numbersSize) > float64(points) {
			line = strings.Replace(line, " · ", "\n", 1)
		}
		flow = "<BR/>" + phrase(line)
	}
	exits := ""
	switch {
	case n.Exits > 0 && goal:
		exits = "<BR/>" + markDone + " " + esc(l.Count(l.CardEndsF, n.Exits))
	case n.Exits > 0:
		exits = "<BR/>" + markExit + " " + esc(l.Count(l.CardExitsF, n.Exits))
	}
	return fmt.Sprintf(`<TR><TD COLSPAN="2" BGCOLOR="%s" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%d"><B>%s</B>%s%s%s</FONT></TD></TR>`,
		bandFill, numbersSize, esc(l.Count(l.CardUsersF, n.Users)), flow, exits, n.cost(l))
}

// cost is the card's line on what the touchpoint's events cost, when the map gives a cost:
// "<BR/>cost: EUR 3,640.00".
func (n *tpNumbers) cost(l *lang.Language) string {
	if n.Cost == nil {
		return ""
	}
	amount := l.Float(*n.Cost, 2)
	if n.currency != "" {
		amount = n.currency + " " + amount
	}
	return "<BR/>" + esc(fmt.Sprintf(l.CardCostF, amount))
}

// flow draws the designed flow (the `next` links chosen) and the largest off-map transitions.
func (d *drawing) flow() {
	for _, k := range d.links {
		colour, attrs := d.ch.edgeStyle(k.from, k.to, flowLine, d.flowAttrs(k.from, k.to))
		d.edge(k.from, k.to, colour, attrs, d.flowLabel(k.from, k.to))
	}
	d.ch.drawRemovedEdges(d)
	for _, tr := range d.ov.offMap {
		from, to := d.m.Touchpoint(tr.From), d.m.Touchpoint(tr.To)
		d.edge(from, to, offMap, fmt.Sprintf(`style=dashed, fontcolor=%q, penwidth=%s`, offMap, d.ov.width(tr.Users)), d.offMapLabel(tr))
	}
}

// flowAttrs are the attributes of a designed edge: plain without a report, else as wide as
// the users who took it, and dotted when nobody did.
func (d *drawing) flowAttrs(from, to *journey.Touchpoint) string {
	if d.ov.r == nil {
		return `penwidth=1.5`
	}
	tr, ok := d.ov.edges[[2]string{from.ID, to.ID}]
	if !ok {
		return `penwidth=1, style=dotted`
	}
	return `penwidth=` + d.ov.width(tr.Users)
}

// flowLabel is the label of a designed edge, as lines: with a report the users who took it
// and their share, 0 when nobody did; without one none.
func (d *drawing) flowLabel(from, to *journey.Touchpoint) []string {
	if d.ov.r == nil {
		return nil
	}
	tr, ok := d.ov.edges[[2]string{from.ID, to.ID}]
	if !ok {
		return []string{"0"}
	}
	return d.ov.share(from.ID, tr.Users, d.l)
}

// flowPen is the pen width of a designed edge with a report: 1 when nobody took it.
func (d *drawing) flowPen(from, to *journey.Touchpoint) float64 {
	if tr, ok := d.ov.edges[[2]string{from.ID, to.ID}]; ok {
		return d.ov.pen(tr.Users)
	}
	return 1
}

// offMapLabel is the label of an off-map edge, as lines.
func (d *drawing) offMapLabel(tr analysis.Transition) []string {
	return append([]string{d.l.OffMapLabel + ":"}, d.ov.share(tr.From, tr.Users, d.l)...)
}

// edge writes one flow edge in colour, labelled with the lines of label (none when empty).
// An edge to the next card leaves a card's right side for the next card's left side, both
// at the height of the card's first row (badge and name, port h of the name cell, b of the
// badge), so that it runs level between cards of different heights (a name of three lines
// or more makes its first row taller, and the edge slants by a few points), and its label
// sits on it just after the card it leaves (tailLabel). Every longer one, forward or back,
// arcs over the tops of the cards (the stages share one outer cluster, which keeps
// such arcs above them rather than under the journey), sets no column, so it never pushes a
// card out of its row, and is drawn translucent, so it recedes behind the cards and the
// short edges; Graphviz places its label (xlabel) beside it. An arc back is written as an
// arc forward with its arrowhead at the tail (dir=back): Graphviz reverses a back edge
// between top ports into one that pulls the columns it joins apart, which drops a later
// stage below the earlier ones.
func (d *drawing) edge(from, to *journey.Touchpoint, colour, attrs string, label []string) {
	if to.Index == from.Index+1 {
		tail, head := `"h:e"`, `"b:w"`
		if d.ch.ghost(from) {
			tail = "e" // a removed touchpoint's card has no badge, nor ports
		}
		if d.ch.ghost(to) {
			head = "w"
		}
		d.printf("\tt%d -> t%d [tailport=%s, headport=%s, weight=0, color=%q, %s%s];\n", from.Index, to.Index, tail, head, colour, attrs, tailLabel(label, cardBorder(from)))
		return
	}
	xlabel := ""
	if len(label) > 0 {
		xlabel = ", xlabel=<" + edgeLabel(label) + ">"
	}
	dir := ""
	if to.Index < from.Index {
		from, to, dir = to, from, "dir=back, "
	}
	d.printf("\tt%d -> t%d [%stailport=n, headport=n, constraint=false, weight=1, color=%q, %s%s];\n",
		from.Index, to.Index, dir, colour+arcAlpha, attrs, xlabel)
}
