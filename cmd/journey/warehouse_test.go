package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/journey-cx/journey/internal/pgtest"
)

var (
	pgOnce sync.Once
	pgURL  string
	pgErr  error
)

// testPostgres returns the URL of a throwaway server holding the florist example's events
// in the table florist, started once for the package's tests; it skips when no server
// can be started.
func testPostgres(t *testing.T) string {
	t.Helper()
	pgOnce.Do(func() {
		var stop func()
		if pgURL, stop, pgErr = pgtest.Start(); pgErr != nil {
			return
		}
		stopAtExit = append(stopAtExit, stop)
		pgErr = loadFlorist(pgURL)
	})
	if pgErr != nil {
		t.Skip("no PostgreSQL server for the tests: " + pgErr.Error())
	}
	return pgURL
}

// stopAtExit are the servers TestMain stops after the tests.
var stopAtExit []func()

func loadFlorist(url string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	csv, err := os.ReadFile("../../examples/florist/events.csv")
	if err != nil {
		return err
	}
	head, _, _ := bytes.Cut(csv, []byte("\n"))
	cols := strings.ReplaceAll(string(head), ",", " text, ") + " text"
	if _, err := conn.Exec(ctx, "CREATE TABLE florist ("+cols+")"); err != nil {
		return err
	}
	_, err = conn.PgConn().CopyFrom(ctx, bytes.NewReader(csv), "COPY florist FROM STDIN (FORMAT csv, HEADER true)")
	return err
}

// runJourney runs the command line in-process and returns its output and exit code.
func runJourney(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// TestAnalyzeDB checks that analyze and render with --db give exactly what they give with
// --events on the same rows, in every output format.
func TestAnalyzeDB(t *testing.T) {
	url := testPostgres(t)
	const m, events = "../../examples/florist/florist.journey.yaml", "../../examples/florist/events.csv"
	for _, args := range [][]string{
		{"analyze", m, "--format", "json"},
		{"analyze", m, "--format", "table", "--by", "source"},
		{"analyze", m, "--format", "csv", "--since", "2025-03-10", "--window", "3d"},
		{"render", m, "--format", "dot", "-o", "-"},
	} {
		want, _, wcode := runJourney(append(args, "--events", events)...)
		got, stderr, code := runJourney(append(args, "--db", url, "--table", "florist")...)
		if code != 0 || wcode != 0 {
			t.Fatalf("%v: exit %d (%d with --events): %s", args, code, wcode, stderr)
		}
		if got != want {
			t.Errorf("%v: --db prints what --events does not:\n%s\n---\n%s", args, got, want)
		}
	}
	t.Setenv("JOURNEY_DB", url)
	if _, stderr, code := runJourney("analyze", m, "--table", "florist", "-q"); code != 0 {
		t.Errorf("JOURNEY_DB: exit %d: %s", code, stderr)
	}
}

// TestAnalyzeDBExitCodes checks the exit codes of SPEC section 10 against a real server.
func TestAnalyzeDBExitCodes(t *testing.T) {
	url := testPostgres(t)
	const m = "../../examples/florist/florist.journey.yaml"
	wrongPassword := strings.Replace(url, "journey@", "nobody:hunter2@", 1)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", url, "--table", "floris"}, exitProblems, `no table or view "floris" in the database (did you mean "florist"?)`},
		{[]string{"--db", url, "--table", "florist", "--id", "klant_ix"}, exitProblems, `table "florist" has no column "klant_ix" (did you mean "klant_id"?)`},
		{[]string{"--db", url, "--table", "florist", "--by", "sources"}, exitProblems, `has no column "sources" (did you mean "source"?)`},
		{[]string{"--db", wrongPassword, "--table", "florist"}, exitFailure, "cannot connect to the database"},
		{[]string{"--db", url, "--table", "florist", "--events", "x.csv"}, exitUsage, "leave --events out"},
	}
	for _, tt := range tests {
		_, stderr, code := runJourney(append([]string{"analyze", m}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if strings.Contains(stderr, "hunter2") {
			t.Errorf("%v: the password shows: %s", tt.args, stderr)
		}
	}
}

// TestDBPasswordNeverShown gives analyze and sql, through --db and through JOURNEY_DB,
// every form of connection string with a password, on every path that echoes the value or
// a driver's message about it: the password never shows.
func TestDBPasswordNeverShown(t *testing.T) {
	const m, pw = "../../examples/florist/florist.journey.yaml", "s3cretPW"
	values := map[string]int{
		"host=127.0.0.1 user=qa password=" + pw + " dbname=ev":        exitUsage,
		"host=::1 user=qa password='" + pw + "' dbname=ev":            exitUsage,
		"user=qa password=ab:" + pw:                                   exitUsage,
		"qa:" + pw + "@127.0.0.1:55434/ev":                            exitUsage,
		"mysql://qa:" + pw + "@127.0.0.1/ev":                          exitUsage,
		"postgres://qa:" + pw + "@[::1/ev":                            exitUsage,
		"postgres://qa:" + pw + "/x@127.0.0.1:1/ev":                   exitUsage,
		"postgres://qa:" + pw + "@127.0.0.1:1/ev?sslmode=disable":     exitFailure,
		"postgres://qa@127.0.0.1:1/ev?sslmode=disable&password=" + pw: exitFailure,
	}
	for v, code := range values {
		for _, cmd := range []string{"analyze", "sql"} {
			for _, env := range []bool{false, true} {
				args := []string{cmd, m, "--table", "events"}
				if env {
					t.Setenv("JOURNEY_DB", v)
				} else {
					t.Setenv("JOURNEY_DB", "")
					args = append(args, "--db", v)
				}
				_, stderr, got := runJourney(args...)
				if got != code || strings.Contains(stderr, pw) {
					t.Errorf("%s with %q (JOURNEY_DB %v): exit %d, %q; want exit %d without the password", cmd, v, env, got, stderr, code)
				}
			}
		}
	}
}

// TestAnalyzeDBCoverage: analyze --db names a skipped row by the table, its identity and
// its time, in the JSON and on standard error, and lists the warnings in the order analyze
// --events lists them for the table's export.
func TestAnalyzeDBCoverage(t *testing.T) {
	url := testPostgres(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, stmt := range []string{"DROP TABLE IF EXISTS skips", "CREATE TABLE skips AS SELECT klant_id, timestamp, event FROM florist",
		"INSERT INTO skips VALUES ('K1', 'abc', 'login')"} {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	export := filepath.Join(t.TempDir(), "skips.csv")
	var b bytes.Buffer
	if _, err := conn.PgConn().CopyTo(ctx, &b, "COPY skips TO STDOUT (FORMAT csv, HEADER true)"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(export, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	const m = "../../examples/florist/florist.journey.yaml"
	out, stderr, code := runJourney("analyze", m, "--db", url, "--table", "skips", "--format", "json")
	want, _, wcode := runJourney("analyze", m, "--events", export, "--format", "json", "-q")
	if code != 0 || wcode != 0 {
		t.Fatalf("exit %d (%d with --events): %s", code, wcode, stderr)
	}
	if !strings.Contains(out, `"table": "skips",
        "identity": "K1",
        "time": "abc",
        "message": "unparsable time \"abc\" in column \"timestamp\";`) || strings.Contains(out, `"line"`) {
		t.Errorf("the JSON does not name the skipped row by table, identity and time alone:\n%s", out)
	}
	if !strings.Contains(stderr, `skips: user "K1", time "abc": skipped: unparsable time "abc"`) {
		t.Errorf("standard error does not name the skipped row: %s", stderr)
	}
	if g, w := warnedColumns(t, out), warnedColumns(t, want); len(w) != 5 || !slices.Equal(g, w) {
		t.Errorf("warnings name the columns %q, want --events's %q", g, w)
	}
}

// warnedColumns are the columns the warnings of a JSON report name, in order.
func warnedColumns(t *testing.T, report string) []string {
	t.Helper()
	var r struct {
		Coverage struct{ Warnings []struct{ Message string } }
	}
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range r.Coverage.Warnings {
		if _, rest, ok := strings.Cut(w.Message, `column "`); ok {
			name, _, _ := strings.Cut(rest, `"`)
			out = append(out, name)
		}
	}
	return out
}
