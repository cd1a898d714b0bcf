package warehouse

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/simulate"
)

// options are the analyze options of one comparison.
type options struct {
	id, by       string
	window       time.Duration
	since, until string
	tz           string
}

// prepare turns o into reading and analysis options for m, as the command line does.
func (o options) prepare(t *testing.T, m *journey.Map) (events.Options, analysis.Options) {
	t.Helper()
	eo := events.Options{ID: cmp.Or(o.id, m.Identity, events.DefaultID), Time: events.DefaultTime, Event: events.DefaultEvent, By: o.by}
	if o.tz != "" {
		loc, err := time.LoadLocation(o.tz)
		if err != nil {
			t.Fatal(err)
		}
		eo.Location = loc
	}
	for _, x := range []struct {
		v   string
		dst *time.Time
	}{{o.since, &eo.Since}, {o.until, &eo.Until}} {
		if x.v != "" {
			v, err := time.Parse(time.RFC3339, x.v)
			if err != nil {
				t.Fatal(err)
			}
			*x.dst = v
		}
	}
	if err := analysis.Prepare(m, &eo); err != nil {
		t.Fatal(err)
	}
	return eo, analysis.Options{Window: o.window, By: o.by, Identity: eo.ID}
}

// csvReport is the CSV engine's report of a file.
func csvReport(t *testing.T, m *journey.Map, csv []byte, eo events.Options, ao analysis.Options) *analysis.Report {
	t.Helper()
	log, err := events.Read(context.Background(), []events.Source{events.ReaderSource("events.csv", bytes.NewReader(csv))}, eo)
	if err != nil {
		t.Fatal(err)
	}
	return analysis.Analyze(m, log, ao)
}

// checkEqual loads csv into a table of db and checks that the database's report is the
// CSV engine's of the table's export, every number; skipped rows and warnings are compared
// by count, since one names a file and line and the other an identity and time.
func checkEqual(t *testing.T, db *testDB, m *journey.Map, csv []byte, o options) *analysis.Report {
	t.Helper()
	table := tableName(t)
	db.load(t, table, csv)
	return checkTable(t, db, m, db.export(t, table), table, o)
}

// checkTable checks that the database's report over an existing table is the CSV engine's
// report of csv.
func checkTable(t *testing.T, db *testDB, m *journey.Map, csv []byte, table string, o options) *analysis.Report {
	t.Helper()
	eo, ao := o.prepare(t, m)
	return compareTable(t, db, m, csvReport(t, m, csv, eo, ao), table, eo, ao)
}

// compareTable compares the database's report over table with the CSV engine's, want.
func compareTable(t *testing.T, db *testDB, m *journey.Map, want *analysis.Report, table string, eo events.Options, ao analysis.Options) *analysis.Report {
	t.Helper()
	got, err := Analyze(context.Background(), db.conn, m, &Query{Table: table, Events: eo, Analysis: ao})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Coverage.Skipped) != len(got.Coverage.Skipped) || len(want.Coverage.Warnings) != len(got.Coverage.Warnings) {
		t.Errorf("coverage lists %d skipped, %d warnings; want %d, %d", len(got.Coverage.Skipped), len(got.Coverage.Warnings),
			len(want.Coverage.Skipped), len(want.Coverage.Warnings))
	}
	// the messages name files and lines where the database names identities and times
	w, g := *want, *got
	for _, r := range []*analysis.Report{&w, &g} {
		r.Coverage.Skipped = r.Coverage.Skipped[:0:0]
		r.Coverage.Warnings = r.Coverage.Warnings[:0:0]
	}
	if diff := gocmp.Diff(&w, &g); diff != "" {
		t.Errorf("database report differs from the CSV engine's (-csv +database):\n%s", diff)
	}
	return got
}

// loadMap loads a map file.
func loadMap(t *testing.T, path string) *journey.Map {
	t.Helper()
	m, ds, err := journey.Load(path)
	if err != nil || journey.HasErrors(ds, false) {
		t.Fatalf("load %s: %v %v", path, err, ds)
	}
	return m
}

// readFile reads a file, gunzipping a .gz one.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(path) == ".gz" {
		z, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(z); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func TestEqualExamples(t *testing.T) {
	florist := loadMap(t, "../../examples/florist/florist.journey.yaml")
	saas := loadMap(t, "../../examples/saas/trial.journey.yaml")
	floristCSV, saasCSV := readFile(t, "../../examples/florist/events.csv"), readFile(t, "../../examples/saas/events.csv")
	tests := []struct {
		name string
		m    *journey.Map
		csv  []byte
		o    options
	}{
		{"florist", florist, floristCSV, options{}},
		{"florist by source", florist, floristCSV, options{by: "source"}},
		{"florist since until", florist, floristCSV, options{since: "2025-03-10T00:00:00Z", until: "2025-04-20T12:00:00Z"}},
		{"florist window", florist, floristCSV, options{window: 3 * 24 * time.Hour, by: "template"}},
		{"florist tz", florist, floristCSV, options{tz: "Europe/Amsterdam", since: "2025-03-10T00:00:00Z"}},
		{"saas", saas, saasCSV, options{}},
		{"saas by plan", saas, saasCSV, options{by: "utm_source", window: 2 * time.Hour}},
		{"saas since", saas, saasCSV, options{since: "2026-01-20T00:00:00Z"}},
	}
	eachDB(t, func(t *testing.T, db *testDB) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { checkEqual(t, db, tt.m, tt.csv, tt.o) })
		}
	})
}

func TestEqualCliqueBait(t *testing.T) {
	m := loadMap(t, "../../testdata/analysis/cliquebait/cliquebait.journey.yaml")
	csv := readFile(t, "../../testdata/analysis/cliquebait/events.csv.gz")
	eachDB(t, func(t *testing.T, db *testDB) {
		r := checkEqual(t, db, m, csv, options{id: "visit_id"})
		if r.Input.Users != 3564 || r.Goal.Users != 1777 {
			t.Errorf("users %d, goal users %d; want the published 3564 visits, 1777 with a purchase", r.Input.Users, r.Goal.Users)
		}
		checkEqual(t, db, m, csv, options{id: "user_id", by: "page"})
	})
}

// TestEqualFunnelCases runs every funnel rule's table test of the CSV engine through the
// database.
func TestEqualFunnelCases(t *testing.T) {
	eachDB(t, func(t *testing.T, db *testDB) {
		for _, tt := range analysistest.FunnelCases {
			t.Run(tt.Name, func(t *testing.T) {
				m := analysistest.NewMap([]string{"a", "b", "c"}, []string{"d"})
				f := analysistest.AddFunnel(m, "f", tt.Order, tt.Window, tt.Steps...)
				f.Exclude = analysistest.Exclusions(tt.Exclude)
				csv, err := analysistest.CSV(tt.Users...)
				if err != nil {
					t.Fatal(err)
				}
				r := checkEqual(t, db, m, csv, options{})
				var got []int64
				for _, s := range r.Funnels[0].Steps {
					got = append(got, s.Users)
				}
				if diff := gocmp.Diff(tt.Want, got); diff != "" {
					t.Errorf("users per step (-want +got):\n%s", diff)
				}
			})
		}
	})
}

// TestEqualSimulated compares a simulated file of the florist map: 3,000 users by
// default, JOURNEY_WAREHOUSE_USERS users when set (130000 give about a million rows).
func TestEqualSimulated(t *testing.T) {
	users := 3000
	if v := os.Getenv("JOURNEY_WAREHOUSE_USERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatal(err)
		}
		users = n
	}
	m := loadMap(t, "../../examples/florist/florist.journey.yaml")
	var b bytes.Buffer
	stats, err := simulate.Write(&b, m, simulate.Options{Users: users, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows of %d users", stats.Rows, stats.Users)
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, b.Bytes())
		for _, o := range []options{{}, {by: "source", since: "2026-01-12T00:00:00Z", until: "2026-02-10T00:00:00Z", window: 7 * 24 * time.Hour}} {
			checkTable(t, db, m, db.export(t, table), table, o)
		}
	})
}

// TestEqualKPIBounds: a drop-off of 3 users in 10 (1 - 0.7 in floating point) meets
// `max: 0.3` in the database as in the CSV engine.
func TestEqualKPIBounds(t *testing.T) {
	m := analysistest.NewMap([]string{"a", "b"})
	m.Stages[0].Touchpoints[0].KPIs = []journey.KPI{{Metric: analysis.MetricDropoff, Max: ptr(0.3)},
		{Metric: analysis.MetricConversion, Min: ptr(0.7)}, {Metric: analysis.MetricDropoff, Max: ptr(0.29)}}
	csv, err := analysistest.CSV(analysistest.GoOn(10, 7)...)
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, db *testDB) {
		r := checkEqual(t, db, m, csv, options{})
		if len(r.KPIs) != 3 || !r.KPIs[0].OK || !r.KPIs[1].OK || r.KPIs[2].OK {
			t.Errorf("kpis %+v; want the first two met, the third missed", r.KPIs)
		}
	})
}

// ptr returns a pointer to v.
func ptr(v float64) *float64 { return &v }

// TestEqualCenturiesApart: events further apart than an int64 of nanoseconds holds (from
// 1738 to 2055 and 2245), with a touchpoint its own next and a back link: none is within
// another's window, and the database computes the report without overflowing.
func TestEqualCenturiesApart(t *testing.T) {
	m := analysistest.NewMap([]string{"a", "b", "c"})
	m.Stages[0].Touchpoints[2].Next = []string{"c", "a"}
	analysistest.AddFunnel(m, "ordered", journey.Ordered, 0, "a", "b", "c")
	analysistest.AddFunnel(m, "unordered", journey.Unordered, 0, "a", "b", "c")
	csv, err := analysistest.CSV("u1: a@-9000000000 b@1000000000 c@1000000001 c@7000000000 a@7000000001",
		"u2: c@-9000000000 c@1000000000 a@1000000005", "u3: a@0 b@1 c@2")
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, db *testDB) {
		r := checkEqual(t, db, m, csv, options{})
		if got := r.Touchpoints[2].Continued; got != 2 {
			t.Errorf("c continued for %d users, want 2 (u1 and u2, whose c has an a or a c just after)", got)
		}
	})
}

// TestEqualLackedColumn: a where on a column the table lacks matches nothing and is warned
// of, as a column no event file has.
func TestEqualLackedColumn(t *testing.T) {
	m := loadMap(t, "../../examples/florist/florist.journey.yaml")
	csv := readFile(t, "../../examples/florist/events.csv")
	eachDB(t, func(t *testing.T, db *testDB) {
		table := tableName(t)
		db.load(t, table, csv)
		db.exec(t, "ALTER TABLE "+table+" DROP COLUMN source")
		r := checkTable(t, db, m, db.export(t, table), table, options{})
		if n := len(r.Coverage.Warnings); n != 1 || !strings.Contains(r.Coverage.Warnings[0].Message, `no column "source"`) {
			t.Errorf("warnings %+v; want one of the column source", r.Coverage.Warnings)
		}
	})
}

// TestEqualNoEmptySegment: an identity with rows but no mapped one is no user, so in no
// segment: the statement leaves out the (none) segment it would make of it, as the CSV
// engine does, and so does `journey sql`, which prints what the statement computes.
func TestEqualNoEmptySegment(t *testing.T) {
	m := analysistest.NewMap([]string{"a"}, []string{"d"})
	csv := []byte("user_id,timestamp,event,tp,seg\nu1,2026-01-01T00:00:00Z,e,a,x\nu1,2026-01-01T00:01:00Z,e,d,x\nu2,2026-01-01T00:00:00Z,zzz,,\n")
	eachDB(t, func(t *testing.T, db *testDB) {
		r := checkEqual(t, db, m, csv, options{by: "seg"})
		if len(r.Segments) != 1 || r.Segments[0].Value != "x" {
			t.Errorf("segments %+v; want x alone", r.Segments)
		}
	})
}

// TestStorageOrderColumn: a table with a column named as the dialect's storage order
// (DuckDB's rowid) would have its rows at one time taken in that column's order, read as
// text; it is refused, naming the column, while a view of it is read in its own order.
func TestStorageOrderColumn(t *testing.T) {
	eachDB(t, func(t *testing.T, db *testDB) {
		order := db.conn.Dialect().StorageOrder
		if order == "ctid" {
			t.Skip("PostgreSQL has no column named ctid: the system column takes the name")
		}
		table := tableName(t)
		db.load(t, table, []byte("user_id,timestamp,event,"+order+"\nu1,2026-01-01T00:00:00Z,e,2\n"))
		q := &Query{Table: table}
		err := Describe(context.Background(), db.conn, q)
		var problem *ProblemError
		if !errors.As(err, &problem) || !strings.Contains(err.Error(), `has a column named "`+order+`"`) {
			t.Errorf("Describe = %v, want a problem naming the column %s", err, order)
		}
		db.exec(t, "CREATE VIEW "+table+"_v AS SELECT * FROM "+table)
		if err := Describe(context.Background(), db.conn, &Query{Table: table + "_v"}); err != nil {
			t.Errorf("a view of it: %v", err)
		}
	})
}
