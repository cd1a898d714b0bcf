package format

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
	"go.yaml.in/yaml/v3"
)

// Width is the column a list (or a `where` mapping) must end within to be written on one line.
const Width = 80

// Rule is the rule id of the diagnostic Source returns for a map the YAML writer cannot
// format faithfully. The other diagnostics are those of journey.ParseDocument.
const Rule = "yaml-syntax"

// lineFeeds writes every line end as a line feed. The YAML parser takes a carriage return
// alone for a line break too; replacing only CRLF would turn "\r\r\n" into a new CRLF.
var lineFeeds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// maxPasses bounds how often Source formats its own output on the way to a fixed point.
const maxPasses = 4

// Source returns src, the text of the map file named file, in canonical form. When src is not
// one well-formed YAML document it returns nil and diagnostics that say why: such a file must
// not be rewritten. A file holding nothing but comments and blank lines is returned as is.
//
// The YAML encoder places a few comments (after an empty value, for example) differently
// when it reads its own output back, so Source formats its result again until it no longer
// changes: formatting a formatted map is then a no-op. Windows line endings (CRLF), and
// carriage returns alone, are read as line feeds, which the canonical form has: the YAML
// parser loses and moves comments of CRLF text. A %YAML directive is not kept: the encoder
// writes none.
func Source(file string, src []byte) ([]byte, []journey.Diagnostic) {
	src = journey.AsYAML11([]byte(lineFeeds.Replace(string(src))))
	out, diags := pass(file, src)
	for i := 1; i < maxPasses && diags == nil; i++ {
		next, nextDiags := pass(file, out)
		if nextDiags != nil {
			return nil, nextDiags
		}
		if bytes.Equal(next, out) {
			break
		}
		out = next
	}
	return out, diags
}

// pass formats src once. It refuses, rather than return, a result that is not YAML or that
// lost a comment: the encoder gets a few rare constructs wrong (custom tags with comments).
func pass(file string, src []byte) ([]byte, []journey.Diagnostic) {
	doc, diags := journey.ParseDocument(file, src)
	if diags != nil {
		return nil, diags
	}
	if doc == nil {
		return src, nil
	}
	want, ok := fileWords(src)
	body, end := splitEnd(src)
	// Each try lays out a fresh tree of the body. Reordering keys can put an alias before
	// its anchor: keep the author's order then.
	for _, reorder := range []bool{true, false} {
		doc, _ := journey.ParseDocument(file, body)
		if !ok || doc == nil {
			break
		}
		out, err := layoutAndEncode(doc, reorder)
		if out = withEnd(out, end); err == nil && keepsComments(out, want) {
			return out, nil
		}
	}
	return nil, []journey.Diagnostic{{File: file, Line: 1, Column: 1, Rule: Rule,
		Message: "cannot format this file: the YAML writer would lose a comment or write text it cannot read back"}}
}

// layoutAndEncode puts doc in canonical layout (reordering keys when reorder is set) and
// encodes it with two-space indentation.
func layoutAndEncode(doc *yaml.Node, reorder bool) ([]byte, error) {
	restore := hideRunes(doc) // first: the layout measures lists as the encoder writes them
	l := layouter{reorder: reorder}
	for _, n := range doc.Content {
		l.node(n, mapShape, 0, 0)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return trimFolded(restore(b.Bytes())), nil
}

// hideRunes replaces, in the text of doc's scalars, characters the YAML encoder writes
// otherwise than journey's canonical form does by characters of the private use area the
// document does not hold, and returns what puts them back into the encoded text:
//
//   - a character beyond U+FFFF (emoji: 🌷), which the encoder takes for unprintable and
//     writes "\U0001F337" in double quotes, goes back as it is: the encoder writes the
//     stand-in as it is, quoting nothing it would not quote for a letter;
//   - an invisible character that can hide what the text says (journey.HidesText: U+200B,
//     U+202E), which the encoder writes as it is, goes back escaped ("\u200B"), in a scalar
//     written in double quotes, so that the file shows it as lint reports it.
//
// When the private use area is spent, the rest are left to the encoder.
func hideRunes(doc *yaml.Node) func([]byte) []byte {
	used := map[rune]bool{}
	walkNodes(doc, func(n *yaml.Node) {
		for _, r := range n.Value + n.Anchor + n.HeadComment + n.LineComment + n.FootComment {
			used[r] = true
		}
	})
	h := &hider{used: used, next: 0xE000, stand: map[rune]rune{}, back: map[rune]string{}}
	walkNodes(doc, func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			h.scalar(n)
		}
	})
	if len(h.back) == 0 {
		return func(b []byte) []byte { return b }
	}
	return func(b []byte) []byte {
		for s, text := range h.back {
			b = bytes.ReplaceAll(b, []byte(string(s)), []byte(text))
		}
		return b
	}
}

// hider hands out stand-ins: stand maps a character to its stand-in, back a stand-in to
// the text that replaces it in the encoded text.
type hider struct {
	used  map[rune]bool
	next  rune
	stand map[rune]rune
	back  map[rune]string
}

// scalar puts stand-ins into the value of scalar n (see hideRunes).
func (h *hider) scalar(n *yaml.Node) {
	orig := []rune(n.Value)
	text := slices.Clone(orig)
	changed := false
	for i, r := range orig {
		hides := journey.HidesText(orig, i)
		if r <= 0xFFFF && !hides {
			continue
		}
		back := string(r)
		if hides {
			back = fmt.Sprintf(`\u%04X`, r)
		}
		if s, ok := h.standIn(r, back); ok {
			text[i], changed = s, true
			if hides {
				n.Style = yaml.DoubleQuotedStyle
			}
		}
	}
	if changed {
		n.Value = string(text)
	}
}

// standIn returns the stand-in of r, which goes back as back, taking the next unused
// character of the private use area for a character met first; false when it is spent.
func (h *hider) standIn(r rune, back string) (rune, bool) {
	if s, ok := h.stand[r]; ok {
		return s, true
	}
	for h.used[h.next] {
		h.next++
	}
	if h.next > 0xF8FF {
		return 0, false
	}
	s := h.next
	h.next++
	h.stand[r], h.back[s] = s, back
	return s, true
}

// walkNodes calls f on n and every node below it.
func walkNodes(n *yaml.Node, f func(*yaml.Node)) {
	f(n)
	for _, c := range n.Content {
		walkNodes(c, f)
	}
}

// keepsComments reports whether out is well-formed YAML holding the comment words want,
// in its body or its end (splitEnd).
func keepsComments(out []byte, want []string) bool {
	got, ok := fileWords(out)
	return ok && slices.Equal(got, want)
}

// commentWords returns the words of every comment below n, sorted: formatting may move a
// comment (a flow list's line comment goes to its key), but must never lose one.
func commentWords(n *yaml.Node) []string {
	var words []string
	walkNodes(n, func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			words = append(words, wordsOf(c)...)
		}
	})
	slices.Sort(words)
	return words
}

// wordsOf returns the words of comment text, its # marks left out.
func wordsOf(comment string) []string {
	return strings.Fields(strings.ReplaceAll(comment, "#", " "))
}

// layouter sets the key order and the block or flow style of every node.
type layouter struct {
	reorder bool
}

// node lays out n, whose block content starts at column block and whose one-line form
// would start at column inline.
func (l layouter) node(n *yaml.Node, s *shape, block, inline int) {
	switch n.Kind {
	case yaml.MappingNode:
		l.mapping(n, s, block, inline)
	case yaml.SequenceNode:
		for _, item := range n.Content {
			l.node(item, s, block+2, block+2)
			liftHeadComment(item)
			if blockLineComment(item) {
				first := firstScalar(item)
				first.LineComment = joinLine(first.LineComment, item.LineComment)
				item.LineComment = ""
			}
		}
		setFlow(n, flowEligible(n) && fits(n, inline))
	case yaml.ScalarNode:
		keepText(n)
	}
}

// liftHeadComment moves the head comment of the first key (or item) of item, a block
// collection in a list, above the item's dash: the encoder would write it on the dash's
// line (`- # note`), and the key's text on the line below. Above the dash it reads as the
// comment of the item and its first key, and the parser gives it back to the item, so the
// layout is stable.
func liftHeadComment(item *yaml.Node) {
	if !isBlock(item) || len(item.Content) == 0 {
		return
	}
	first := item.Content[0]
	if first.HeadComment == "" {
		return
	}
	if item.HeadComment != "" {
		first.HeadComment = joinComments(item.HeadComment, first.HeadComment)
	}
	item.HeadComment, first.HeadComment = first.HeadComment, ""
}

// keepText makes sure the encoder writes the block scalar n back with its text. It writes
// a folded scalar (>) that has more-indented lines, or keeps trailing blank lines, with
// blank lines the author did not write, and more on every pass; such a scalar is written
// literal (|) instead, or double-quoted should that not give its text back either. A
// literal scalar whose first line starts with a tab (read with an indentation indicator,
// |2) it writes without one, which no reader takes back: that one is written double-quoted.
func keepText(n *yaml.Node) {
	const block = yaml.FoldedStyle | yaml.LiteralStyle
	if n.Style&block == 0 || writesBack(n) {
		return
	}
	styles := []yaml.Style{yaml.LiteralStyle, yaml.DoubleQuotedStyle}
	if n.Style&yaml.LiteralStyle != 0 {
		styles = styles[1:]
	}
	for _, style := range styles {
		n.Style = n.Style&^block | style
		if writesBack(n) {
			return
		}
		n.Style &^= style
	}
}

// writesBack reports whether the scalar n, written as a value in a mapping, reads back as
// the same text.
func writesBack(n *yaml.Node) bool {
	scalar := &yaml.Node{Kind: yaml.ScalarNode, Style: n.Style, Tag: n.Tag, Value: n.Value}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "k"}, scalar}}
	out, err := yaml.Marshal(doc)
	var back map[string]string
	return err == nil && yaml.Unmarshal(out, &back) == nil && back["k"] == n.Value
}

// mapping lays out a mapping: known keys in canonical order, block style except for short
// `where` conditions.
func (l layouter) mapping(n *yaml.Node, s *shape, block, inline int) {
	if l.reorder && s != nil && !s.flow {
		sortPairs(n, s)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		l.node(value, s.child(key.Value), block+2, block+textWidth(key.Value)+2)
		switch {
		case blockLineComment(value):
			key.LineComment = joinLine(key.LineComment, value.LineComment)
			value.LineComment = ""
		case key.LineComment != "" && !isBlock(value):
			// The value shares the key's line, and the encoder writes only its comment.
			value.LineComment = joinLine(key.LineComment, value.LineComment)
			key.LineComment = ""
		}
	}
	setFlow(n, s != nil && s.flow && flowEligible(n) && fits(n, inline))
}

// sortPairs orders the key/value pairs of n by the shape's key order, unknown keys last in
// their original order. The comment above the first key stays at the top of the mapping,
// the one after the last key at its end.
func sortPairs(n *yaml.Node, s *shape) {
	type pair struct{ key, value *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	if len(pairs) == 0 {
		return
	}
	first, last := pairs[0].key, pairs[len(pairs)-1].key
	slices.SortStableFunc(pairs, func(a, b pair) int {
		return cmp.Compare(s.rank(a.key.Value), s.rank(b.key.Value))
	})
	if newFirst := pairs[0].key; newFirst != first && first.HeadComment != "" {
		newFirst.HeadComment = joinComments(first.HeadComment, newFirst.HeadComment)
		first.HeadComment = ""
	}
	// The comment after the last pair closes the mapping (the file, at the top): it stays
	// last, after whichever pair comes last now.
	if newLast := pairs[len(pairs)-1].key; newLast != last && last.FootComment != "" {
		newLast.FootComment = joinComments(newLast.FootComment, last.FootComment)
		last.FootComment = ""
	}
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.key, p.value)
	}
}

// blockLineComment reports whether n is a block collection with a line comment: written
// in flow style, `{id: a} # note`, the comment followed it on its line; in block style the
// encoder would put it on a later line, so it moves to the key or first scalar instead.
func blockLineComment(n *yaml.Node) bool {
	return isBlock(n) && n.LineComment != ""
}

// isBlock reports whether n is a collection written in block style, over several lines.
func isBlock(n *yaml.Node) bool {
	collection := n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode
	return collection && n.Style&yaml.FlowStyle == 0
}

// joinLine joins two line comments into one, either of which may be empty.
func joinLine(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// firstScalar returns the first scalar written in n: n itself, or the first key or item
// of a collection, searched depth first. Block collections are never empty.
func firstScalar(n *yaml.Node) *yaml.Node {
	for n.Kind != yaml.ScalarNode && n.Kind != yaml.AliasNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	return n
}

func joinComments(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n" + b
}
