//go:build duckdb

package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

func init() { openers["duckdb"] = openDuckDB }

// duckDB is a DuckDB database file, opened read-only.
type duckDB struct{ db *sql.DB }

// openDuckDB opens duckdb:///ABSOLUTE/PATH or duckdb:PATH read-only; the file must exist.
func openDuckDB(ctx context.Context, dbURL string) (Conn, error) {
	path := strings.TrimPrefix(dbURL[len("duckdb:"):], "//")
	if path == "" {
		return nil, &URLError{Message: fmt.Sprintf("--db %q names no file: expected duckdb:PATH or duckdb:///ABSOLUTE/PATH", Redact(dbURL))}
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("cannot open the DuckDB database: %w", err)
	}
	connector, err := duckdb.NewConnector(path+"?access_mode=read_only", nil)
	if err != nil {
		return nil, fmt.Errorf("cannot open the DuckDB database %q: %w", path, err)
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("cannot open the DuckDB database %q: %w", path, err)
	}
	return &duckDB{db: db}, nil
}

func (d *duckDB) Dialect() *Dialect { return DuckDB }

func (d *duckDB) Close() error { return d.db.Close() }

// Describe reads the relation's columns from information_schema.
func (d *duckDB) Describe(ctx context.Context, table string) ([]Column, bool, error) {
	parts, err := SplitTable(table)
	if err != nil {
		return nil, false, err
	}
	schema, name := "", parts[len(parts)-1]
	if len(parts) == 2 {
		schema = parts[0]
	}
	rows, err := d.db.QueryContext(ctx, `SELECT c.column_name, c.data_type, t.table_type
FROM information_schema.columns c JOIN information_schema.tables t
  ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_name = ? AND (? = '' AND c.table_schema = current_schema() OR c.table_schema = ?)
ORDER BY c.ordinal_position`, name, schema, schema)
	if err != nil {
		return nil, false, fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	defer rows.Close()
	var cols []Column
	view := false
	for rows.Next() {
		var col, typ, kind string
		if err := rows.Scan(&col, &typ, &kind); err != nil {
			return nil, false, fmt.Errorf("cannot read the database's catalog: %w", err)
		}
		view = kind == "VIEW"
		cols = append(cols, Column{Name: col, Type: typ, Kind: duckKind(typ)})
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	if len(cols) == 0 {
		return nil, false, d.missingTable(ctx, table)
	}
	return cols, view, nil
}

// duckKind classifies a column by its DuckDB type.
func duckKind(typ string) Kind {
	switch {
	case strings.HasSuffix(typ, "]") || strings.HasPrefix(typ, "STRUCT") || strings.HasPrefix(typ, "MAP") ||
		strings.HasPrefix(typ, "UNION") || typ == "BLOB" || typ == "JSON":
		return KindOther
	case strings.HasPrefix(typ, "TIMESTAMP WITH TIME ZONE"):
		return KindTimestampTZ
	case strings.HasPrefix(typ, "TIMESTAMP"):
		return KindTimestamp
	case typ == "DATE":
		return KindDate
	case typ == "BOOLEAN":
		return KindBool
	}
	return KindText
}

// missingTable explains a table the database lacks, listing the tables it has.
func (d *duckDB) missingTable(ctx context.Context, table string) error {
	rows, err := d.db.QueryContext(ctx, `SELECT CASE WHEN table_schema = current_schema() THEN '' ELSE table_schema END, table_name
FROM information_schema.tables WHERE table_schema <> 'information_schema' ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var schema, name string
		if err := rows.Scan(&schema, &name); err != nil {
			return fmt.Errorf("cannot read the database's catalog: %w", err)
		}
		names = append(names, ShowTable(schema, name))
	}
	return errors.Join(rows.Err(), missingTable(table, names))
}

// Report runs the statement.
func (d *duckDB) Report(ctx context.Context, stmt string) ([]byte, error) {
	var out string
	// The driver decodes JSON values; the report is wanted as its text.
	if err := d.db.QueryRowContext(ctx, "SELECT CAST(report AS VARCHAR) FROM ("+stmt+") AS r").Scan(&out); err != nil {
		return nil, fmt.Errorf("the database could not compute the report: %w", err)
	}
	return []byte(out), nil
}
