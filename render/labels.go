package render

import (
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
)

// header is the graph label: the title, the description and the persona the map is for.
func header(m *journey.Map, l *lang.Language) string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="4"><TR><TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP">`)
	fmt.Fprintf(&b, `<FONT POINT-SIZE="24"><B>%s</B></FONT>`, lines(m.Title, 60))
	if m.Description != "" {
		fmt.Fprintf(&b, `<BR/><FONT POINT-SIZE="13" COLOR="%s">%s</FONT>`, muted, lines(m.Description, headerWidth))
	}
	if m.Owner != "" {
		fmt.Fprintf(&b, `<BR/><FONT POINT-SIZE="10" COLOR="%s">%s: %s</FONT>`, muted, esc(l.OwnerLabel), lines(m.Owner, headerWidth))
	}
	b.WriteString(`</TD>`)
	if m.Persona != nil {
		fmt.Fprintf(&b, `<TD WIDTH="30"></TD><TD ALIGN="LEFT" VALIGN="TOP">%s</TD>`, persona(m.Persona, l))
	}
	b.WriteString(`</TR></TABLE>`)
	return b.String()
}

// persona is the persona's card: who, and what they want and hate.
func persona(p *journey.Persona, l *lang.Language) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="%s" BGCOLOR="%s" STYLE="rounded">`, stageLine, stageFill)
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="%s">%s</FONT><BR/><FONT POINT-SIZE="13"><B>%s</B></FONT></TD></TR>`, muted, esc(l.PersonaTitle), lines(p.Name, 40))
	if p.Description != "" {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11" COLOR="%s">%s</FONT></TD></TR>`, muted, lines(p.Description, 50))
	}
	b.WriteString(bullets(l.PersonaGoals, markDone, p.Goals))
	b.WriteString(bullets(l.PersonaFrustrations, markCross, p.Frustrations))
	b.WriteString(`</TABLE>`)
	return b.String()
}

// bullets is a titled list of table rows, or "" for an empty list.
func bullets(title, mark string, items []string) string {
	if len(items) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="%s">%s</FONT></TD></TR>`, muted, esc(title))
	for _, it := range items {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11">%s %s</FONT></TD></TR>`, mark, lines(it, 50))
	}
	return b.String()
}

// laneTitle is the name of a lane in the first column.
func laneTitle(name string) string {
	return fmt.Sprintf(`<TABLE BORDER="0" CELLPADDING="4"><TR><TD><FONT POINT-SIZE="12" COLOR="%s"><B>%s</B></FONT></TD></TR></TABLE>`, muted, esc(name))
}

// emotionAxis is the scale at the start of the emotion lane: one row per level, +2 on top.
func emotionAxis(l *lang.Language) string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	for e := 2; e >= -2; e-- {
		lv := emotionLevel(e)
		fmt.Fprintf(&b, `<TR><TD HEIGHT="18" ALIGN="RIGHT"><FONT POINT-SIZE="9" COLOR="%s">%s %s </FONT></TD>`+
			`<TD FIXEDSIZE="TRUE" WIDTH="20" HEIGHT="18">%s</TD></TR>`, muted, esc(l.EmotionLevels[lv]), score(e), emotionFaces[lv])
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// headerLines counts the lines of a stage's column header: of its name and of its goal.
type headerLines struct{ name, goal int }

// tallestHeader returns the most lines of name and of goal among the stages' headers, which
// every header is padded to, so that the stage panels start at one height.
func tallestHeader(stages []*journey.Stage, l *lang.Language) headerLines {
	var h headerLines
	for _, s := range stages {
		name, goal := stageTexts(s, l)
		h.name, h.goal = max(h.name, len(name)), max(h.goal, len(goal))
	}
	return h
}

// stageTexts returns the lines of a stage's name and of its goal (none without a goal).
func stageTexts(s *journey.Stage, l *lang.Language) (name, goal []string) {
	name = wrap(clean(s.Name), 2*nameWidth)
	if s.Goal != "" {
		goal = wrap(clean(fmt.Sprintf(l.StageGoalF, s.Goal)), 2*detailWidth)
	}
	return name, goal
}

// stageLabel is a stage's column header: its name and, when set, its goal, padded with
// blank lines to the tallest header's h.
func stageLabel(s *journey.Stage, l *lang.Language, h headerLines) string {
	name, goal := stageTexts(s, l)
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLPADDING="2"><TR><TD ALIGN="LEFT" BALIGN="LEFT">`)
	fmt.Fprintf(&b, `<FONT POINT-SIZE="16"><B>%s</B></FONT>`, padLines(name, h.name))
	if h.goal > 0 {
		fmt.Fprintf(&b, `<BR/><FONT POINT-SIZE="10" COLOR="%s"><I>%s</I></FONT>`, muted, padLines(goal, h.goal))
	}
	b.WriteString(`</TD></TR></TABLE>`)
	return b.String()
}

// padLines escapes lines and adds blank ones up to n, a no-break space each, as Graphviz
// gives an empty line no height.
func padLines(lines []string, n int) string {
	s := escLines(lines)
	for i := len(lines); i < n; i++ {
		if i > 0 {
			s += "<BR/>"
		}
		s += "&#160;"
	}
	return s
}

// card is a touchpoint's card: emotion badge, name, channel and owner, markers and, with a
// report, its numbers; extra rows (what changed, in a picture of a change) come last. The
// name cell is port h, where an edge to the next card leaves, and the badge port b, where
// one arrives. Every
// card is cardWidth wide, so that it lines up with its column's pains and emotion cell: the
// small print wraps to fit inside it.
func card(t *journey.Touchpoint, n *tpNumbers, l *lang.Language, extra string) string {
	var b strings.Builder
	border := cardBorder(t)
	// The badge and the name cell fill the card exactly, so the full-width rows below them
	// (markers, numbers) reach both borders.
	fmt.Fprintf(&b, `<TABLE BORDER="%d" CELLBORDER="0" CELLSPACING="0" CELLPADDING="%d" COLOR="%s" BGCOLOR="%s" STYLE="rounded">`,
		border, cardPadding, ink, paper)
	fmt.Fprintf(&b, `<TR>%s<TD PORT="h" ALIGN="LEFT" BALIGN="LEFT" WIDTH="%d"><B>%s</B></TD></TR>`, badge(t.Emotion, l), cardWidth-badgeWidth-2*border, lines(t.Name, nameWidth))
	inside := cardInside(t)
	if meta := cardMeta(t, l, inside); meta != "" {
		fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%d" COLOR="%s">%s</FONT></TD></TR>`, metaSize, muted, meta)
	}
	if t.MomentOfTruth {
		b.WriteString(marker(markMomentOfTruth(l)))
	}
	if t.Goal {
		b.WriteString(marker(markGoal(l)))
	}
	b.WriteString(n.rows(l, inside, t.Goal))
	b.WriteString(extra)
	return roundFoot(b.String()) + `</TABLE>`
}

// fullRow is how every filled full-width row of a card (marker, numbers, band) starts.
const fullRow = `<TR><TD COLSPAN="2" BGCOLOR=`

// roundFoot rounds the fill of a card's last row when it is a marker or a band under an
// unfilled row (rows are the card's rows so far), so that its dark or coloured corners stay
// inside the card's rounded bottom corners instead of sticking out of them. The pale numbers
// row is left square, and so is a row under another filled one, where rounded corners
// would show as notches of the card's white.
func roundFoot(rows string) string {
	i := strings.LastIndex(rows, fullRow)
	if i < 0 || strings.Contains(rows[i:], "</TR><TR>") || strings.HasPrefix(rows[i+len(fullRow):], `"`+bandFill) {
		return rows
	}
	if j := strings.LastIndex(rows[:i], "<TR>"); j >= 0 && strings.HasPrefix(rows[j:], fullRow) {
		return rows
	}
	return rows[:i] + `<TR><TD STYLE="rounded" COLSPAN="2" BGCOLOR=` + rows[i+len(fullRow):]
}

// cardInside is the width, in points, of the text of a card's full-width rows: the card's
// width less its borders and the cells' padding.
func cardInside(t *journey.Touchpoint) int {
	return cardWidth - 2*cardBorder(t) - 2*cardPadding
}

// cardBorder is the width of a card's border in points: thick for a moment of truth.
func cardBorder(t *journey.Touchpoint) int {
	if t.MomentOfTruth {
		return 4
	}
	return 1
}

// badge is the emotion cell of a card: face and score on the emotion's colour, a rounded
// patch set in from the card's border so that it leaves the card's rounded corner whole. It
// is not of fixed size: beside a name of many lines it grows into a stripe down the card's
// side (a fixed-size cell would be centred beside the name and drawn over the card's border).
func badge(e *int, l *lang.Language) string {
	const patch = `<TD PORT="b" CELLPADDING="2" WIDTH="%d" HEIGHT="34"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" BGCOLOR="%s" STYLE="rounded"><TR><TD>%s</TD></TR></TABLE></TD>`
	if e == nil {
		return fmt.Sprintf(patch, badgeWidth, bandFill, fmt.Sprintf(`<FONT POINT-SIZE="9" COLOR="%s">%s</FONT>`, muted, phrase(l.NoEmotion)))
	}
	lv := emotionLevel(*e)
	return fmt.Sprintf(patch, badgeWidth, emotionColours[lv],
		fmt.Sprintf(`<FONT POINT-SIZE="13" COLOR="%s">%s<BR/><B>%s</B></FONT>`, emotionText(lv), emotionFaces[lv], score(*e)))
}

// cardMeta is the card's small print: channel, owner and feeling, in lines at most points
// wide (see flow). Each value is cleaned, and so shortened, on its own, so that a long one
// leaves the others whole.
func cardMeta(t *journey.Touchpoint, l *lang.Language, points int) string {
	var parts []string
	for _, p := range [][2]string{{l.ChannelLabel, t.Channel}, {l.OwnerLabel, t.Owner}, {l.FeelingLabel, t.Feeling}} {
		if p[1] != "" {
			parts = append(parts, p[0]+": "+clean(p[1]))
		}
	}
	return escLines(flow(parts, float64(points), func(s string) float64 { return TextWidth(s, metaSize) }))
}

// flow sets parts in lines at most points wide as measure measures them: the parts share a
// line, with " · " between them, while they fit; a part that does not fit starts a line of
// its own, and one wider than a line wraps at spaces.
func flow(parts []string, points float64, measure func(string) float64) []string {
	var lines []string
	for _, p := range parts {
		part := wrapFit(p, func(line []rune) bool { return measure(string(line)) <= points })
		if n := len(lines); n > 0 && len(part) == 1 && measure(lines[n-1]+" · "+part[0]) <= points {
			lines[n-1] += " · " + part[0]
			continue
		}
		lines = append(lines, part...)
	}
	return lines
}

// marker is a full-width dark band with white text on a card; text is markup.
func marker(text string) string {
	return fmt.Sprintf(`<TR><TD COLSPAN="2" BGCOLOR="%s" ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="%s"><B>%s</B></FONT></TD></TR>`, markFill, paper, text)
}

// painsGains lists a touchpoint's pains and gains, or "" when it has none.
func painsGains(t *journey.Touchpoint) string {
	if len(t.Pains)+len(t.Gains) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="3" WIDTH="%d">`, cardWidth)
	for _, p := range t.Pains {
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" ALIGN="LEFT" BALIGN="LEFT" STYLE="rounded" WIDTH="%d"><B>%s</B> %s</TD></TR>`, painFill, cardWidth-6, markPain, lines(p, detailWidth))
	}
	for _, g := range t.Gains {
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" ALIGN="LEFT" BALIGN="LEFT" STYLE="rounded" WIDTH="%d"><B>%s</B> %s</TD></TR>`, gainFill, cardWidth-6, markGain, lines(g, detailWidth))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// lanePoint is what a touchpoint's column of the emotion lane shows.
type lanePoint struct {
	// e is the level of the column on the emotion curve, nil when the curve has a gap there;
	// left and right say whether the curve goes on to the neighbours. bridge is set when the
	// column only carries the curve across, without a point (a removed touchpoint's, in a
	// picture of a change).
	e                   *int
	left, right, bridge bool
	// old is the emotion before a change, drawn apart from the current one (see oldPoint);
	// oldLeft and oldRight say whether the old curve goes on to the neighbours.
	old               *int
	oldLeft, oldRight bool
}

// emotionCell is a touchpoint's column of the emotion lane: five bands, +2 on top, with the
// point on its level's band. The band's cell is port "p", which the curve joins at its sides;
// half-lines inside the band carry the curve to the point, towards the neighbours that have
// an emotion too. An old emotion drawn apart is on its own band, port "o".
func emotionCell(p lanePoint) string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	for s := 2; s >= -2; s-- {
		bg := paper
		if s%2 == 0 {
			bg = bandFill
		}
		switch {
		case p.e != nil && emotionLevel(*p.e) == emotionLevel(s):
			fmt.Fprintf(&b, `<TR><TD PORT="p" BGCOLOR="%s" WIDTH="%d" HEIGHT="18">%s</TD></TR>`, bg, cardWidth, p.onCurve())
		case p.old != nil && emotionLevel(*p.old) == emotionLevel(s):
			fmt.Fprintf(&b, `<TR><TD PORT="o" BGCOLOR="%s" WIDTH="%d" HEIGHT="18">%s</TD></TR>`, bg, cardWidth, oldPoint(*p.old, p.oldLeft, p.oldRight))
		default:
			fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" WIDTH="%d" HEIGHT="18"></TD></TR>`, bg, cardWidth)
		}
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// onCurve is the content of the band of the column's level: its point, or for a bridge the
// curve passing through, over the old point when that is on the same band.
func (p lanePoint) onCurve() string {
	if !p.bridge {
		return point(*p.e, p.left, p.right)
	}
	if p.old != nil && emotionLevel(*p.old) == emotionLevel(*p.e) {
		return curveCell(oldMarker(*p.old, 2), true, true, curveLine, "", "")
	}
	line := fmt.Sprintf(`<TD WIDTH="30" HEIGHT="9" BORDER="2" SIDES="B" COLOR="%s"></TD>`, curveLine)
	return curveCell(line, true, true, curveLine, "", `<TD HEIGHT="9"></TD>`)
}

// point is the emotion point with the half-lines that join it to the band's sides.
func point(e int, left, right bool) string {
	lv := emotionLevel(e)
	return curveCell(fmt.Sprintf(`<TD ROWSPAN="2" PORT="c" BGCOLOR="%s" FIXEDSIZE="TRUE" WIDTH="30" HEIGHT="18" STYLE="rounded"><FONT POINT-SIZE="10" COLOR="%s"><B>%s</B></FONT></TD>`,
		emotionColours[lv], emotionText(lv), score(e)), left, right, curveLine, "", "")
}

// curveCell puts a marker in the middle of a band, with half-lines of colour and style
// (empty: solid) from it to the band's sides where left and right say. The marker spans the
// band's two rows, or is the upper one of two cells (under, the lower one).
func curveCell(marker string, left, right bool, colour, style, under string) string {
	if style != "" {
		style = ` STYLE="` + style + `"`
	}
	half := func(on bool) string {
		if !on {
			return `<TD WIDTH="90" HEIGHT="9"></TD>`
		}
		return fmt.Sprintf(`<TD WIDTH="90" HEIGHT="9" BORDER="2" SIDES="B" COLOR="%s"%s></TD>`, colour, style)
	}
	return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>` + half(left) + marker + half(right) +
		`</TR><TR><TD HEIGHT="9"></TD>` + under + `<TD HEIGHT="9"></TD></TR></TABLE>`
}

// markMomentOfTruth and markGoal are the markers of a card, as the legend shows them too.
func markMomentOfTruth(l *lang.Language) string { return markStar + " " + esc(l.MomentOfTruth) }

func markGoal(l *lang.Language) string { return markFlag + " " + esc(l.GoalMark) }
