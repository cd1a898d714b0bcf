package render

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRunes caps how much of one text value a picture shows; longer text ends in an ellipsis.
// A picture is not the place for an essay, and the cap keeps layout time bounded.
const maxRunes = 400

// scheme matches a javascript: URL scheme in any case.
var scheme = regexp.MustCompile(`(?i)javascript:`)

// clean makes s safe to show: invalid UTF-8 becomes U+FFFD, control characters become their
// visible Unicode control pictures (so nothing the user wrote disappears silently), bidi
// embedding, override and isolate controls are dropped (they could reorder what is shown),
// text beyond maxRunes is cut with an ellipsis, and a word joiner (invisible) goes between
// "javascript" and ":" so that CheckSVG's ban on that scheme stays absolute. Tabs and newlines become spaces: the
// renderer wraps lines itself.
func clean(s string) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == maxRunes {
			b.WriteRune('…')
			break
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				r = '\uFFFD'
			}
		}
		if r = visible(r); r < 0 {
			continue
		}
		b.WriteRune(r)
		n++
	}
	return scheme.ReplaceAllStringFunc(b.String(), func(s string) string {
		return s[:len(s)-1] + "\u2060:"
	})
}

// visible maps one rune to what is drawn for it, or -1 to drop it.
func visible(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return ' '
	case r < 0x20:
		return 0x2400 + r
	case r == 0x7f:
		return '\u2421'
	case r >= 0x80 && r < 0xa0:
		return '\uFFFD'
	case r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
		return '\uFFFD'
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return -1
	}
	return r
}

// wrap splits s into lines of at most width runes, breaking at spaces; a word longer than
// width is broken with a hyphen (see breakWord). Runs of spaces collapse into one.
func wrap(s string, width int) []string {
	return wrapFit(s, func(line []rune) bool { return len(line) <= width })
}

// wrapPoints splits s into lines that Graphviz sets at most points wide in DejaVu Sans at
// size points (TextWidth), breaking at spaces; a word wider than that is broken with a
// hyphen (see breakWord). Runs of spaces collapse into one.
func wrapPoints(s string, size, points float64) []string {
	return wrapFit(s, func(line []rune) bool { return TextWidth(string(line), size) <= points })
}

// wrapFit splits s into the longest lines that fit, breaking at spaces; a word that does not
// fit on a line of its own is broken (breakWord). Runs of spaces collapse into one.
func wrapFit(s string, fits func(line []rune) bool) []string {
	var lines []string
	var line []rune
	for _, word := range strings.FieldsFunc(s, unicode.IsSpace) {
		w := []rune(word)
		for len(w) > 0 {
			longer := append(append(slices.Clip(line), ' '), w...)
			switch {
			case len(line) == 0 && fits(w):
				line, w = w, nil
			case len(line) > 0 && fits(longer):
				line, w = longer, nil
			case len(line) > 0:
				lines, line = append(lines, string(line)), nil
			default:
				var head []rune
				head, w = breakWord(w, fits)
				lines = append(lines, string(head))
			}
		}
	}
	if len(line) > 0 {
		lines = append(lines, string(line))
	}
	return lines
}

// minFragment is the fewest runes a word broken across lines leaves on either side of the
// break, so that no syllable's tail (the "m" of "polisadministratiesysteem") is left alone.
const minFragment = 3

// breakWord splits a word that does not fit on a line of its own into the line's part and the
// rest: after the last hyphen of the word that leaves the line fitting, else at the most
// runes that fit with a hyphen added, and never with fewer than minFragment runes on either
// side. Only where a line cannot hold that much is the word cut bare, at least one rune a
// line, so that every line still fits.
func breakWord(w []rune, fits func(line []rune) bool) (head, rest []rune) {
	n := 0
	for n < len(w) && fits(append(slices.Clip(w[:n+1]), '-')) {
		n++
	}
	for k := min(n+1, len(w)-minFragment); k > minFragment; k-- {
		if w[k-1] == '-' {
			return w[:k], w[k:]
		}
	}
	if n = min(n, len(w)-minFragment); n >= minFragment {
		return append(slices.Clip(w[:n]), '-'), w[n:]
	}
	n = 1
	for n < len(w) && fits(w[:n+1]) {
		n++
	}
	return w[:n], w[n:]
}

// esc escapes s for a Graphviz HTML-like label: XML escaping for the five special
// characters, and every backslash doubled. Graphviz expands escapes in label text (\N
// becomes the node's name, \G the graph's) and writes \\ as one backslash, so a doubled
// backslash shows as the one the user wrote and no escape is expanded; nothing is added to
// the text a reader sees, copies or searches. (A character reference such as &#92; would
// not do: it is decoded before the escapes are expanded.)
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lines returns s cleaned, wrapped at width runes and escaped, joined by <BR/> tags.
func lines(s string, width int) string {
	return escLines(wrap(clean(s), width))
}

// escLines escapes lines of text and joins them by <BR/> tags.
func escLines(ls []string) string {
	escaped := make([]string, len(ls))
	for i, l := range ls {
		escaped[i] = esc(l)
	}
	return strings.Join(escaped, "<BR/>")
}

// phrase escapes one of the picture's own texts (from the language's words); a "\n" in it
// is a line break.
func phrase(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = esc(l)
	}
	return strings.Join(ls, "<BR/>")
}
