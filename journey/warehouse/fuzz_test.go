package warehouse

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzRedact checks that Redact never panics and hides every password of a URL that
// parses, leaving a URL that parses.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{"postgres://me:pw@localhost/shop", "postgresql://me@h/db?sslmode=disable", "duckdb:/x", "::", "postgres://:@/",
		"host=h user=me password=pw", "me:pw@h:5432/db", "postgres://me:pw@h/db?x=a@b:c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Redact(s)
		u, err := url.Parse(s)
		if err != nil || u.User == nil {
			return
		}
		if pw, _ := u.User.Password(); pw == "" {
			return // nothing to hide
		}
		r, err := url.Parse(out)
		if err != nil {
			t.Fatalf("Redact(%q) = %q, which does not parse: %v", s, out, err)
		}
		if pw, _ := r.User.Password(); pw != "xxxxx" {
			t.Errorf("Redact(%q) = %q: the password is %q", s, out, pw)
		}
	})
}

// FuzzLiterals checks that every dialect's text literals and identifiers read back as the
// text quoted: no value can end the literal early.
func FuzzLiterals(f *testing.F) {
	for _, s := range []string{"", "it's", `back\slash`, `'; DROP TABLE x; --`, `"`, `\'`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := unquote(t, Postgres.Lit(s), "E'", "'", map[string]string{"''": "'", `\\`: `\`}); got != s {
			t.Errorf("postgres literal of %q reads back as %q", s, got)
		}
		if got := unquote(t, DuckDB.Lit(s), "'", "'", map[string]string{"''": "'"}); got != s {
			t.Errorf("duckdb literal of %q reads back as %q", s, got)
		}
		if got := unquote(t, Ident(s), `"`, `"`, map[string]string{`""`: `"`}); got != s {
			t.Errorf("identifier %q reads back as %q", s, got)
		}
	})
}

// unquote reads a quoted text as an SQL lexer does: after open, escapes are replaced and
// an unescaped closing quote must be the last character; in an escape string (E'...') a
// backslash always starts an escape.
func unquote(t *testing.T, q, open, close string, escapes map[string]string) string {
	t.Helper()
	if !strings.HasPrefix(q, open) || !strings.HasSuffix(q, close) || len(q) < len(open)+len(close) {
		t.Fatalf("%q is not quoted with %s...%s", q, open, close)
	}
	body := q[len(open) : len(q)-len(close)]
	var b strings.Builder
	for i := 0; i < len(body); {
		matched := false
		for esc, v := range escapes {
			if strings.HasPrefix(body[i:], esc) {
				b.WriteString(v)
				i += len(esc)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if strings.HasPrefix(body[i:], close) || (open == "E'" && body[i] == '\\') {
			t.Fatalf("%q ends or escapes early at byte %d", q, len(open)+i)
		}
		b.WriteByte(body[i])
		i++
	}
	return b.String()
}
