package warehouse

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Dialect is everything the compiler needs to know about one SQL engine: a handful of
// spellings that differ between engines. The rest of the query is standard SQL (window
// functions, FILTER, WITH RECURSIVE), so a new engine is a new Dialect and its
// verification, not a new compiler.
type Dialect struct {
	// Name is the --dialect value.
	Name string
	// Verified says how the dialect is checked, for `journey sql --help`.
	Verified string
	// Lit quotes a text literal.
	Lit func(s string) string
	// Div is integer division, rounding toward zero.
	Div func(a, b string) string
	// Big is the type of exact integers beyond 64 bits, for epoch digits.
	Big string
	// OrderText makes a text expression sort byte by byte, as Go compares strings.
	OrderText func(x string) string
	// StorageOrder is the pseudo-column that orders a table's rows as they are stored (the
	// order COPY writes them).
	StorageOrder string
	// EpochMicros turns a timestamp (with or without zone) into microseconds since the
	// epoch; a timestamp without zone counts as UTC. DateDays turns a date into days.
	EpochMicros func(x string) string
	DateDays    func(x string) string
	// NanoTypes are the names of the timestamp types that hold nanoseconds, which
	// EpochNanos turns into nanoseconds since the epoch; none where every timestamp holds
	// microseconds at most.
	NanoTypes  []string
	EpochNanos func(x string) string
	// Finite tests that a timestamp or date is not infinite.
	Finite func(x string) string
	// LocalToUTC turns local seconds since the epoch (a wall clock read as UTC) in zone
	// into the instant's seconds, as the engine resolves it; empty when the dialect cannot.
	LocalToUTC func(local, zone string) string
	// UTCToLocal turns seconds since the epoch into the wall clock of zone, read as UTC.
	UTCToLocal func(sec, zone string) string
	// ExportText is the text of a value of any type as the engine's CSV export (COPY ...
	// TO, FORMAT csv) writes it, the type's output function (NULL may come out NULL or
	// empty). A cast to text is not always that: PostgreSQL's trims a char(n), adds /32 to
	// an inet and writes a boolean as true.
	ExportText func(x string) string
	// TextTypes are the types (as Describe names them, without a length) whose cast to
	// text is their export text at no cost: the text types themselves.
	TextTypes []string
	// JSON building: an object of key/value pairs, an array aggregate ordered by order
	// (an empty array over no rows), and the type to cast a built value to.
	Object   func(pairs ...string) string
	Agg      func(x, order string) string
	EmptyArr string
	// Arrays of BIGINT, for the funnel state: an empty one, one with x appended, the
	// elements v of a that keep (keep is an expression in v), the length and the i-th
	// (1-based) element.
	ArrEmpty  string
	ArrAppend func(a, x string) string
	ArrKeep   func(a, v, keep string) string
	ArrLen    func(a string) string
	ArrAt     func(a, i string) string
	// Sorted is the array of the non-NULL values of xs, ascending.
	Sorted func(xs []string) string
	// Prelude are statements analyze runs before the query, in the same read-only
	// transaction (settings that make the results exact).
	Prelude []string
}

// Ident quotes an identifier: double quotes, inner double quotes doubled. Every dialect
// here uses the SQL standard's rule.
func Ident(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// TableRef quotes a table name as given: each part SplitTable finds is one identifier, so
// that schema.table names a table in a schema. A name SplitTable refuses, which the commands
// refuse before, is quoted whole, as one identifier.
func TableRef(name string) string {
	parts, err := SplitTable(name)
	if err != nil {
		return Ident(name)
	}
	for i, p := range parts {
		parts[i] = Ident(p)
	}
	return strings.Join(parts, ".")
}

// SplitTable splits a --table value into its table, or its schema and table: parts are
// separated by dots, and a part in double quotes (an inner one doubled) may hold dots.
// Every part is taken as written, case included.
func SplitTable(name string) ([]string, error) {
	var parts []string
	for rest := name; ; {
		part, after, err := cutPart(rest)
		if err != nil {
			return nil, fmt.Errorf("--table %q: %w", name, err)
		}
		parts = append(parts, part)
		if after == "" {
			break
		}
		rest = after[1:] // after the dot
	}
	if len(parts) > 2 {
		return nil, fmt.Errorf("--table %q: expected TABLE or SCHEMA.TABLE; a name that holds a dot is written in double quotes, like \"my.table\"", name)
	}
	return parts, nil
}

// cutPart reads the first part of a table name: the part, and what follows it (empty, or
// a dot and more).
func cutPart(s string) (part, after string, err error) {
	if !strings.HasPrefix(s, `"`) {
		i := strings.IndexAny(s, `."`)
		switch {
		case i == 0 || s == "":
			return "", "", errors.New("a part of the name is empty")
		case i > 0 && s[i] == '"':
			return "", "", errors.New("a double quote may only enclose a whole part, like schema.\"my table\"")
		case i < 0:
			return s, "", nil
		}
		return s[:i], s[i:], nil
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] != '"':
			b.WriteByte(s[i])
		case i+1 < len(s) && s[i+1] == '"':
			b.WriteByte('"')
			i++
		case i+1 < len(s) && s[i+1] != '.':
			return "", "", errors.New("a quoted part must be followed by a dot or end the name")
		case b.Len() == 0:
			return "", "", errors.New("a part of the name is empty")
		default:
			return b.String(), s[i+1:], nil
		}
	}
	return "", "", errors.New("a double quote is not closed")
}

// ShowTable writes a table's name the way --table takes it back: schema (when given) and
// table joined by a dot, a part that holds a dot or a double quote in double quotes.
func ShowTable(schema, table string) string {
	show := func(p string) string {
		if strings.ContainsAny(p, `."`) || p == "" {
			return Ident(p)
		}
		return p
	}
	if schema == "" {
		return show(table)
	}
	return show(schema) + "." + show(table)
}

// Dialects are the engines the compiler writes for, by --dialect name.
var Dialects = []*Dialect{Postgres, DuckDB}

// DialectNames lists the dialects' names.
func DialectNames() []string {
	var out []string
	for _, d := range Dialects {
		out = append(out, d.Name)
	}
	return out
}

// LookupDialect returns the dialect called name.
func LookupDialect(name string) (*Dialect, error) {
	i := slices.IndexFunc(Dialects, func(d *Dialect) bool { return d.Name == name })
	if i < 0 {
		return nil, fmt.Errorf("unknown dialect %q; the dialects are %s", name, strings.Join(DialectNames(), ", "))
	}
	return Dialects[i], nil
}

// standardLit quotes with single quotes, inner single quotes doubled.
func standardLit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Postgres is PostgreSQL 14 and later (EXTRACT returns an exact numeric from 14 on).
var Postgres = &Dialect{
	Name:     "postgres",
	Verified: "PostgreSQL 15 in the tests: every number equal to the CSV engine's",
	// An escape string means the same whatever standard_conforming_strings says.
	Lit: func(s string) string {
		return "E'" + strings.NewReplacer(`\`, `\\`, "'", "''").Replace(s) + "'"
	},
	Div:          func(a, b string) string { return "(" + a + ") / (" + b + ")" },
	Big:          "NUMERIC",
	OrderText:    func(x string) string { return x + ` COLLATE "C"` },
	StorageOrder: "ctid",
	EpochMicros: func(x string) string {
		return "CAST(EXTRACT(EPOCH FROM " + x + ") * 1000000 AS BIGINT)"
	},
	DateDays: func(x string) string { return "CAST(" + x + " - DATE '1970-01-01' AS BIGINT)" },
	Finite:   func(x string) string { return "isfinite(" + x + ")" },
	LocalToUTC: func(local, zone string) string {
		return "CAST(EXTRACT(EPOCH FROM (TIMESTAMP '1970-01-01' + (" + local + ") * INTERVAL '1 second') AT TIME ZONE " + zone + ") AS BIGINT)"
	},
	UTCToLocal: func(sec, zone string) string {
		return "CAST(EXTRACT(EPOCH FROM to_timestamp(" + sec + ") AT TIME ZONE " + zone + ") AS BIGINT)"
	},
	// concat writes each argument with its type's output function, as COPY does.
	ExportText: func(x string) string { return "concat(" + x + ")" },
	TextTypes:  []string{"text", "character varying"},
	Object:     func(pairs ...string) string { return "json_build_object(" + strings.Join(pairs, ", ") + ")" },
	Agg: func(x, order string) string {
		return "COALESCE(json_agg(" + x + " ORDER BY " + order + "), '[]'::json)"
	},
	EmptyArr:  "'[]'::json",
	ArrEmpty:  "CAST(ARRAY[] AS BIGINT[])",
	ArrAppend: func(a, x string) string { return "array_append(" + a + ", " + x + ")" },
	ArrKeep: func(a, v, keep string) string {
		return "ARRAY(SELECT " + v + " FROM unnest(" + a + ") AS " + v + " WHERE " + keep + ")"
	},
	ArrLen: func(a string) string { return "cardinality(" + a + ")" },
	ArrAt:  func(a, i string) string { return "(" + a + ")[" + i + "]" },
	Sorted: func(xs []string) string {
		return "ARRAY(SELECT v FROM unnest(ARRAY[" + strings.Join(xs, ", ") + "]) AS v WHERE v IS NOT NULL ORDER BY v)"
	},
	// The session's TimeZone is left as the database sets it: COPY writes a timestamptz
	// column's text in it, and the statement reads no time through it.
	Prelude: []string{
		"SET LOCAL extra_float_digits = 3",
		"SET LOCAL work_mem = '512MB'",
		// The funnels' recursive part joins each step with the operations' hash table,
		// which is rebuilt at every step unless it fits in memory at once.
		"SET LOCAL hash_mem_multiplier = 8",
		// A merge join there would sort the operations at every step.
		"SET LOCAL enable_mergejoin = off",
		// Compiling the statement's hundreds of expressions costs seconds and gains little.
		"SET LOCAL jit = off",
	},
}

// DuckDB is DuckDB 1.1 and later, with the ICU extension (built into the Go driver) for --tz.
var DuckDB = &Dialect{
	Name:         "duckdb",
	Verified:     "DuckDB in the tests of the build with -tags duckdb: every number equal to the CSV engine's",
	Lit:          standardLit,
	Div:          func(a, b string) string { return "(" + a + ") // (" + b + ")" },
	Big:          "HUGEINT",
	OrderText:    func(x string) string { return x },
	StorageOrder: "rowid",
	EpochMicros:  func(x string) string { return "epoch_us(" + x + ")" },
	NanoTypes:    []string{"TIMESTAMP_NS"},
	EpochNanos:   func(x string) string { return "epoch_ns(" + x + ")" },
	DateDays:     func(x string) string { return "CAST(date_diff('day', DATE '1970-01-01', " + x + ") AS BIGINT)" },
	// Time zones need the ICU extension, which the Go driver's DuckDB has built in.
	LocalToUTC: func(local, zone string) string {
		return "epoch_us(timezone(" + zone + ", make_timestamp((" + local + ") * 1000000))) // 1000000"
	},
	UTCToLocal: func(sec, zone string) string {
		return "epoch_us(timezone(" + zone + ", to_timestamp(" + sec + "))) // 1000000"
	},
	Finite: func(x string) string { return "isfinite(" + x + ")" },
	// A cast to text writes every type as COPY does.
	ExportText: func(x string) string { return "CAST(" + x + " AS TEXT)" },
	Object:     func(pairs ...string) string { return "json_object(" + strings.Join(pairs, ", ") + ")" },
	Agg: func(x, order string) string {
		return "COALESCE(to_json(list(" + x + " ORDER BY " + order + ")), CAST('[]' AS JSON))"
	},
	EmptyArr:  "CAST('[]' AS JSON)",
	ArrEmpty:  "CAST([] AS BIGINT[])",
	ArrAppend: func(a, x string) string { return "list_append(" + a + ", " + x + ")" },
	ArrKeep: func(a, v, keep string) string {
		return "list_filter(" + a + ", " + v + " -> " + keep + ")"
	},
	ArrLen: func(a string) string { return "len(" + a + ")" },
	ArrAt:  func(a, i string) string { return "(" + a + ")[" + i + "]" },
	Sorted: func(xs []string) string {
		return "list_sort(list_filter([" + strings.Join(xs, ", ") + "], v -> v IS NOT NULL))"
	},
}
