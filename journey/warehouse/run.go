package warehouse

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
)

// Conn is an open database that can describe a table and run a report's statement.
type Conn interface {
	// Dialect is the SQL the database speaks.
	Dialect() *Dialect
	// Describe returns the columns of a table or view, and whether it is a view; a
	// missing table is a *ProblemError.
	Describe(ctx context.Context, table string) (cols []Column, view bool, err error)
	// Report runs a statement from Compile and returns its report column.
	Report(ctx context.Context, statement string) ([]byte, error)
	Close() error
}

// URLError is a connection string journey does not support (exit 2).
type URLError struct{ Message string }

// Error returns the message.
func (e *URLError) Error() string { return e.Message }

// ProblemError is a problem with what the user asked of the database: a missing table or
// column, a time column of the wrong type (exit 1).
type ProblemError struct{ Message string }

// Error returns the message.
func (e *ProblemError) Error() string { return e.Message }

// openers maps a URL scheme to the function that connects to it; the DuckDB opener is in
// the build made with -tags duckdb only.
var openers = map[string]func(ctx context.Context, url string) (Conn, error){
	"postgres":   openPostgres,
	"postgresql": openPostgres,
}

// Open connects to the database a URL names: postgres:// or postgresql:// (PostgreSQL),
// duckdb:PATH (DuckDB, in builds with it). Errors never hold a password: every message
// that echoes the URL shows it through Redact.
func Open(ctx context.Context, dbURL string) (Conn, error) {
	scheme, rest, ok := strings.Cut(dbURL, ":")
	// USER:PASSWORD@HOST/DATABASE without a scheme would read as a scheme USER.
	if !ok || !isScheme(scheme) || !strings.HasPrefix(rest, "//") && !strings.EqualFold(scheme, "duckdb") {
		return nil, &URLError{Message: fmt.Sprintf("--db %q is not a database URL: expected postgres://USER@HOST/DATABASE or duckdb:PATH", Redact(dbURL))}
	}
	if strings.Count(rest, "@") > 1 {
		// The driver would take the host from after the first @, and its error would show
		// the rest of the password with it.
		return nil, &URLError{Message: fmt.Sprintf("--db %q holds more than one @: write an @ of the password (or user) as %%40", Redact(dbURL))}
	}
	open := openers[strings.ToLower(scheme)]
	if open == nil {
		if strings.EqualFold(scheme, "duckdb") {
			return nil, &URLError{Message: "this journey was built without DuckDB (it needs cgo); build it with: go build -tags duckdb ./cmd/journey"}
		}
		return nil, &URLError{Message: fmt.Sprintf("--db %q: unsupported database %q; journey reads postgres:// (PostgreSQL) and duckdb: (DuckDB) URLs", Redact(dbURL), scheme)}
	}
	conn, err := open(ctx, dbURL)
	if err != nil {
		return nil, redactErr(err, dbURL)
	}
	return conn, nil
}

// Analyze computes the report of m over the table of q in the database: it checks the
// table's columns, compiles the statement for them and decodes its report.
func Analyze(ctx context.Context, conn Conn, m *journey.Map, q *Query) (*analysis.Report, error) {
	if err := Describe(ctx, conn, q); err != nil {
		return nil, err
	}
	stmt, err := Compile(m, q, conn.Dialect())
	if err != nil {
		return nil, err
	}
	raw, err := conn.Report(ctx, stmt)
	if err != nil {
		return nil, err
	}
	r := &analysis.Report{}
	if err := json.Unmarshal(raw, r); err != nil {
		return nil, fmt.Errorf("reading the report the database computed: %w", err)
	}
	r.NoGoal = !m.HasGoal()
	return r, nil
}

// Describe fills q.Columns and q.View from the database and checks that the columns the
// query needs exist and that the time column can hold times.
func Describe(ctx context.Context, conn Conn, q *Query) error {
	q.defaults()
	cols, view, err := conn.Describe(ctx, q.Table)
	if err != nil {
		return err
	}
	q.Columns, q.View = cols, view
	var names []string
	byName := map[string]Column{}
	order := conn.Dialect().StorageOrder
	for _, c := range cols {
		names = append(names, c.Name)
		byName[c.Name] = c
		if !view && strings.EqualFold(c.Name, order) {
			return &ProblemError{Message: fmt.Sprintf(
				"table %q has a column named %q, which hides the storage order the statement reads by that name (rows at the same time are taken in it); rename the column, or give a view of the table, whose rows are taken in the order it returns them", q.Table, c.Name)}
		}
	}
	e := &q.Events
	for _, need := range []struct{ flag, name string }{{"--id", e.ID}, {"--time", e.Time}, {"--event", e.Event}, {"--by", e.By}} {
		if need.name == "" {
			continue
		}
		if _, ok := byName[need.name]; !ok {
			return missingColumn(q.Table, need.name, names)
		}
	}
	if t := byName[e.Time]; t.Kind == KindBool || t.Kind == KindOther {
		return &ProblemError{Message: fmt.Sprintf("table %q: column %q has type %s; the time column must be timestamptz, timestamp, date, text or a number", q.Table, e.Time, t.Type)}
	}
	return nil
}

// missingColumn explains a column the table lacks, suggesting a close name.
func missingColumn(table, name string, names []string) error {
	msg := fmt.Sprintf("table %q has no column %q", table, name)
	if s := journey.Suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return &ProblemError{Message: msg + "; its columns: " + strings.Join(q, ", ")}
}
