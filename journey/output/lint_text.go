package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/journey-cx/journey/journey"
)

// ANSI escapes of the text format, used only when Options.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiGray   = "\x1b[90m"
)

// utf8BOM is the byte order mark a file may start with. The parser does not count it as a
// column, so the source shown leaves it out too.
var utf8BOM = []byte("\uFEFF")

// printLintText writes each diagnostic as `file:line:col: message [rule]`, followed by the
// source line and a ^~~~ marker under the token it points at, in the manner of actionlint.
// Warnings say so before their message.
func printLintText(w io.Writer, r LintResult, o Options) error {
	bw := bufio.NewWriter(w)
	lines := map[string][][]byte{}
	for _, d := range r.Diagnostics {
		src, ok := lines[d.File]
		if content, known := r.Sources[d.File]; !ok && known {
			src = bytes.Split(bytes.TrimPrefix(content, utf8BOM), []byte("\n"))
			lines[d.File] = src
		}
		writeDiagnostic(bw, d, o.Color)
		if d.Line >= 1 && d.Line <= len(src) && d.Column >= 1 {
			writeSnippet(bw, d, string(bytes.TrimRight(src[d.Line-1], "\r")), o.Color)
		}
	}
	return bw.Flush()
}

func writeDiagnostic(w io.Writer, d journey.Diagnostic, color bool) {
	loc := fmt.Sprintf("%s:%d:%d:", d.File, d.Line, d.Column)
	msg, rule := d.Severity.Prefix()+d.Message, "["+d.Rule+"]"
	if color {
		sev := ansiRed
		if d.Severity == journey.Warning {
			sev = ansiYellow
		}
		loc, msg, rule = ansiBold+loc+ansiReset, sev+msg+ansiReset, ansiGray+rule+ansiReset
	}
	fmt.Fprintf(w, "%s %s %s\n", loc, msg, rule)
}

// Bounds of the source shown for a long line: runes before and after the column.
const (
	snippetBefore = 60
	snippetAfter  = 100
)

// writeSnippet writes the source line, escaped for the terminal and cut around the column
// when long, and the marker under the token at the diagnostic's column.
func writeSnippet(w io.Writer, d journey.Diagnostic, line string, color bool) {
	runes := []rune(line)
	col := min(d.Column-1, len(runes))
	token := tokenLength(runes[col:])
	if len(runes) > snippetBefore+snippetAfter {
		start, end := max(col-snippetBefore, 0), min(col+snippetAfter, len(runes))
		token = min(token, end-col)
		runes, col = runes[start:end], col-start
	}
	gutter := strconv.Itoa(d.Line)
	pad := strings.Repeat(" ", len(gutter))
	marker := "^" + strings.Repeat("~", max(token-1, 0))
	if color {
		marker = ansiGreen + marker + ansiReset
	}
	fmt.Fprintf(w, "%s |\n%s | %s\n%s | %s%s\n", pad, gutter, escapeLine(runes), pad, markerIndent(runes[:col]), marker)
}

// markerIndent returns the blanks that put the marker under the column: tabs where the
// source has tabs, spaces elsewhere.
func markerIndent(before []rune) string {
	var b strings.Builder
	for _, c := range before {
		if c == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteRune(' ')
		}
	}
	return b.String()
}

// escapeLine replaces the characters a terminal would act on or hide (controls,
// bidirectional and zero-width characters, but the joiners of emoji sequences) with U+FFFD,
// keeping columns aligned.
func escapeLine(runes []rune) string {
	var b strings.Builder
	for i, c := range runes {
		if c != '\t' && (unicode.IsControl(c) || unicode.Is(unicode.Cf, c)) && !journey.JoinsEmoji(runes, i) {
			c = unicode.ReplacementChar
		}
		b.WriteRune(c)
	}
	return b.String()
}

// tokenLength returns how many runes the YAML token at the start of rest spans: a quoted
// scalar to its closing quote, a flow collection to its closing bracket, a key to its
// colon, a plain scalar to a comment, a flow indicator or the end of the line.
func tokenLength(rest []rune) int {
	if len(rest) == 0 {
		return 1
	}
	switch rest[0] {
	case '"', '\'':
		return quotedLength(rest)
	case '[', '{':
		return bracketLength(rest)
	case '-':
		if len(rest) == 1 || rest[1] == ' ' {
			return 1 // a sequence item
		}
	}
	n := len(rest)
	for i, c := range rest {
		if (c == ':' && (i+1 == len(rest) || rest[i+1] == ' ')) || (c == '#' && i > 0 && rest[i-1] == ' ') ||
			c == ',' || c == ']' || c == '}' {
			n = i
			break
		}
	}
	for n > 1 && (rest[n-1] == ' ' || rest[n-1] == '\t') {
		n--
	}
	return max(n, 1)
}

// quotedLength returns the length of the quoted scalar at the start of rest (see
// journey.ClosingQuote), or of the rest of the line when it does not close there.
func quotedLength(rest []rune) int {
	if end := journey.ClosingQuote(rest, 0); end >= 0 {
		return end + 1
	}
	return len(rest)
}

// bracketLength returns the length of the balanced flow collection at the start of rest,
// or of the rest of the line when it does not close there.
func bracketLength(rest []rune) int {
	depth := 0
	for i, c := range rest {
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(rest)
}
