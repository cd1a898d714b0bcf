package warehouse

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
)

// TestCoverageRows: skipped rows and implausible times are named by the table and the
// row's identity and time instead of a file and line, in the JSON too, and the warnings
// come in the order of the CSV engine's: the rows', then those of the columns the table
// lacks, by the columns' names.
func TestCoverageRows(t *testing.T) {
	csv := []byte(`user_id,timestamp,event,tp
u1,2024-01-01T10:00:00Z,e,a
,2024-01-01T10:00:00Z,e,a
u2,abc,e,a
u3,1950-01-01T10:00:00Z,e,a
`)
	m := analysistest.NewMap([]string{"a", "b"})
	b := &m.Touchpoints()[1].Events[0]
	b.Where = append(b.Where, journey.Where{Column: "zeta", Values: []string{"1"}}, journey.Where{Column: "alpha", Values: []string{"1"}})
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, csv)
		eo, ao := options{}.prepare(t, m)
		want := csvReport(t, m, db.export(t, table), eo, ao)
		got := compareTable(t, db, m, want, table, eo, ao).Coverage
		var where []string
		for _, p := range append(got.Skipped, got.Warnings[0]) {
			where = append(where, p.Where())
		}
		wantWhere := []string{table + `: user "", time "2024-01-01T10:00:00Z"`, table + `: user "u2", time "abc"`,
			table + `: user "u3", time "1950-01-01T10:00:00Z"`}
		if !slices.Equal(where, wantWhere) {
			t.Errorf("skipped rows and the implausible time are at %q, want %q", where, wantWhere)
		}
		js, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(js); !strings.Contains(s, `{"table":"`+table+`","identity":"u2","time":"abc","message":"unparsable time \"abc\"`) ||
			strings.Contains(s, `"line"`) || strings.Contains(s, `"file"`) {
			t.Errorf("coverage JSON %s: want the table, identity and time of each row, no file or line", s)
		}
		order := []string{"", "alpha", "zeta"} // the implausible time, then the columns by name
		if w, g := lackedColumns(want.Coverage.Warnings), lackedColumns(got.Warnings); !slices.Equal(w, order) || !slices.Equal(g, w) {
			t.Errorf("warnings name columns %q, want the CSV engine's order %q (%q)", g, w, order)
		}
	})
}

// lackedColumns is, per warning, the column it names ("" for none).
func lackedColumns(ps []analysis.RowProblem) []string {
	re := regexp.MustCompile(`column "([^"]*)"`)
	var out []string
	for _, p := range ps {
		m := re.FindStringSubmatch(p.Message)
		out = append(out, "")
		if m != nil {
			out[len(out)-1] = m[1]
		}
	}
	return out
}
