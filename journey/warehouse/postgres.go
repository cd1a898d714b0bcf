package warehouse

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/journey-cx/journey/journey"
)

// connectTimeout bounds how long journey waits for a server that does not answer, unless
// the URL sets connect_timeout.
const connectTimeout = 10 * time.Second

// postgres is a PostgreSQL connection.
type postgres struct{ conn *pgx.Conn }

// openPostgres connects with pgx: the URL, libpq's environment variables and .pgpass
// apply.
func openPostgres(ctx context.Context, dbURL string) (Conn, error) {
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		return nil, &URLError{Message: fmt.Sprintf("--db: %v", err)}
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to the database: %w", err)
	}
	return &postgres{conn: conn}, nil
}

func (p *postgres) Dialect() *Dialect { return Postgres }

func (p *postgres) Close() error { return p.conn.Close(context.Background()) }

// Describe reads the relation's columns from the catalog; the name is resolved as the
// query resolves it (to_regclass of the quoted name, along the search path).
func (p *postgres) Describe(ctx context.Context, table string) ([]Column, bool, error) {
	rows, err := p.conn.Query(ctx, `SELECT c.relkind::text, a.attname, format_type(a.atttypid, a.atttypmod),
  COALESCE(t.typcategory::text, ''), a.attndims > 0 OR t.typcategory = 'A'
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
WHERE c.oid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, TableRef(table))
	if err != nil {
		return nil, false, fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	defer rows.Close()
	var cols []Column
	view := false
	for rows.Next() {
		var kind, name, typ, cat string
		var array bool
		if err := rows.Scan(&kind, &name, &typ, &cat, &array); err != nil {
			return nil, false, fmt.Errorf("cannot read the database's catalog: %w", err)
		}
		view = kind != "r" && kind != "p"
		cols = append(cols, Column{Name: name, Type: typ, Kind: postgresKind(typ, cat, array)})
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	if len(cols) == 0 {
		return nil, false, p.missingTable(ctx, table)
	}
	return cols, view, nil
}

// postgresKind classifies a column by its type and category (pg_type.typcategory).
func postgresKind(typ, cat string, array bool) Kind {
	switch {
	case array:
		return KindOther
	case typ == "timestamp with time zone" || strings.HasPrefix(typ, "timestamp(") && strings.HasSuffix(typ, "with time zone"):
		return KindTimestampTZ
	case strings.HasPrefix(typ, "timestamp"):
		return KindTimestamp
	case typ == "date":
		return KindDate
	case typ == "boolean":
		return KindBool
	case cat == "S" || cat == "N":
		return KindText
	}
	return KindOther
}

// missingTable explains a table the database does not have, suggesting a close name.
func (p *postgres) missingTable(ctx context.Context, table string) error {
	rows, err := p.conn.Query(ctx, `SELECT CASE WHEN n.nspname = ANY(current_schemas(false)) THEN '' ELSE n.nspname END, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	names, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (string, error) {
		var schema, name string
		err := row.Scan(&schema, &name)
		return ShowTable(schema, name), err
	})
	if err != nil {
		return fmt.Errorf("cannot read the database's catalog: %w", err)
	}
	return missingTable(table, names)
}

// Report runs the statement in a read-only transaction, after the dialect's settings.
func (p *postgres) Report(ctx context.Context, stmt string) ([]byte, error) {
	tx, err := p.conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("cannot read the database: %w", err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	for _, s := range Postgres.Prelude {
		if _, err := tx.Exec(ctx, s); err != nil {
			return nil, fmt.Errorf("cannot read the database: %w", err)
		}
	}
	var out []byte
	if err := tx.QueryRow(ctx, stmt).Scan(&out); err != nil {
		return nil, fmt.Errorf("the database could not compute the report: %w", err)
	}
	return out, nil
}

// missingTable explains a table the database lacks, listing the tables it has.
func missingTable(table string, names []string) error {
	msg := fmt.Sprintf("no table or view %q in the database", table)
	if whole := ShowTable("", table); whole != table && slices.Contains(names, whole) {
		msg += fmt.Sprintf(" (did you mean %q? a name that holds a dot is written in double quotes)", whole)
	} else if s := journey.Suggest(table, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	if len(names) > 0 {
		if len(names) > 20 {
			names = append(names[:20:20], "...")
		}
		msg += "; it has: " + strings.Join(names, ", ")
	}
	return &ProblemError{Message: msg}
}
