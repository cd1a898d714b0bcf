package warehouse

import (
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
)

// typedColumns are, per database, columns of types whose cast to text is not the text
// their CSV export writes in some engine, each cast from the text column of its name.
var typedColumns = map[string][][2]string{
	"postgres": {{"plan", "CHAR(6)"}, {"ip", "INET"}, {"net", "CIDR"}, {"flag", "BOOLEAN"}, {"n", "NUMERIC(6, 2)"}},
	"duckdb":   {{"plan", "CHAR(6)"}, {"ip", "VARCHAR"}, {"net", "VARCHAR"}, {"flag", "BOOLEAN"}, {"n", "DECIMAL(6, 2)"}},
}

// TestEqualColumnTypes: a where condition and --by compare a column of any type as the
// text its CSV export holds (a char(6) blank-padded, an inet without /32), so that the
// numbers are those of analyze --events on the export.
func TestEqualColumnTypes(t *testing.T) {
	csv := []byte(`user_id,timestamp,event,tp,plan,ip,net,flag,n
u1,2024-01-01T10:00:00Z,e,a,pro,10.0.0.1,10.0.0.0/8,true,1.5
u1,2024-01-01T10:05:00Z,e,b,pro,10.0.0.1,10.0.0.0/8,true,1.5
u2,2024-01-01T10:00:00Z,e,a,basic,10.0.0.2,10.1.0.0/16,false,2
u2,2024-01-01T10:05:00Z,e,b,basic,10.0.0.2,10.1.0.0/16,false,2
u3,2024-01-01T10:00:00Z,e,a,,,,,
u3,2024-01-01T10:05:00Z,e,b,pro,10.0.0.1,10.0.0.0/8,true,1.5
`)
	m := analysistest.NewMap([]string{"a", "b"})
	b := m.Touchpoints()[1]
	// the texts COPY writes in PostgreSQL; where DuckDB's differ, no row matches there
	b.Events = []journey.Matcher{
		{Event: "e", Where: []journey.Where{{Column: "tp", Values: []string{"b"}}, {Column: "ip", Values: []string{"10.0.0.1"}}}},
		{Event: "e", Where: []journey.Where{{Column: "tp", Values: []string{"b"}}, {Column: "plan", Values: []string{"basic "}}}},
	}
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, csv)
		typed := table + "_typed"
		cols := []string{"user_id", "timestamp", "event", "tp"}
		for _, c := range typedColumns[db.name] {
			cols = append(cols, "CAST(NULLIF("+c[0]+", '') AS "+c[1]+") AS "+c[0])
		}
		db.exec(t, "DROP TABLE IF EXISTS "+typed)
		db.exec(t, "CREATE TABLE "+typed+" AS SELECT "+strings.Join(cols, ", ")+" FROM "+table)
		export := db.export(t, typed)
		for _, by := range []string{"", "plan", "ip", "net", "flag", "n"} {
			r := checkTable(t, db, m, export, typed, options{by: by})
			if db.name == "postgres" && by == "" && r.Touchpoints[1].Users != 3 {
				t.Errorf("b reached by %d users, want 3: the where conditions on ip and plan match the text COPY writes", r.Touchpoints[1].Users)
			}
		}
	})
}
