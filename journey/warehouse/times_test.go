package warehouse

import (
	"bytes"
	csvpkg "encoding/csv"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
)

// messyTimes are time cells of every form SPEC section 2 accepts, and of many it does not.
var messyTimes = []string{
	"2024-01-01T10:00:00Z", "2024-01-01 10:00:00.123456789", "2024-01-01T10:00:00,5+02:00",
	"2024-01-01T10:00:00.5-0330", "2024-01-01t10:00:00z", "2024-01-01", "2024-02-29T10:00:00Z",
	"2024-01-01T10:00:00.1234567891234+01", "1700000000", "1700000000123", "1700000000123456",
	"1700000000123456789", "1700000000.5", "1700000000,25", "1700000000123.4567", "99999999999",
	"1969-12-31T23:59:59.5Z", "1800-01-01", "2101-01-01", "2024-03-31 02:30:00", "2024-10-27 02:30:00",
	"2024-03-31 01:59:59", "2024-10-27 03:00:00",
	// skipped: out of range, then unparsable
	"12345678901234567890", "9223372036854775808", "2024-13-01", "2023-02-29", "2024-02-30T10:00:00Z",
	"2024-01-01T24:00:00Z", "2024-01-01T10:60:00Z", "2024-01-01T10:00:00+24:00", "9999-12-31T23:59:59Z",
	"2024-13-01T10:00:00.5.5", "2024-01-01T10:00:00+1", "2024-01-01T10:00:00.", "2024-01-01T10:00:00.Z",
	"2024-01-01 10:00", "2024-01-01T10:00:00.5.5", "abc", "", " 2024-01-01", "1e9", "-5", "1700000000.",
	"1700000000.5x", "2024-01-01X10:00:00", "２０２４-01-01",
}

// TestEqualMessyTimes compares every time form, skipped rows and empty identities with the
// CSV engine, in UTC and in a zone with daylight saving (a gap and an overlap).
func TestEqualMessyTimes(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,tp\n")
	for i, cell := range messyTimes {
		id := []string{"u1", "u2", "u3", ""}[i%4]
		tp := []string{"a", "b"}[i%2]
		b.WriteString(id + ",\"" + cell + "\",e," + tp + "\n")
	}
	m := analysistest.NewMap([]string{"a", "b"})
	eachDB(t, func(t *testing.T, db *testDB) {
		for _, o := range []options{{}, {tz: "Europe/Amsterdam"}, {tz: "America/St_Johns", since: "2000-01-01T00:00:00Z"}} {
			t.Run(o.tz, func(t *testing.T) {
				r := checkEqual(t, db, m, []byte(b.String()), o)
				if r.Input.Skipped < 20 || r.Input.Mapped < 15 {
					t.Errorf("input %+v: want most cells read and most rubbish skipped", r.Input)
				}
			})
		}
	})
}

// TestEqualTypedTimes checks the native time types: timestamptz, timestamp (UTC, or the
// zone of --tz) and date give the numbers of the same rows as text.
func TestEqualTypedTimes(t *testing.T) {
	m := loadMap(t, "../../examples/florist/florist.journey.yaml")
	csv := readFile(t, "../../examples/florist/events.csv")
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, csv)
		for _, typ := range []struct{ name, cast string }{{"tstz", "TIMESTAMP WITH TIME ZONE"}, {"ts", "TIMESTAMP"}} {
			typed := table + "_" + typ.name
			db.exec(t, "DROP TABLE IF EXISTS "+typed)
			db.exec(t, "CREATE TABLE "+typed+" AS SELECT klant_id, CAST(replace(replace(timestamp, 'T', ' '), 'Z', '') AS "+typ.cast+") AS timestamp, event, page, source, template, topic, repeat FROM "+table)
			// Times no instant reads (NULL, infinity, a year beyond int64 nanoseconds) and
			// implausible ones, which messages name by their text.
			for _, v := range []string{"NULL", "'infinity'", "'200000-01-01 00:00:00'", "'2200-05-01 10:00:00'", "'1950-05-01 10:00:00'"} {
				db.exec(t, "INSERT INTO "+typed+" (klant_id, timestamp, event) VALUES ('k-odd', CAST("+v+" AS "+typ.cast+"), 'login')")
			}
			export := db.export(t, typed)
			for _, o := range []options{{}, {by: "source", since: "2025-03-01T00:00:00Z"}} {
				checkTable(t, db, m, export, typed, o)
			}
		}
	})
}

// TestEqualView reads the events through a view, in a schema: a view has no storage order,
// so its rows are taken in the order it returns them.
func TestEqualView(t *testing.T) {
	m := loadMap(t, "../../examples/saas/trial.journey.yaml")
	csv := readFile(t, "../../examples/saas/events.csv")
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, csv)
		db.exec(t, "CREATE SCHEMA IF NOT EXISTS analytics")
		db.exec(t, "CREATE OR REPLACE VIEW analytics.events AS SELECT * FROM "+table)
		checkTable(t, db, m, csv, "analytics.events", options{by: "plan"})
	})
}

// TestEqualDates checks a date column: midnight in UTC, or in the zone of --tz, as the
// same dates written as text.
func TestEqualDates(t *testing.T) {
	m := loadMap(t, "../../examples/florist/florist.journey.yaml")
	rows, err := csvpkg.NewReader(bytes.NewReader(readFile(t, "../../examples/florist/events.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csvpkg.NewWriter(&b)
	for i, r := range rows {
		if i > 0 {
			r[1] = r[1][:10]
		}
		_ = w.Write(r)
	}
	w.Flush()
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, b.Bytes())
		db.exec(t, "DROP TABLE IF EXISTS "+table+"_d")
		db.exec(t, "CREATE TABLE "+table+"_d AS SELECT klant_id, CAST(timestamp AS DATE) AS timestamp, event, page, source, template, topic, repeat FROM "+table)
		for _, o := range []options{{}, {tz: "America/New_York", by: "source"}} {
			checkTable(t, db, m, b.Bytes(), table+"_d", o)
		}
	})
}

// TestEqualNanoTimes reads a DuckDB TIMESTAMP_NS time column to the nanosecond, as its
// export writes it: rows a few hundred nanoseconds apart (before 1970 too) are in time order,
// not tied at their microsecond, with and without --tz.
func TestEqualNanoTimes(t *testing.T) {
	m := analysistest.NewMap([]string{"a", "b"})
	analysistest.AddFunnel(m, "f", journey.Ordered, 0, "b", "a")
	eachDB(t, func(t *testing.T, db *testDB) {
		if db.name != "duckdb" {
			t.Skip("only DuckDB has a timestamp type that holds nanoseconds")
		}
		table := tableName(t)
		db.exec(t, "DROP TABLE IF EXISTS "+table)
		db.exec(t, "CREATE TABLE "+table+" (user_id VARCHAR, timestamp TIMESTAMP_NS, event VARCHAR, tp VARCHAR)")
		db.exec(t, "INSERT INTO "+table+" VALUES "+
			"('u1', '2024-06-01 00:00:00.000000900', 'e', 'a'), ('u1', '2024-06-01 00:00:00.000000100', 'e', 'b'), "+
			"('u1', '2024-06-01 00:00:01.123456789', 'e', 'b'), ('u2', '1969-12-31 23:59:59.999999999', 'e', 'a'), "+
			"('u2', '1969-12-31 23:59:59.999999001', 'e', 'b')")
		export := db.export(t, table)
		for _, o := range []options{{}, {tz: "Europe/Amsterdam"}} {
			r := checkTable(t, db, m, export, table, o)
			if got := r.Funnels[0].Steps[1].Users; got != 2 {
				t.Errorf("%+v: %d users reach a after b, want 2 (b is before a by nanoseconds)", o, got)
			}
		}
	})
}
