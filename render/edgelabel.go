package render

import (
	"fmt"
	"math"
	"strconv"
)

// Room, in points, round the label of an edge to the next card: labelGap before it, after
// the card the edge leaves, and after it, before the arrowhead. The arrowhead is arrowLength
// long (arrowsize 0.7 of Graphviz's 10 points) and its outline is stroked as wide as the
// edge: Graphviz sets it back from the card by about the pen width, so that the stroked tip
// meets the card, and the stroke reaches half a pen width behind its base. Twice the pen
// width covers both.
const (
	labelGap    = 4
	arrowLength = 7
	labelSize   = 9   // the edges' font size
	labelPad    = 1   // the label patch's cell padding
	lineHeight  = 1.2 // Graphviz's line height, in font sizes
)

// edgeLabel puts the lines of an edge's label on a patch of paper, so that it stays
// readable where it lies over a line.
func edgeLabel(lines []string) string {
	return fmt.Sprintf(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="%d" BGCOLOR="%s"><TR><TD>%s</TD></TR></TABLE>`,
		labelPad, paper, escLines(lines))
}

// labelWidth is the width of an edge's label, patch and all, in points.
func labelWidth(lines []string) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, TextWidth(l, labelSize))
	}
	return w + 2*labelPad
}

// tailLabel is the attributes that label an edge to the next card with lines (none when
// there are none): on the edge, centred labelGap plus half its width after the card it
// leaves, so that it covers neither that card's border nor the arrowhead at the other end
// (ranksep leaves the room for both). The edge leaves from a cell inside the card, inset
// points inside its outline (its border). Graphviz puts a tail label given an angle and a
// distance exactly there, the same every time; an external label (xlabel), which it places
// itself, lay over the next card's border and the arrowhead.
func tailLabel(lines []string, inset int) string {
	if len(lines) == 0 {
		return ""
	}
	distance := (float64(inset) + labelGap + labelWidth(lines)/2) / 10 // in Graphviz's units of 10 points
	return fmt.Sprintf(", taillabel=<%s>, labelangle=0, labeldistance=%s", edgeLabel(lines), strconv.FormatFloat(distance, 'f', 2, 64))
}

// labelRoom is the gap between two cards that an edge labelled with lines and drawn pen
// points wide needs: the label, the room on either side of it, and the arrowhead; the edge
// leaves from inset points inside the card it leaves (see tailLabel).
func labelRoom(lines []string, pen float64, inset int) float64 {
	return float64(inset) + labelGap + labelWidth(lines) + labelGap + arrowLength + 2*pen
}

// inches formats points as inches for DOT, rounded up to a hundredth.
func inches(points float64) string {
	return strconv.FormatFloat(math.Ceil(points/72*100)/100, 'f', 2, 64)
}
