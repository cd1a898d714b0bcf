package format

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// setFlow gives n the flow style ([a, b] or {k: v}) when flow is set, the block style
// otherwise. Empty collections are always written in flow style.
func setFlow(n *yaml.Node, flow bool) {
	if flow || len(n.Content) == 0 {
		n.Style |= yaml.FlowStyle
		return
	}
	n.Style &^= yaml.FlowStyle
}

// flowEligible reports whether n may be written on one line: it holds only one-line
// scalars (or, in a mapping, lists of them) and no comments.
func flowEligible(n *yaml.Node) bool {
	for _, c := range n.Content {
		if hasComment(c) {
			return false
		}
		switch {
		case c.Kind == yaml.ScalarNode && oneLine(c):
		case n.Kind == yaml.MappingNode && c.Kind == yaml.SequenceNode && flowEligible(c):
		default:
			return false
		}
	}
	return true
}

func hasComment(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != ""
}

// oneLine reports whether a scalar is written on one line.
func oneLine(n *yaml.Node) bool {
	return n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !strings.ContainsAny(n.Value, "\n\r")
}

// fits reports whether n, written on one line from column start, ends within Width.
func fits(n *yaml.Node, start int) bool {
	if len(n.Content) == 0 {
		return true
	}
	text, ok := flowText(n)
	return ok && start+textWidth(text) <= Width
}

// flowText returns the one-line form of n, and false when the encoder would need more lines.
func flowText(n *yaml.Node) (string, bool) {
	c := *n
	c.Style |= yaml.FlowStyle
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	out, err := yaml.Marshal(&c)
	if err != nil {
		return "", false
	}
	text := strings.TrimSuffix(string(out), "\n")
	return text, !strings.Contains(text, "\n")
}

// textWidth is the number of columns text takes, counted in runes.
func textWidth(text string) int { return utf8.RuneCountInString(text) }
