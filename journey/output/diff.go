package output

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
)

// DiffReport is what one `journey diff` run prints: one diff, or with --git one per map
// file that changed.
type DiffReport struct {
	// Diffs are the diffs to print, sorted by path under --git.
	Diffs []*diff.Diff
	// Git is set for `journey diff --git`: JSON writes a list, and the formats for people
	// say how many map files changed.
	Git bool
	// Langs is the language of each diff for the formats for people (nil: Options.Lang);
	// Options.Lang is the language of what is said about all of them.
	Langs []*lang.Language
	// Unchanged are the maps --git compared that changed in their text only (a comment,
	// the layout): not printed, but what is said about all maps is in the language that
	// they share with the diffs.
	Unchanged []*journey.Map
}

// Diff holds the printers of map diffs; "text" is the default.
var Diff Registry[DiffReport]

func init() {
	Diff.Register("text", printDiffText)
	Diff.Register("markdown", printDiffMarkdown)
	Diff.Register("json", printDiffJSON)
}

// language returns the language of the i-th diff.
func (r DiffReport) language(i int, o Options) *lang.Language {
	if i < len(r.Langs) && r.Langs[i] != nil {
		return r.Langs[i]
	}
	return o.Language()
}

// changeCount is "1 change" or "14 changes".
func changeCount(l *lang.Language, n int) string { return l.Count(l.ChangesF, int64(n)) }

// kindCounts is "4 added, 3 removed, 5 changed, 2 moved", leaving out the kinds with none.
func kindCounts(l *lang.Language, cs []diff.Change) string {
	n := map[string]int{}
	for _, c := range cs {
		n[c.Kind]++
	}
	var parts []string
	for _, k := range []struct{ kind, word string }{{diff.Added, l.Added}, {diff.Removed, l.Removed},
		{diff.Changed, l.ChangedKind}, {diff.Moved, l.Moved}} {
		if n[k.kind] > 0 {
			parts = append(parts, l.Int(int64(n[k.kind]))+" "+k.word)
		}
	}
	return strings.Join(parts, ", ")
}

// kindWord is the word of a kind of change.
func kindWord(l *lang.Language, kind string) string {
	switch kind {
	case diff.Added:
		return l.Added
	case diff.Removed:
		return l.Removed
	case diff.Moved:
		return l.Moved
	}
	return l.ChangedKind
}

// entityWord is the word of an entity kind.
func entityWord(l *lang.Language, entity string) string {
	return map[string]string{diff.EntityMap: l.Map, diff.EntityPersona: l.Persona, diff.EntityStage: l.Stage,
		diff.EntityTouchpoint: l.Touchpoint, diff.EntityEdge: l.Flow, diff.EntityFunnel: l.Funnel, diff.EntityKPI: l.KPI}[entity]
}

// idsNote is the note that the two maps of d have different ids, or "".
func idsNote(l *lang.Language, d *diff.Diff, quote func(string) string) string {
	if !d.IDsDiffer() {
		return ""
	}
	return fmt.Sprintf(l.IDsDifferF, quote(d.OldMap.ID), quote(d.NewMap.ID))
}

// valueText writes a record's value for people: text through quote, numbers in the
// language's format, emotions with their sign, lists of ids and event matchers as the map
// writes them.
func valueText(l *lang.Language, field string, v any, quote func(string) string) string {
	switch v := v.(type) {
	case nil:
		return l.None
	case string:
		if field == "window" || field == "duration" || field == "order" || field == "stage" {
			return v
		}
		return quote(v)
	case int:
		if field == "emotion" && v > 0 {
			return "+" + strconv.Itoa(v)
		}
		return strconv.Itoa(v)
	case float64:
		return l.Float(v, -1)
	case bool:
		return strconv.FormatBool(v)
	case []string:
		return "[" + strings.Join(v, ", ") + "]"
	case []map[string]any:
		return matchersText(v)
	}
	return fmt.Sprint(v)
}

// matchersText writes event matchers (or exclusions) on one line: `view {page: [/a, /b]}`,
// separated by "; ".
func matchersText(ms []map[string]any) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		s := fmt.Sprint(m["event"])
		if where, ok := m["where"].(map[string]any); ok && len(where) > 0 {
			s += " {" + whereText(where) + "}"
		}
		if b, ok := m["between"].([]int); ok {
			s += fmt.Sprintf(" between: [%d, %d]", b[0], b[1])
		}
		parts[i] = s
	}
	return strings.Join(parts, "; ")
}

// whereText writes a matcher's columns in order: `page: [/a, /b], source: linkedin`.
func whereText(where map[string]any) string {
	cols := make([]string, 0, len(where))
	for c := range where {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	for i, c := range cols {
		v := fmt.Sprint(where[c])
		if list, ok := where[c].([]string); ok {
			v = "[" + strings.Join(list, ", ") + "]"
		}
		cols[i] = c + ": " + v
	}
	return strings.Join(cols, ", ")
}

// KPIBounds writes the target of the KPI id (TOUCHPOINT/METRIC) in m as a change names it,
// "min 0.3, max 0.9", or "" when m has none: journey diff and the picture of a change name
// an added or removed KPI target with it.
func KPIBounds(l *lang.Language, m *journey.Map, id string) string {
	if m == nil {
		return ""
	}
	tp, metric, _ := strings.Cut(id, "/")
	t := m.Touchpoint(tp)
	if t == nil {
		return ""
	}
	for _, k := range t.KPIs {
		if k.Metric != metric {
			continue
		}
		var parts []string
		if k.Min != nil {
			parts = append(parts, "min "+boundText(l, metric, *k.Min))
		}
		if k.Max != nil {
			parts = append(parts, "max "+boundText(l, metric, *k.Max))
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// boundText writes a KPI bound of metric: a duration as maps write it (2h, 90m) for
// median_time_to_next, whose bounds are seconds, else a number in the language's format.
func boundText(l *lang.Language, metric string, v float64) string {
	if metric == analysis.MetricMedianTimeToNext {
		return journey.FormatDuration(v)
	}
	return l.Float(v, -1)
}

// sides returns the names of a diff's old and new map for people: /dev/null, as git writes
// it, for the side of a map that was added or removed.
func sides(d *diff.Diff) (old, new string) {
	old, new = d.Old, d.New
	if d.OldMap == nil {
		old = "/dev/null"
	}
	if d.NewMap == nil {
		new = "/dev/null"
	}
	return old, new
}
