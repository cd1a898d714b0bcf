package output

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
)

// ANSI colour of the text format's moves, beside those of lint_text.go.
const ansiCyan = "\x1b[36m"

// printDiffText writes each diff for a terminal: a summary line, the sides, then the changes
// grouped by stage, each touchpoint's under its name. A sign starts every change: + added,
// - removed, ~ changed, > moved; on a terminal the signs are coloured.
func printDiffText(w io.Writer, r DiffReport, o Options) error {
	b := bufio.NewWriter(w)
	t := textDiff{w: b, color: o.Color}
	if r.Git {
		l := o.Language()
		if len(r.Diffs) == 0 {
			fmt.Fprintln(b, l.NoMapChanged)
		} else {
			fmt.Fprintln(b, t.bold(l.Count(l.MapsChangedF, int64(len(r.Diffs)))))
		}
	}
	for i, d := range r.Diffs {
		if i > 0 || r.Git {
			fmt.Fprintln(b)
		}
		t.l = r.language(i, o)
		t.diff(d)
	}
	return b.Flush()
}

// textDiff writes one diff in the text format.
type textDiff struct {
	w     io.Writer
	l     *lang.Language
	color bool
}

func (t textDiff) diff(d *diff.Diff) {
	head := termEscape(d.MapID()) + ": " + t.l.NoChanges
	if n := len(d.Changes); n > 0 {
		head = fmt.Sprintf("%s: %s (%s)", termEscape(d.MapID()), changeCount(t.l, n), kindCounts(t.l, d.Changes))
	}
	fmt.Fprintln(t.w, t.bold(head))
	old, new := sides(d)
	fmt.Fprintf(t.w, "--- %s\n+++ %s\n", termEscape(old), termEscape(new))
	if note := idsNote(t.l, d, strconv.Quote); note != "" {
		fmt.Fprintln(t.w, note)
	}
	for _, g := range d.Groups() {
		t.group(d, g)
	}
}

// group writes a group's heading, its own records, then each touchpoint's.
func (t textDiff) group(d *diff.Diff, g diff.Group) {
	heading := t.l.MapLevel
	if g.Stage != nil {
		name, id := stageName(g)
		heading = capitalize(t.l.Stage) + " " + named(termEscape(name), termEscape(id))
	}
	fmt.Fprintf(t.w, "\n%s\n", t.bold(heading))
	for _, c := range g.Own {
		t.line("  ", lineOf(t.l, d, c, false, strconv.Quote))
	}
	for _, s := range g.Touchpoints {
		indent := "    "
		if head, ok := subjectHead(s); ok {
			t.line("  ", lineOf(t.l, d, head, true, strconv.Quote))
		} else {
			fmt.Fprintf(t.w, "  %s\n", named(termEscape(s.Touchpoint.Name), termEscape(s.ID)))
		}
		for _, c := range s.Changes {
			if c.Entity == diff.EntityTouchpoint && (c.Kind == diff.Added || c.Kind == diff.Removed) {
				continue
			}
			t.line(indent, lineOf(t.l, d, c, true, strconv.Quote))
		}
	}
}

// line writes one record: its sign, then what changed.
func (t textDiff) line(indent string, ln diffLine) {
	var body string
	switch {
	case ln.kind == diff.Added || ln.kind == diff.Removed:
		body = kindWord(t.l, ln.kind) + ": " + ln.entity
		if ln.arrow {
			body += " →"
		}
		if what := named(termEscape(ln.name), termEscape(ln.id)); what != "" {
			body += " " + what
		}
		if ln.target != "" {
			body += " (" + ln.target + ")"
		}
		for _, f := range ln.facts {
			body += " · " + termEscape(f)
		}
	case ln.kind == diff.Moved:
		body = fmt.Sprintf("%s: %s %s → %s", kindWord(t.l, ln.kind), ln.label, termEscape(ln.old), termEscape(ln.new))
	case ln.list:
		body = t.label(ln) + ": " + listItems(ln.added, ln.removed, func(s string) string { return termEscape(strconv.Quote(s)) })
	default:
		body = fmt.Sprintf("%s: %s → %s", t.label(ln), termEscape(ln.old), termEscape(ln.new))
	}
	fmt.Fprintf(t.w, "%s%s %s\n", indent, t.sign(ln.kind), body)
}

// label is a changed field's label: "emotion", "funnel activation steps".
func (t textDiff) label(ln diffLine) string {
	return fieldPhrase(t.l, ln, ln.prefix, termEscape(ln.of), ln.label)
}

// diffSigns are the marks of the kinds of change and their colours on a terminal.
var diffSigns = map[string]struct{ sign, colour string }{
	diff.Added: {"+", ansiGreen}, diff.Removed: {"-", ansiRed}, diff.Changed: {"~", ansiYellow}, diff.Moved: {">", ansiCyan},
}

// sign is the mark of a kind of change, coloured on a terminal.
func (t textDiff) sign(kind string) string {
	s := diffSigns[kind]
	if t.color {
		return s.colour + s.sign + ansiReset
	}
	return s.sign
}

func (t textDiff) bold(s string) string {
	if t.color {
		return ansiBold + s + ansiReset
	}
	return s
}

// named writes "Name (id)", or the id alone when there is no name or it is the id.
func named(name, id string) string {
	switch {
	case name == "" || name == id:
		return id
	case id == "":
		return name
	}
	return name + " (" + id + ")"
}

// listItems writes the items a list gained and lost: `+ "a", + "b", - "c"`.
func listItems(added, removed []string, quote func(string) string) string {
	var parts []string
	for _, s := range added {
		parts = append(parts, "+ "+quote(s))
	}
	for _, s := range removed {
		parts = append(parts, "- "+quote(s))
	}
	return strings.Join(parts, ", ")
}
