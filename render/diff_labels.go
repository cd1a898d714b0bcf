package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
)

// Colours of a picture of a change. Colour is never the only cue: added and removed things
// carry a marked band, removed edges are dashed and the old emotion is outlined.
const (
	addedLine   = "#1a9850"
	ghostLine   = "#a6a6a6"
	ghostText   = "#8c8c8c"
	changedFill = "#fde9a8"
	movedFill   = "#dfe3f3"
	oldCurve    = "#7f7f7f"
)

// Marks of a picture of a change; every one is in DejaVu Sans.
const (
	markAdded   = "+"
	markRemoved = "−"
	markChanged = "✎"
	markMoved   = "⇄"
)

// stageStyle is the attribute line of a stage's cluster: an added stage has a green border,
// a removed one a dashed grey one. Those two draw their border (peripheries=1), which the
// borderless cluster around the stages would otherwise pass on to them.
func (ch *changes) stageStyle(s *journey.Stage) string {
	switch {
	case ch != nil && ch.stageAdded[s.ID]:
		return fmt.Sprintf(`style="rounded,filled"; fillcolor=%q; color=%q; penwidth=2.5; peripheries=1; margin=12;`, stageFill, addedLine)
	case ch != nil && ch.stageRemoved[s.ID]:
		return fmt.Sprintf(`style="rounded,dashed"; color=%q; fontcolor=%q; penwidth=1.5; peripheries=1; margin=12;`, ghostLine, ghostText)
	}
	return fmt.Sprintf(`style="rounded,filled"; fillcolor=%q; color=%q; penwidth=1; margin=12;`, stageFill, stageLine)
}

// stageLabel adds what happened to a stage under its label, when it was added or removed.
// When some stage was, every stage has the line, blank when it was not, so that the stage
// panels still start at one height.
func (ch *changes) stageLabel(s *journey.Stage, label string) string {
	if ch == nil || len(ch.stageAdded)+len(ch.stageRemoved) == 0 {
		return label
	}
	note := `<FONT POINT-SIZE="10"><B>&#160;</B></FONT>`
	switch {
	case ch.stageAdded[s.ID]:
		note = fmt.Sprintf(`<FONT POINT-SIZE="10" COLOR="%s"><B>%s %s</B></FONT>`, addedLine, markAdded, esc(strings.ToUpper(ch.l.Added)))
	case ch.stageRemoved[s.ID]:
		note = fmt.Sprintf(`<FONT POINT-SIZE="10" COLOR="%s"><B>%s %s</B></FONT>`, ghostText, markRemoved, esc(strings.ToUpper(ch.l.Removed)))
	}
	return `<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD ALIGN="LEFT">` + label +
		`</TD></TR><TR><TD ALIGN="LEFT">` + note + `</TD></TR></TABLE>`
}

// card is the label of a touchpoint's card: a ghost's for a touchpoint the change removed,
// else the card with bands that say what changed.
func (ch *changes) card(t *journey.Touchpoint, n *tpNumbers, l *lang.Language) string {
	if ch.ghost(t) {
		return ch.ghostCard(t)
	}
	if ch == nil {
		return card(t, n, l, "")
	}
	return card(t, n, l, ch.bands(t))
}

// bands are the rows at the foot of a card that say what changed, as journey diff says it:
// added; the fields changed (an emotion with its old and new score); KPI targets added and
// removed; moved. Their text wraps to the card's width.
func (ch *changes) bands(t *journey.Touchpoint) string {
	var b strings.Builder
	inside := cardInside(t)
	if ch.added[t.ID] {
		b.WriteString(band(addedLine, paper, bandText(markAdded+" "+strings.ToUpper(ch.l.Added), nil, inside)))
	}
	if fields := ch.fields[t.ID]; len(fields) > 0 && !ch.added[t.ID] {
		head := markChanged + " " + strings.ToUpper(ch.l.ChangedKind) + ":"
		b.WriteString(band(changedFill, ink, bandText(head, ch.fieldNames(t, fields), inside)))
	}
	if added := ch.kpiTargets(t, diff.Added); len(added) > 0 && !ch.added[t.ID] {
		b.WriteString(band(addedLine, paper, bandText(markAdded+" "+strings.ToUpper(ch.l.Added)+":", added, inside)))
	}
	if removed := ch.kpiTargets(t, diff.Removed); len(removed) > 0 {
		b.WriteString(band(ghostLine, paper, bandText(markRemoved+" "+strings.ToUpper(ch.l.Removed)+":", removed, inside)))
	}
	if m, ok := ch.moved[t.ID]; ok {
		what := ch.l.Place
		if m.Field == "stage" {
			what = ch.l.Stage
		}
		head := fmt.Sprintf("%s %s: %s %v → %v", markMoved, strings.ToUpper(ch.l.Moved), what, m.Old, m.New)
		b.WriteString(band(movedFill, ink, bandText(head, nil, inside)))
	}
	return b.String()
}

// fieldNames names the fields that changed, each once, in the words of journey diff: an
// emotion with its old and new score, a KPI target's bound as "KPI conversion min".
func (ch *changes) fieldNames(t *journey.Touchpoint, fields []diff.Change) []string {
	var parts []string
	seen := map[string]bool{}
	for _, r := range fields {
		name := ch.l.Field(r.Field)
		if r.Entity == diff.EntityKPI {
			_, metric, _ := strings.Cut(r.ID, "/")
			name = ch.l.KPI + " " + metric + " " + name
		}
		switch {
		case seen[name]:
		case r.Entity == diff.EntityTouchpoint && r.Field == "emotion":
			parts = append(parts, name+" "+scoreOf(ch.old[t.ID])+" → "+scoreOf(t.Emotion))
		default:
			parts = append(parts, name)
		}
		seen[name] = true
	}
	return parts
}

// kpiTargets names the KPI targets of t that the change added or removed (kind), as journey
// diff does: "KPI conversion (min 0.25)", the target as the version that has it sets it.
func (ch *changes) kpiTargets(t *journey.Touchpoint, kind string) []string {
	side := ch.newMap
	if kind == diff.Removed {
		side = ch.oldMap
	}
	var parts []string
	for _, r := range ch.kpis[t.ID] {
		if r.Kind != kind {
			continue
		}
		_, metric, _ := strings.Cut(r.ID, "/")
		part := ch.l.KPI + " " + metric
		if bounds := output.KPIBounds(ch.l, side, r.ID); bounds != "" {
			part += " (" + bounds + ")"
		}
		parts = append(parts, part)
	}
	return parts
}

// scoreOf is an emotion's score, or "–" when there is none.
func scoreOf(e *int) string {
	if e == nil {
		return "–"
	}
	return score(*e)
}

// bandText is the markup of a band's text: head, then the parts with " · " between them, in
// lines at most points wide in the band's bold type (see flow), so that a long band wraps
// inside the card rather than widening it; the first part follows the head on its line when
// it fits there, else starts the next. Graphviz sizes a cell that spans columns, as a band
// does, in whole points, dropping the fraction, and so does the measure here.
func bandText(head string, parts []string, points int) string {
	measure := func(s string) float64 { return math.Floor(boldWidth(s, bandSize)) }
	if len(parts) > 0 && measure(head+" "+parts[0]) <= float64(points) {
		parts = append([]string{head + " " + parts[0]}, parts[1:]...)
	} else {
		parts = append([]string{head}, parts...)
	}
	return escLines(flow(parts, float64(points), measure))
}

// band is a full-width row of a card: text (markup) on a fill.
func band(fill, text, content string) string {
	return fmt.Sprintf(`<TR><TD COLSPAN="2" BGCOLOR="%s" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%d" COLOR="%s"><B>%s</B></FONT></TD></TR>`, fill, bandSize, text, content)
}

// ghostCard is a removed touchpoint where it was: its name struck through, faint, in a
// dashed frame, and a band that says it was removed.
func (ch *changes) ghostCard(t *journey.Touchpoint) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="%d" COLOR="%s" BGCOLOR="%s" STYLE="rounded,dashed">`, cardPadding, ghostLine, paper)
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="%d"><FONT COLOR="%s"><S>%s</S></FONT></TD></TR>`, cardWidth-2, ghostText, lines(t.Name, nameWidth))
	if meta := cardMeta(t, ch.l, cardWidth-2-2*cardPadding); meta != "" {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%d" COLOR="%s">%s</FONT></TD></TR>`, metaSize, ghostText, meta)
	}
	fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="%s"><B>%s %s</B></FONT></TD></TR>`, ghostLine, paper, markRemoved, esc(strings.ToUpper(ch.l.Removed)))
	b.WriteString(`</TABLE>`)
	return b.String()
}

// oldPoint is an old emotion's point (oldMarker) in its band, with dashed half-lines to the
// band's sides where the old curve goes on.
func oldPoint(e int, left, right bool) string {
	return curveCell(oldMarker(e, 2), left, right, oldCurve, "dashed", "")
}

// oldMarker is an old emotion's marker, a cell spanning rows: the score on a faint version
// of its colour, in a dashed outline.
func oldMarker(e, rows int) string {
	lv := emotionLevel(e)
	return fmt.Sprintf(`<TD ROWSPAN="%d" BORDER="1" COLOR="%s" STYLE="rounded,dashed" BGCOLOR="%s55" FIXEDSIZE="TRUE" WIDTH="30" HEIGHT="18">`+
		`<FONT POINT-SIZE="10" COLOR="%s">%s</FONT></TD>`, rows, ghostText, emotionColours[lv], ghostText, score(e))
}

// oldLanePoint adds to the lane point of the column at k what the change marks: a ghost's
// column is a bridge, and an old emotion apart from the curve is drawn with the old curve's
// half-lines.
func (ch *changes) oldLanePoint(d *drawing, k int, p *lanePoint) {
	if ch == nil {
		return
	}
	p.bridge = ch.ghost(d.tps[k])
	if ch.apart(d.tps, k) {
		p.old = ch.oldLevel(d.tps, k)
		p.oldLeft, p.oldRight = ch.oldSegment(d, k-1), ch.oldSegment(d, k)
	}
	if !p.bridge && p.e != nil && !ch.apart(d.tps, k) {
		p.left = p.left || ch.oldSegment(d, k-1)
		p.right = p.right || ch.oldSegment(d, k)
	}
}

// edgeStyle is the colour and attributes of a flow edge of the new version: green, and wider
// without numbers, when the change added it.
func (ch *changes) edgeStyle(from, to *journey.Touchpoint, colour, attrs string) (string, string) {
	if ch == nil || !ch.edgeAdded[[2]string{from.ID, to.ID}] {
		return colour, attrs
	}
	return addedLine, strings.Replace(attrs, "penwidth=1.5", "penwidth=2.5", 1)
}

// drawRemovedEdges draws the flow edges the change removed, dashed and faint.
func (ch *changes) drawRemovedEdges(d *drawing) {
	for _, e := range ch.removedEdges(d.m) {
		d.edge(e[0], e[1], ghostLine, "style=dashed, penwidth=1.5", nil)
	}
}

// oldCurve draws the emotion curve before the change, faint and dashed, behind the current
// one, over the columns as they are now, where it is not the current curve.
func (ch *changes) oldCurve(d *drawing) {
	if ch == nil {
		return
	}
	for k := 0; k+1 < len(d.tps); k++ {
		if ch.oldSegment(d, k) {
			d.printf("\te%d:%s:e -> e%d:%s:w [dir=none, constraint=false, weight=0, penwidth=1.5, style=dashed, color=%q];\n",
				k, ch.oldPort(d.tps, k), k+1, ch.oldPort(d.tps, k+1), oldCurve)
		}
	}
}

// oldSegment reports whether the old curve is drawn between the columns at k and k+1: both
// had an emotion, and one of them is drawn apart or the current curve has a gap there.
func (ch *changes) oldSegment(d *drawing, k int) bool {
	if k < 0 || k+1 >= len(d.tps) || ch.oldLevel(d.tps, k) == nil || ch.oldLevel(d.tps, k+1) == nil {
		return false
	}
	return ch.apart(d.tps, k) || ch.apart(d.tps, k+1) || !d.hasEmotion(k) || !d.hasEmotion(k+1)
}

// oldPort is the port of the band of a column's old emotion: its own ("o") when drawn apart
// on another band than the curve, else the curve's ("p").
func (ch *changes) oldPort(tps []*journey.Touchpoint, k int) string {
	if now := ch.level(tps, k); ch.apart(tps, k) && (now == nil || *now != *ch.oldLevel(tps, k)) {
		return "o"
	}
	return "p"
}

// legend explains the marks of a picture of a change, first in the side panel: since what,
// how many changes of each kind, then a swatch for each mark the picture uses.
func (ch *changes) legend(b *strings.Builder) {
	l := ch.l
	panelTitle(b, esc(fmt.Sprintf(l.ChangesSinceF, clean(ch.since))))
	panelRow(b, esc(ch.counts()))
	var rows strings.Builder
	for _, s := range []struct {
		used         bool
		colour, mark string
		meaning      string
	}{
		{len(ch.added)+len(ch.stageAdded) > 0 || ch.kpisOf(diff.Added), addedLine, fmt.Sprintf(`<FONT COLOR="%s"><B>%s</B></FONT>`, paper, markAdded), l.LegendAdded},
		{len(ch.ghosts)+len(ch.stageRemoved) > 0 || ch.kpisOf(diff.Removed), ghostLine, fmt.Sprintf(`<FONT COLOR="%s"><B>%s</B></FONT>`, paper, markRemoved), l.LegendRemoved},
		{len(ch.fields) > 0, changedFill, "<B>" + markChanged + "</B>", l.LegendChanged},
		{len(ch.moved) > 0, movedFill, "<B>" + markMoved + "</B>", l.LegendMoved},
		{ch.oldEmotions(), paper, `<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>` + oldMarker(-1, 1) + `</TR></TABLE>`, l.LegendOldEmotion},
	} {
		if s.used {
			swatch(&rows, s.colour, s.mark, esc(s.meaning))
		}
	}
	if rows.Len() > 0 {
		b.WriteString(`<TR><TD COLSPAN="4" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">` + rows.String() + `</TABLE></TD></TR>`)
	}
	ch.flowLegend(b)
}

// kpisOf reports whether a card has a band of KPI targets of kind (added or removed): one
// of a touchpoint drawn, and for an added target, one not added itself.
func (ch *changes) kpisOf(kind string) bool {
	for id, rs := range ch.kpis {
		for _, r := range rs {
			if r.Kind == kind && ch.newMap.Touchpoint(id) != nil && !(kind == diff.Added && ch.added[id]) {
				return true
			}
		}
	}
	return false
}

// oldEmotions reports whether the picture draws an old emotion: a ghost's or a changed one.
func (ch *changes) oldEmotions() bool {
	for t := range ch.ghosts {
		if t.Emotion != nil {
			return true
		}
	}
	for id := range ch.fields {
		if ch.emotionChanged(id) && ch.old[id] != nil {
			return true
		}
	}
	return false
}

// flowLegend explains the flow edges added and removed, when there are any.
func (ch *changes) flowLegend(b *strings.Builder) {
	var parts []string
	if len(ch.edgeAdded) > 0 {
		parts = append(parts, fmt.Sprintf(`<FONT COLOR="%s"><B>→</B></FONT> %s`, addedLine, esc(ch.l.LegendAddedFlow)))
	}
	if len(ch.edgeRemoved) > 0 {
		parts = append(parts, fmt.Sprintf(`<FONT COLOR="%s">- - →</FONT> %s`, ghostLine, esc(ch.l.LegendRemovedFlow)))
	}
	if len(parts) > 0 {
		panelRow(b, strings.Join(parts, " · "))
	}
}

// counts is "8 added, 5 removed, 7 changed, 1 moved", the kinds without records left out.
func (ch *changes) counts() string {
	n := map[string]int{}
	for _, r := range ch.records {
		n[r.Kind]++
	}
	var parts []string
	for _, k := range []struct{ kind, word string }{{diff.Added, ch.l.Added}, {diff.Removed, ch.l.Removed},
		{diff.Changed, ch.l.ChangedKind}, {diff.Moved, ch.l.Moved}} {
		if n[k.kind] > 0 {
			parts = append(parts, ch.l.Int(int64(n[k.kind]))+" "+k.word)
		}
	}
	if len(parts) == 0 {
		return ch.l.NoChanges
	}
	return strings.Join(parts, ", ")
}
