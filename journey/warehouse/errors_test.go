package warehouse

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
	"github.com/journey-cx/journey/journey/events"
)

// secret is a password that must never appear in a message.
const secret = "s3cr3t-pw-9f2"

// TestRedact: the password of every form of --db value is hidden, and nothing else.
func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://qa:" + secret + "@127.0.0.1:5432/ev", "postgres://qa:xxxxx@127.0.0.1:5432/ev"},
		{"postgresql://qa@127.0.0.1/ev?sslmode=disable&password=" + secret, "postgresql://qa@127.0.0.1/ev?sslmode=disable&password=xxxxx"},
		{"postgres://qa:p%40ss:" + secret + "@h/ev", "postgres://qa:xxxxx@h/ev"},
		{"postgres://qa@h/ev", "postgres://qa@h/ev"},
		{"postgres://qa:" + secret + "/x@h1,h2/ev", "postgres://qa:xxxxx@h1,h2/ev"},
		{"qa:" + secret + "@127.0.0.1:55434/ev", "qa:xxxxx@127.0.0.1:55434/ev"},
		{"//qa:" + secret + "@h/ev", "//qa:xxxxx@h/ev"},
		{"host=127.0.0.1 user=qa password=" + secret + " dbname=ev", "host=127.0.0.1 user=qa password=xxxxx dbname=ev"},
		{"host=h password = '" + secret + " \\' x' dbname=ev", "host=h password = xxxxx dbname=ev"},
		{"user=qa PASSWORD=ab:" + secret + "@h", "user=qa PASSWORD=xxxxx"},
		{"host=h sslpassword=" + secret, "host=h sslpassword=xxxxx"},
		{"duckdb:/data/ev.duckdb", "duckdb:/data/ev.duckdb"},
		{"localhost/shop", "localhost/shop"},
	} {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOpenRefusesURLs(t *testing.T) {
	for _, u := range []string{"", "localhost/shop", "mysql://me:" + secret + "@localhost/shop", "postgres://me:" + secret + "@[::1/x",
		"host=127.0.0.1 user=qa password=" + secret + " dbname=ev", "qa:" + secret + "@127.0.0.1:55434/ev",
		"user=qa password=ab:" + secret, "host=::1 password='" + secret + "'", "postgres://me@[::1/x?password=" + secret,
		"postgres://me:ab@" + secret + "@127.0.0.1:1/shop?connect_timeout=1"} {
		_, err := Open(context.Background(), u)
		var ue *URLError
		if !errors.As(err, &ue) {
			t.Errorf("Open(%q) = %v, want a URLError", u, err)
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("Open(%q): the message shows the password: %v", u, err)
		}
	}
}

// TestOpenTimesOut connects to a server that accepts and never answers: the error comes
// within the timeout, without the password.
func TestOpenTimesOut(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	start := time.Now()
	_, err = Open(context.Background(), "postgres://me:"+secret+"@"+l.Addr().String()+"/shop?connect_timeout=1&sslmode=disable")
	if err == nil {
		t.Fatal("connected to a server that never answers")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v, want about the 1 s timeout", d)
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("the message shows the password: %v", err)
	}
	var ue *URLError
	var pe *ProblemError
	if errors.As(err, &ue) || errors.As(err, &pe) {
		t.Errorf("a server that does not answer is a failure to read (exit 3), not %T", err)
	}
}

func TestPostgresWrongPassword(t *testing.T) {
	db := openTestPostgres(t)
	db.exec(t, "DROP ROLE IF EXISTS reader")
	db.exec(t, "CREATE ROLE reader LOGIN PASSWORD 'right-password'")
	u := strings.Replace(pgURL, "journey@", "reader:"+secret+"@", 1)
	_, err := Open(context.Background(), u)
	if err == nil {
		t.Fatal("connected with a wrong password")
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("the message shows the password: %v", err)
	}
	if !strings.Contains(err.Error(), "password authentication failed") {
		t.Errorf("message %q does not say what failed", err)
	}
}

// TestTableProblems checks the messages for a missing table or column and a time column of
// the wrong type, and that a table whose name holds a dot is listed as --table takes it.
func TestTableProblems(t *testing.T) {
	m := analysistest.NewMap([]string{"a", "b"})
	eachDB(t, func(t *testing.T, db *testDB) {
		csv, _ := analysistest.CSV("u1: a@0 b@5")
		db.load(t, "events", csv)
		db.load(t, `"ev.ents"`, csv)
		db.exec(t, "DROP TABLE IF EXISTS flags")
		db.exec(t, "CREATE TABLE flags AS SELECT user_id, timestamp = '' AS timestamp, event, tp FROM events")
		tests := []struct {
			table, id, time, want string
		}{
			{"evnts", "", "", `no table or view "evnts" in the database (did you mean "events"?)`},
			{"ev.ents", "", "", `no table or view "ev.ents" in the database (did you mean "\"ev.ents\""? a name that holds a dot is written in double quotes); it has: "ev.ents", events,`},
			{"events", "user", "", `table "events" has no column "user"; its columns: "user_id", "timestamp", "event", "tp", "seg", "x0"`},
			{"events", "", "timestamps", `table "events" has no column "timestamps" (did you mean "timestamp"?)`},
			{"events", "", "time", `table "events" has no column "time"`},
			{"flags", "", "", `table "flags": column "timestamp" has type`},
		}
		for _, tt := range tests {
			eo := events.Options{ID: tt.id, Time: tt.time}
			if err := analysis.Prepare(m, &eo); err != nil {
				t.Fatal(err)
			}
			_, err := Analyze(context.Background(), db.conn, m, &Query{Table: tt.table, Events: eo})
			var pe *ProblemError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("table %q, id %q, time %q: %v; want a ProblemError with %q", tt.table, tt.id, tt.time, err, tt.want)
			}
		}
		eo := events.Options{}
		if err := analysis.Prepare(m, &eo); err != nil {
			t.Fatal(err)
		}
		if r, err := Analyze(context.Background(), db.conn, m, &Query{Table: `"ev.ents"`, Events: eo}); err != nil || r.Input.Mapped != 2 {
			t.Errorf(`table "ev.ents": %v; want its 2 rows`, err)
		}
	})
}

// TestHostileNames runs a table and columns whose names and values hold quotes,
// backslashes and SQL: they are quoted, never spliced, and the numbers are the CSV
// engine's.
func TestHostileNames(t *testing.T) {
	table := `"ev""il'; DROP TABLE victim; --"`
	csv := []byte(`"us""er","ti'me","ev\""","pa; --ge"
u1,2024-01-01T10:00:00Z,"it's \ ""x""","/a'; DROP TABLE victim; --"
u1,2024-01-01T10:05:00Z,"it's \ ""x""",/b
u2,2024-01-01T10:00:00Z,"it's \ ""x""","/a'; DROP TABLE victim; --"
`)
	m := analysistest.NewMap([]string{"a", "b"})
	tps := m.Touchpoints()
	tps[0].Events[0].Event, tps[0].Events[0].Where[0].Column, tps[0].Events[0].Where[0].Values = `it's \ "x"`, "pa; --ge", []string{"/a'; DROP TABLE victim; --"}
	tps[1].Events[0].Event, tps[1].Events[0].Where[0].Column, tps[1].Events[0].Where[0].Values = `it's \ "x"`, "pa; --ge", []string{"/b"}
	eachDB(t, func(t *testing.T, db *testDB) {
		db.exec(t, "DROP TABLE IF EXISTS victim")
		db.exec(t, "CREATE TABLE victim (x INTEGER)")
		eo, ao := options{id: `us"er`}.prepare(t, m)
		eo.Time, eo.Event = "ti'me", `ev\"`
		want := csvReport(t, m, csv, eo, ao)
		db.load(t, table, csv)
		got, err := Analyze(context.Background(), db.conn, m, &Query{Table: table, Events: eo, Analysis: ao})
		if err != nil {
			t.Fatal(err)
		}
		if got.Input.Mapped != 3 || got.Touchpoints[0].Users != want.Touchpoints[0].Users || got.Touchpoints[0].Continued != 1 {
			t.Errorf("input %+v, touchpoint a %+v; want 3 mapped rows, the CSV engine's %+v", got.Input, got.Touchpoints[0], want.Touchpoints[0])
		}
		db.exec(t, "SELECT * FROM victim")
	})
}
