//go:build duckdb

package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

func init() {
	dbs = append(dbs, struct {
		name string
		open func(t *testing.T) *testDB
	}{"duckdb", openTestDuckDB})
}

// openTestDuckDB opens a DuckDB database in a temporary folder, read-write so that the
// tests can load tables into it.
func openTestDuckDB(t *testing.T) *testDB {
	t.Helper()
	dir := t.TempDir()
	connector, err := duckdb.NewConnector(filepath.Join(dir, "test.duckdb"), nil)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(connector)
	t.Cleanup(func() { _ = db.Close() })
	exec := func(t *testing.T, stmt string) {
		t.Helper()
		if _, err := db.ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	n := 0
	load := func(t *testing.T, table string, csv []byte) {
		t.Helper()
		n++
		path := filepath.Join(dir, table+".csv")
		if err := os.WriteFile(path, csv, 0o644); err != nil {
			t.Fatal(err)
		}
		exec(t, "DROP TABLE IF EXISTS "+TableRef(table))
		exec(t, "CREATE TABLE "+TableRef(table)+" AS SELECT * FROM read_csv("+standardLit(path)+", header = true, all_varchar = true, auto_detect = true, delim = ',', quote = '\"', escape = '\"')")
	}
	export := func(t *testing.T, table string) []byte {
		t.Helper()
		n++
		path := filepath.Join(dir, fmt.Sprintf("export%d.csv", n))
		exec(t, "COPY (SELECT * FROM "+TableRef(table)+" ORDER BY rowid) TO "+standardLit(path)+" (FORMAT csv, HEADER true)")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	conn := &duckDB{db: db}
	query := func(t *testing.T, stmt string) []byte {
		t.Helper()
		out, err := conn.Report(context.Background(), stmt) // DuckDB's runs no settings
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	return &testDB{name: "duckdb", conn: conn, load: load, exec: exec, export: export, query: query}
}
