package warehouse

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// mask stands in for a password in what journey prints.
const mask = "xxxxx"

// Redact hides the passwords of a --db value, whatever its form: a URL's user:password@
// (with or without its scheme) and password= query parameter, or the password= of a
// keyword/value connection string (host=... password=...). Every message that echoes a
// --db value shows it through Redact. Where the value is malformed, so that where a
// password ends is unclear, Redact hides more rather than less.
func Redact(v string) string {
	var b strings.Builder
	last := 0
	for _, s := range secretSpans(v) {
		b.WriteString(v[last:s[0]])
		b.WriteString(mask)
		last = s[1]
	}
	b.WriteString(v[last:])
	return b.String()
}

// keywordValue matches the start of a keyword/value connection string.
var keywordValue = regexp.MustCompile(`^\s*[A-Za-z_]\w*\s*=`)

// keywordPassword matches a keyword/value password: quoted, with backslash escapes, or
// up to the next blank.
var keywordPassword = regexp.MustCompile(`(?is)(?:^|\s)(?:ssl)?password\s*=\s*('(?:\\.?|[^'\\])*'?|(?:\\.?|[^\s\\])*)`)

// queryPassword matches a password in a URL's query.
var queryPassword = regexp.MustCompile(`(?i)[?&](?:ssl)?password=([^&#]*)`)

// secretSpans are the byte ranges of v that hold passwords, sorted and not overlapping.
func secretSpans(v string) [][2]int {
	var spans [][2]int
	if keywordValue.MatchString(v) {
		spans = submatches(keywordPassword, v)
	} else {
		spans = submatches(queryPassword, v)
		if start, end, ok := userinfoPassword(v); ok {
			spans = append(spans, [2]int{start, end})
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var out [][2]int
	for _, s := range spans {
		if s[0] == s[1] {
			continue
		}
		if n := len(out); n > 0 && s[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// submatches are the ranges of the first group of every match of re in v.
func submatches(re *regexp.Regexp, v string) [][2]int {
	var out [][2]int
	for _, m := range re.FindAllStringSubmatchIndex(v, -1) {
		out = append(out, [2]int{m[2], m[3]})
	}
	return out
}

// userinfoPassword finds the password of a URL's user:password@: after scheme:// or //,
// or at the start of a value that is a URL without its scheme (user:password@host/db).
// In a URL that parses, the user information ends at the last @ before the host; in one
// that does not, at the last @ of the value.
func userinfoPassword(v string) (start, end int, ok bool) {
	from := 0
	if i := strings.Index(v, "//"); i == 0 || i > 0 && v[i-1] == ':' && isScheme(v[:i-1]) {
		from = i + 2
	}
	auth := v[from:]
	if u, err := url.Parse(v); err == nil && from > 0 && u.Opaque == "" {
		if j := strings.IndexAny(auth, "/?#"); j >= 0 {
			auth = auth[:j]
		}
	}
	at := strings.LastIndex(auth, "@")
	colon := strings.Index(auth[:max(at, 0)], ":")
	if colon < 0 {
		return 0, 0, false
	}
	return from + colon + 1, from + at, true
}

// isScheme reports whether s is a URL scheme: a letter, then letters, digits, +, - or .
func isScheme(s string) bool {
	for i, r := range s {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || !('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return s != ""
}

// redactErr returns err with the passwords of the --db value v, as written and as a
// driver may decode them, taken out of its message.
func redactErr(err error, v string) error {
	msg := err.Error()
	for _, pw := range secrets(v) {
		msg = strings.ReplaceAll(msg, pw, mask)
	}
	if msg == err.Error() {
		return err
	}
	return redacted{err: err, msg: msg}
}

// secrets are the passwords of a --db value as written, unquoted and percent-decoded,
// longest first.
func secrets(v string) []string {
	var out []string
	for _, s := range secretSpans(v) {
		raw := v[s[0]:s[1]]
		out = append(out, raw, unquoteKeyword(raw))
		if dec, err := url.PathUnescape(raw); err == nil {
			out = append(out, dec)
		}
		if dec, err := url.QueryUnescape(raw); err == nil {
			out = append(out, dec)
		}
	}
	out = slices.DeleteFunc(out, func(s string) bool { return s == "" })
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b)) })
	return slices.Compact(out)
}

// unquoteKeyword is a keyword/value value without its single quotes and backslashes.
func unquoteKeyword(s string) string {
	s = strings.TrimPrefix(s, "'")
	s = strings.TrimSuffix(s, "'")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// redacted is an error whose message hides a password; it keeps the error's type for
// errors.As.
type redacted struct {
	err error
	msg string
}

func (r redacted) Error() string { return r.msg }
func (r redacted) Unwrap() error { return r.err }
