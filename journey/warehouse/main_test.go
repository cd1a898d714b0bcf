package warehouse

import (
	"bytes"
	"context"
	csvpkg "encoding/csv"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/journey-cx/journey/internal/pgtest"
)

// testDB is a database the tests run the warehouse against.
type testDB struct {
	name string
	conn Conn
	// load creates table from a CSV file, every column text, rows in file order.
	load func(t *testing.T, table string, csv []byte)
	// exec runs a statement.
	exec func(t *testing.T, stmt string)
	// export is a table as CSV, in its storage order: the file analyze --events reads
	// for the numbers analyze --db computes. (PostgreSQL may store a row COPY loads after
	// another before it, where a page has room for it.)
	export func(t *testing.T, table string) []byte
	// query runs a statement from Compile as another client would run what journey sql
	// prints, with no settings of journey's, and returns its report column.
	query func(t *testing.T, stmt string) []byte
}

// dbs opens the databases of this build's tests: PostgreSQL, and DuckDB in the build
// with -tags duckdb. A database that cannot be started skips its tests with the reason.
var dbs []struct {
	name string
	open func(t *testing.T) *testDB
}

var (
	pgOnce sync.Once
	pgURL  string
	pgSkip string
	pgStop func()
)

// TestMain stops the PostgreSQL server the tests started, if any: it is started by the
// first test that needs it, so that fuzzing starts none.
func TestMain(m *testing.M) {
	code := m.Run()
	if pgStop != nil {
		pgStop()
	}
	os.Exit(code)
}

// startPostgres starts the tests' server once.
func startPostgres() {
	pgOnce.Do(func() {
		var err error
		if pgURL, pgStop, err = pgtest.Start(); err != nil {
			pgSkip = "no PostgreSQL server for the tests: " + err.Error()
		}
	})
}

func init() {
	dbs = append(dbs, struct {
		name string
		open func(t *testing.T) *testDB
	}{"postgres", openTestPostgres})
}

// openTestPostgres connects to the tests' server, or skips.
func openTestPostgres(t *testing.T) *testDB {
	t.Helper()
	startPostgres()
	if pgSkip != "" {
		t.Skip(pgSkip)
	}
	return openPostgresAt(t, pgURL)
}

// openPostgresAt connects to the database at url of the tests' server.
func openPostgresAt(t *testing.T, url string) *testDB {
	t.Helper()
	conn, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	pc := conn.(*postgres).conn
	exec := func(t *testing.T, stmt string) {
		t.Helper()
		if _, err := pc.Exec(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	load := func(t *testing.T, table string, csv []byte) {
		t.Helper()
		exec(t, "DROP TABLE IF EXISTS "+TableRef(table))
		exec(t, "CREATE TABLE "+TableRef(table)+" ("+textColumns(t, csv)+")")
		_, err := pc.PgConn().CopyFrom(context.Background(), bytes.NewReader(csv), "COPY "+TableRef(table)+" FROM STDIN (FORMAT csv, HEADER true)")
		if err != nil {
			t.Fatalf("copy into %s: %v", table, err)
		}
	}
	export := func(t *testing.T, table string) []byte {
		t.Helper()
		var b bytes.Buffer
		if _, err := pc.PgConn().CopyTo(context.Background(), &b, "COPY "+TableRef(table)+" TO STDOUT (FORMAT csv, HEADER true)"); err != nil {
			t.Fatalf("copy from %s: %v", table, err)
		}
		return b.Bytes()
	}
	query := func(t *testing.T, stmt string) []byte {
		t.Helper()
		var out []byte
		if err := pc.QueryRow(context.Background(), stmt).Scan(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	return &testDB{name: "postgres", conn: conn, load: load, exec: exec, export: export, query: query}
}

// textColumns is the column list of a table for a CSV file's header, every column text.
func textColumns(t *testing.T, csv []byte) string {
	t.Helper()
	header, err := csvpkg.NewReader(bytes.NewReader(csv)).Read()
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, name := range header {
		cols = append(cols, Ident(name)+" TEXT")
	}
	return strings.Join(cols, ", ")
}

// eachDB runs f as a subtest per database.
func eachDB(t *testing.T, f func(t *testing.T, db *testDB)) {
	for _, d := range dbs {
		t.Run(d.name, func(t *testing.T) { f(t, d.open(t)) })
	}
}

// tableName is a table name for a test.
func tableName(t *testing.T) string {
	var b strings.Builder
	for _, r := range strings.ToLower(t.Name()) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if len(s) > 50 {
		s = fmt.Sprintf("%s_%x", s[:40], len(s))
	}
	return "t_" + s
}
