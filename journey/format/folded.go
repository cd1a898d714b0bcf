package format

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// trimFolded removes the empty lines the encoder writes after the text of a folded block
// scalar (>) that ends with one line break, the default (clip) chomping: it writes such a
// text with a blank line below it, which reads back as the same text, since clipping drops
// trailing blank lines, but is a blank line the author did not write. Blank lines between
// keys are not kept elsewhere either. out is returned as it is when it is not YAML.
func trimFolded(out []byte) []byte {
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil {
		return out
	}
	lines := strings.SplitAfter(string(out), "\n")
	drop := map[int]bool{}
	walkNodes(&doc, func(n *yaml.Node) {
		if clipFolded(n, lines) {
			for _, i := range trailingEmpty(lines, n.Line) {
				drop[i] = true
			}
		}
	})
	if len(drop) == 0 {
		return out
	}
	var b bytes.Buffer
	for i, line := range lines {
		if !drop[i] {
			b.WriteString(line)
		}
	}
	return b.Bytes()
}

// clipFolded reports whether n is a folded scalar with one final line break whose header,
// on line n.Line of lines, is a bare `>` (maybe followed by n's comment): no chomping
// indicator, which would make trailing blank lines count, and no indentation indicator,
// which trailingEmpty does not read.
func clipFolded(n *yaml.Node, lines []string) bool {
	if n.Kind != yaml.ScalarNode || n.Style&yaml.FoldedStyle == 0 || n.Line < 1 || n.Line > len(lines) {
		return false
	}
	if !strings.HasSuffix(n.Value, "\n") || strings.HasSuffix(n.Value, "\n\n") {
		return false
	}
	header := strings.TrimSuffix(strings.TrimSuffix(lines[n.Line-1], "\n"), n.LineComment)
	return strings.HasSuffix(strings.TrimRight(header, " "), ">")
}

// trailingEmpty returns the indexes in lines of the empty lines that end the block scalar
// whose header is on line header (counted from 1): those after its last line of text. The
// block's indentation is that of its first line of text; it ends before the first line of
// text indented less.
func trailingEmpty(lines []string, header int) []int {
	indent, last := -1, header-1
	for i := header; i < len(lines); i++ {
		text := strings.TrimRight(lines[i], "\n")
		body := strings.TrimLeft(text, " ")
		if body == "" {
			continue
		}
		if lead := len(text) - len(body); indent < 0 {
			indent = lead
		} else if lead < indent {
			break
		}
		last = i
	}
	var empty []int
	for i := last + 1; i < len(lines) && lines[i] == "\n"; i++ {
		empty = append(empty, i)
	}
	return empty
}
