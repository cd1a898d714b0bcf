package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
)

// printDiffMarkdown writes each diff as GitHub-flavoured markdown for a pull-request comment:
// a heading with the number of changes, a line that counts them by kind and names the
// sides, then the changes grouped by stage, each touchpoint's listed under its name. User
// text is escaped: names as text, values and ids as code spans.
func printDiffMarkdown(w io.Writer, r DiffReport, o Options) error {
	b := bufio.NewWriter(w)
	level := "###"
	if r.Git {
		l := o.Language()
		summary := l.NoMapChanged
		if len(r.Diffs) > 0 {
			summary = l.Count(l.MapsChangedF, int64(len(r.Diffs)))
		}
		fmt.Fprintf(b, "### %s\n", capitalize(summary))
		level = "####"
	}
	for i, d := range r.Diffs {
		if i > 0 || r.Git {
			fmt.Fprintln(b)
		}
		md := mdDiff{w: b, l: r.language(i, o)}
		md.diff(d, level)
	}
	return b.Flush()
}

// mdDiff writes one diff in markdown.
type mdDiff struct {
	w io.Writer
	l *lang.Language
}

func (m mdDiff) diff(d *diff.Diff, level string) {
	count := m.l.NoChanges
	if n := len(d.Changes); n > 0 {
		count = changeCount(m.l, n)
	}
	fmt.Fprintf(m.w, "%s %s: %s\n\n", level, fmt.Sprintf(m.l.MapChangesF, mdCode(d.MapID())), count)
	old, new := sides(d)
	sides := mdCode(old) + " → " + mdCode(new)
	if len(d.Changes) > 0 {
		sides = kindCounts(m.l, d.Changes) + " · " + sides
	}
	fmt.Fprintln(m.w, sides)
	if note := idsNote(m.l, d, mdCode); note != "" {
		fmt.Fprintf(m.w, "\n> %s\n", note)
	}
	for _, g := range d.Groups() {
		m.group(d, g)
	}
}

// group writes a group's heading, as a bold line, and its records as a list, each
// touchpoint's records in a list under the touchpoint.
func (m mdDiff) group(d *diff.Diff, g diff.Group) {
	heading := "**" + mdText(m.l.MapLevel) + "**"
	if g.Stage != nil {
		name, id := stageName(g)
		heading = "**" + mdText(capitalize(m.l.Stage)+" "+name) + "** (" + mdCode(id) + ")"
	}
	fmt.Fprintf(m.w, "\n%s\n\n", heading)
	for _, c := range g.Own {
		fmt.Fprintf(m.w, "- %s\n", m.line(lineOf(m.l, d, c, false, plain)))
	}
	for _, s := range g.Touchpoints {
		if head, ok := subjectHead(s); ok {
			fmt.Fprintf(m.w, "- %s\n", m.line(lineOf(m.l, d, head, true, plain)))
		} else {
			fmt.Fprintf(m.w, "- %s\n", mdNamed(s.Touchpoint.Name, s.ID))
		}
		for _, c := range s.Changes {
			if c.Entity == diff.EntityTouchpoint && (c.Kind == diff.Added || c.Kind == diff.Removed) {
				continue
			}
			fmt.Fprintf(m.w, "  - %s\n", m.line(lineOf(m.l, d, c, true, plain)))
		}
	}
}

// line writes one record: the kind of change in bold, then what changed.
func (m mdDiff) line(ln diffLine) string {
	kind := "**" + mdText(kindWord(m.l, ln.kind)) + "**"
	switch {
	case ln.kind == diff.Added || ln.kind == diff.Removed:
		s := kind + " " + mdText(ln.entity)
		if ln.arrow {
			s += " →"
		}
		if ln.name != "" || ln.id != "" {
			s += " " + mdNamed(ln.name, ln.id)
		}
		if ln.target != "" {
			s += " (" + mdText(ln.target) + ")"
		}
		for _, f := range ln.facts {
			s += " · " + mdText(f)
		}
		return s
	case ln.kind == diff.Moved:
		return fmt.Sprintf("%s %s %s → %s", kind, mdText(ln.label), mdCode(ln.old), mdCode(ln.new))
	case ln.list:
		return fmt.Sprintf("%s %s: %s", kind, m.label(ln), m.items(ln))
	}
	return fmt.Sprintf("%s %s: %s → %s", kind, m.label(ln), mdCode(ln.old), mdCode(ln.new))
}

// label is a changed field's label: "`emotion`", "funnel `activation` `steps`".
func (m mdDiff) label(ln diffLine) string {
	return fieldPhrase(m.l, ln, mdText(ln.prefix), mdCode(ln.of), mdCode(ln.label))
}

// items writes what a list gained and lost: "added `a`, `b`; removed `c`".
func (m mdDiff) items(ln diffLine) string {
	var parts []string
	for _, side := range []struct {
		word  string
		items []string
	}{{m.l.Added, ln.added}, {m.l.Removed, ln.removed}} {
		if len(side.items) == 0 {
			continue
		}
		codes := make([]string, len(side.items))
		for i, s := range side.items {
			codes[i] = mdCode(s)
		}
		parts = append(parts, mdText(side.word)+" "+strings.Join(codes, ", "))
	}
	return strings.Join(parts, "; ")
}

// plain leaves text as it is: markdown shows values as code spans, which need no quotes.
func plain(s string) string { return s }

// mdNamed writes a stage or touchpoint as "**Name** (`id`)", or the id alone when it has no
// name of its own.
func mdNamed(name, id string) string {
	switch {
	case name == "" || name == id:
		return mdCode(id)
	case id == "":
		return "**" + mdText(name) + "**"
	}
	return "**" + mdText(name) + "** (" + mdCode(id) + ")"
}

// mdText escapes user text for markdown outside code spans and tables: the characters that
// would start emphasis, code, links, HTML, headings, strikethrough or entities are
// backslash-escaped, and so is a colon that could open an emoji shortcode or a link's scheme
// (one not followed by a space); control characters (line breaks included) are written as
// Go escapes, so the text shows as written and stays on its line.
func mdText(s string) string {
	s = termEscape(s)
	if !strings.ContainsAny(s, mdSpecial+":") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if strings.ContainsRune(mdSpecial, r) || (r == ':' && i+1 < len(rs) && rs[i+1] != ' ') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdSpecial are the characters mdText escapes.
const mdSpecial = "\\`*_[]<>#|~&!"
