package format

import (
	"bytes"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// splitEnd splits src before its document end marker: the first line that is `...`, alone
// or before a comment. The YAML parser keeps some comments on that line or after it and
// drops others, so fmt formats body alone and writes end back as it is. In a file that
// parses as one document, a line starting with `...` is that marker (no scalar or
// collection may hold one), and only comments, blank lines and more markers follow it. end
// is nil when src has no marker.
func splitEnd(src []byte) (body, end []byte) {
	for rest, at := src, 0; len(rest) > 0; {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		if isEndMarker(line) {
			return src[:at], src[at:]
		}
		at += len(line) + 1
		rest = next
	}
	return src, nil
}

// isEndMarker reports whether line starts with the document end marker `...`.
func isEndMarker(line []byte) bool {
	after, ok := bytes.CutPrefix(line, []byte("..."))
	return ok && (len(after) == 0 || strings.ContainsRune(" \t\r", rune(after[0])))
}

// endWords returns the comment words of a document's end (splitEnd).
func endWords(end []byte) []string {
	var words []string
	for line := range strings.Lines(string(end)) {
		if _, comment, ok := strings.Cut(line, "#"); ok {
			words = append(words, wordsOf(comment)...)
		}
	}
	return words
}

// withEnd appends to the formatted document out the end of its source, when that holds a
// comment, with line ends and trailing blanks made canonical; an end without comments
// says nothing and is left out.
func withEnd(out, end []byte) []byte {
	if len(endWords(end)) == 0 {
		return out
	}
	var b bytes.Buffer
	b.Write(out)
	for line := range strings.Lines(strings.TrimRight(string(end), " \t\r\n")) {
		b.WriteString(strings.TrimRight(line, " \t\r\n") + "\n")
	}
	return b.Bytes()
}

// fileWords returns the comment words of the file src, sorted: those the parser puts in the
// node tree of its body, and those of its end (splitEnd). ok is false when src is not YAML.
func fileWords(src []byte) (words []string, ok bool) {
	body, end := splitEnd(src)
	var doc, whole yaml.Node
	if yaml.Unmarshal(src, &whole) != nil || yaml.Unmarshal(body, &doc) != nil {
		return nil, false
	}
	words = append(commentWords(&doc), endWords(end)...)
	slices.Sort(words)
	return words, true
}
