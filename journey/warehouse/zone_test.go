package warehouse

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
)

// zoned returns a database of db's engine whose sessions' time zone is zone: in
// PostgreSQL a database of its own, with ALTER DATABASE ... SET TimeZone as its owner would
// set it; in DuckDB db itself, after SET GLOBAL TimeZone.
func zoned(t *testing.T, db *testDB, zone string) *testDB {
	t.Helper()
	if db.name != "postgres" {
		db.exec(t, "SET GLOBAL TimeZone = "+standardLit(zone))
		return db
	}
	db.exec(t, "DROP DATABASE IF EXISTS zoned")
	db.exec(t, "CREATE DATABASE zoned")
	db.exec(t, "ALTER DATABASE zoned SET TimeZone = "+standardLit(zone))
	u, err := url.Parse(pgURL)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/zoned"
	return openPostgresAt(t, u.String())
}

// TestEqualSessionZone runs a database whose time zone is not UTC: a timestamptz column
// that --by and a where condition compare is the text COPY writes in that zone, in analyze
// --db as in the statement journey sql prints run by another client; the time column is
// the same instant or wall clock whatever its type, and text times without an offset are
// read in UTC or in the zone of --tz.
func TestEqualSessionZone(t *testing.T) {
	csv := []byte(`user_id,timestamp,event,tp,seen
u1,2024-01-01 10:00:00,e,a,2024-01-01 10:00:00+00
u1,2024-01-01 10:05:00,e,b,2024-01-01 10:00:00+00
u2,2024-01-01 10:00:00,e,a,2024-03-01 10:00:00+00
u2,2024-01-01 10:05:00,e,b,2024-03-01 10:00:00+00
u3,2024-01-02 23:30:00,e,a,
`)
	m := analysistest.NewMap([]string{"a", "b"})
	b := &m.Touchpoints()[1].Events[0]
	b.Where = append(b.Where, journey.Where{Column: "seen", Values: []string{"2024-01-01 15:30:00+05:30"}})
	eachDB(t, func(t *testing.T, db *testDB) {
		z := zoned(t, db, "Asia/Kolkata")
		table := tableName(t)
		z.load(t, table, csv)
		for _, typ := range []string{"TEXT", "TIMESTAMPTZ", "TIMESTAMP", "DATE"} {
			typed := table + "_" + strings.ToLower(typ)
			z.exec(t, "DROP TABLE IF EXISTS "+typed)
			z.exec(t, "CREATE TABLE "+typed+" AS SELECT user_id, CAST(timestamp AS "+typ+") AS timestamp, event, tp, CAST(seen AS TIMESTAMPTZ) AS seen FROM "+table)
			export := z.export(t, typed)
			for _, o := range []options{{by: "seen"}, {by: "seen", tz: "America/New_York"}} {
				r := checkTable(t, z, m, export, typed, o)
				if r.Touchpoints[1].Users != 1 {
					t.Errorf("%s time column, --tz %q: b reached by %d users, want u1, whose seen is written 2024-01-01 15:30:00+05:30", typ, o.tz, r.Touchpoints[1].Users)
				}
				if diff := gocmp.Diff(statementReports(t, z, m, typed, o)); diff != "" {
					t.Errorf("%s time column, --tz %q: the statement journey sql prints gives another report (-analyze +sql):\n%s", typ, o.tz, diff)
				}
			}
		}
	})
}

// statementReports are the reports of the statement journey sql --db prints: as analyze
// --db runs it, and as another client runs it, with no settings of journey's.
func statementReports(t *testing.T, db *testDB, m *journey.Map, table string, o options) (analyze, plain *analysis.Report) {
	t.Helper()
	eo, ao := o.prepare(t, m)
	q := &Query{Table: table, Events: eo, Analysis: ao}
	if err := Describe(context.Background(), db.conn, q); err != nil {
		t.Fatal(err)
	}
	stmt, err := Compile(m, q, db.conn.Dialect())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := db.conn.Report(context.Background(), stmt)
	if err != nil {
		t.Fatal(err)
	}
	analyze, plain = &analysis.Report{}, &analysis.Report{}
	if err := errors.Join(json.Unmarshal(raw, analyze), json.Unmarshal(db.query(t, stmt), plain)); err != nil {
		t.Fatal(err)
	}
	return analyze, plain
}
