package warehouse

import (
	"slices"
	"testing"
)

// TestSplitTable: a --table value is a table or schema.table, a part in double quotes may
// hold dots and doubled quotes, and ShowTable writes every name back the way SplitTable
// reads it.
func TestSplitTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
		err  string
	}{
		{"events", []string{"events"}, ""},
		{"Analytics.Events", []string{"Analytics", "Events"}, ""},
		{`"ev.ents"`, []string{"ev.ents"}, ""},
		{`My Sch."ev.t"`, []string{"My Sch", "ev.t"}, ""},
		{`"a""b"."c"`, []string{`a"b`, "c"}, ""},
		{"a.b.c", nil, `--table "a.b.c": expected TABLE or SCHEMA.TABLE; a name that holds a dot is written in double quotes, like "my.table"`},
		{"", nil, `--table "": a part of the name is empty`},
		{"x.", nil, `--table "x.": a part of the name is empty`},
		{".x", nil, `--table ".x": a part of the name is empty`},
		{`""`, nil, `--table "\"\"": a part of the name is empty`},
		{`x."y`, nil, `--table "x.\"y": a double quote is not closed`},
		{`a"b`, nil, `--table "a\"b": a double quote may only enclose a whole part, like schema."my table"`},
		{`"a"b`, nil, `--table "\"a\"b": a quoted part must be followed by a dot or end the name`},
	} {
		got, err := SplitTable(tc.name)
		if msg := errText(err); msg != tc.err || !slices.Equal(got, tc.want) {
			t.Errorf("SplitTable(%q) = %q, %q; want %q, %q", tc.name, got, msg, tc.want, tc.err)
		}
	}
	for _, parts := range [][2]string{{"", "events"}, {"s", "t"}, {"", "ev.ents"}, {"my.schema", `a"b`}, {"My Sch", "t"}} {
		shown := ShowTable(parts[0], parts[1])
		got, err := SplitTable(shown)
		want := []string{parts[1]}
		if parts[0] != "" {
			want = []string{parts[0], parts[1]}
		}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ShowTable%q = %q, read back as %q, %v", parts, shown, got, err)
		}
	}
}

// errText is err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzSplitTable: any --table value is read or refused without a panic, and the parts of a
// name it reads are written back by ShowTable to the same parts.
func FuzzSplitTable(f *testing.F) {
	for _, s := range []string{"events", "a.b", `"a.b"`, `s."t"`, `"a""b"`, `x."y`, `"a"b`, "", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		parts, err := SplitTable(name)
		if err != nil {
			return
		}
		schema, table := "", parts[len(parts)-1]
		if len(parts) == 2 {
			schema = parts[0]
		}
		if back, err := SplitTable(ShowTable(schema, table)); err != nil || !slices.Equal(back, parts) {
			t.Errorf("%q: parts %q written %q read back as %q, %v", name, parts, ShowTable(schema, table), back, err)
		}
	})
}
