package journey

import (
	"bytes"
	"slices"

	"go.yaml.in/yaml/v3"
)

// invisibleAt is an invisible character and where the source holds it.
type invisibleAt struct {
	r   rune
	pos Pos
}

// checkInvisible warns of the invisible characters of scalar n. In a block text (| or >)
// each is reported on the line and column where it stands, once per kind and line; what
// cannot be placed so, and every kind in other scalars (whose escapes, like "\u200B",
// hold no such character in the source), is reported at the scalar.
func (c *treeChecker) checkInvisible(n *yaml.Node) {
	kinds := invisibleKinds([]rune(n.Value))
	if len(kinds) == 0 {
		return
	}
	var placed []rune
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		for _, at := range blockInvisibles(c.sourceLines(), n.Line) {
			c.diags = append(c.diags, invisibleDiag(c.file, at.pos, at.r))
			placed = append(placed, at.r)
		}
	}
	for _, r := range kinds {
		if !slices.Contains(placed, r) {
			c.diags = append(c.diags, invisibleDiag(c.file, nodePos(n), r))
		}
	}
}

// sourceLines returns the lines of the source, split the first time they are asked for: only
// a block text with an invisible character needs them.
func (c *treeChecker) sourceLines() [][]byte {
	if c.lines == nil {
		c.lines = bytes.Split(c.src, []byte("\n"))
	}
	return c.lines
}

func invisibleDiag(file string, pos Pos, r rune) Diagnostic {
	return ruleInvisibleCharacter.diag(file, pos, "text holds the invisible character %U, which can make it read differently than it is", r)
}

// invisibleKinds returns the invisible characters of text, each kind once, in the order
// they first appear.
func invisibleKinds(text []rune) []rune {
	var kinds []rune
	for _, i := range firstInvisibles(text) {
		kinds = append(kinds, text[i])
	}
	return kinds
}

// firstInvisibles returns the index of the first invisible character of each kind in text,
// leaving out the joiners of emoji sequences (see JoinsEmoji).
func firstInvisibles(text []rune) []int {
	var at []int
	seen := map[rune]bool{}
	for i, r := range text {
		if isInvisible(r) && !seen[r] && !JoinsEmoji(text, i) {
			seen[r] = true
			at = append(at, i)
		}
	}
	return at
}

// blockInvisibles finds the invisible characters in the lines of the block text whose
// header (| or >) is on 1-based line header. The text's lines are those after the header
// indented at least as far as its first non-blank line, blank lines among them; the first
// less indented line ends it.
func blockInvisibles(lines [][]byte, header int) []invisibleAt {
	var out []invisibleAt
	indent := -1
	for l := header + 1; l <= len(lines); l++ {
		line := []rune(string(bytes.TrimRight(lines[l-1], "\r")))
		lead := leadingSpaces(line)
		if lead == len(line) {
			continue
		}
		if indent < 0 {
			indent = lead
		}
		if lead < indent {
			break
		}
		out = append(out, lineInvisibles(line, l)...)
	}
	return out
}

// lineInvisibles returns the invisible characters of the source line l, each kind once at
// its first column.
func lineInvisibles(line []rune, l int) []invisibleAt {
	var out []invisibleAt
	for _, i := range firstInvisibles(line) {
		out = append(out, invisibleAt{r: line[i], pos: Pos{Line: l, Column: i + 1}})
	}
	return out
}

// leadingSpaces counts the spaces that start line.
func leadingSpaces(line []rune) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}
