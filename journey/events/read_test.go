package events

import (
	"bytes"
	ordered "cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// file is one named input of a test.
type file struct{ name, text string }

// readFiles reads the files as one stream, from readers; and again written to disk, where
// they are read in place (see mapped.go), which must tell the same.
func readFiles(t *testing.T, opts Options, files ...file) (*Log, error) {
	t.Helper()
	srcs := make([]Source, len(files))
	for i, f := range files {
		srcs[i] = ReaderSource(f.name, strings.NewReader(f.text))
	}
	l, err := readIDs(context.Background(), srcs, opts)
	if err == nil {
		checkCounts(t, l)
	}
	ml, merr := readIDs(context.Background(), diskSources(t, files), opts)
	switch {
	case fmt.Sprint(err) != fmt.Sprint(merr):
		t.Errorf("read from disk: error %v, from readers: %v", merr, err)
	case err == nil:
		if diff := cmp.Diff(view(l), view(ml)); diff != "" {
			t.Errorf("read from disk, the log differs from the readers' (-readers +disk):\n%s", diff)
		}
	}
	return l, err
}

// diskSources writes the files to a temporary folder and returns sources reading them,
// named as the files and, like readers, read only once.
func diskSources(t *testing.T, files []file) []Source {
	t.Helper()
	dir := t.TempDir()
	srcs := make([]Source, len(files))
	for i, f := range files {
		path := filepath.Join(dir, fmt.Sprint(i))
		if err := os.WriteFile(path, []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
		srcs[i] = Source{Name: f.name, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
	}
	return srcs
}

// readIDs is Read keeping the identities, so that a test can check who is who.
func readIDs(ctx context.Context, srcs []Source, opts Options) (*Log, error) {
	opts.keepIDs = true
	return Read(ctx, srcs, opts)
}

// user is one user of a log, gathered from its arrays for comparisons.
type user struct {
	ID, Segment string
	Events      []Event
	Counts      UserCounts
}

// users returns every user of l, sorted by identity for comparisons.
func users(l *Log) []user {
	out := make([]user, l.NumUsers())
	for i := range out {
		out[i] = user{ID: l.UserID(i), Segment: l.Segment(i), Events: l.AppendEvents(nil, i), Counts: l.UserCounts(i)}
	}
	slices.SortFunc(out, func(a, b user) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// sortEvents orders events by time, keeping input order for ties.
func sortEvents(evs []Event) {
	slices.SortStableFunc(evs, func(x, y Event) int { return ordered.Compare(x.Time, y.Time) })
}

// checkCounts verifies the invariants every log keeps: the counts add up, in total, per
// user and, when the log kept every unmapped name, per name; identities are distinct and
// events are in time order.
func checkCounts(t testing.TB, l *Log) {
	t.Helper()
	c := l.Counts
	if c.Rows != c.Mapped+c.Unmapped+c.Skipped+c.Filtered {
		t.Errorf("counts do not add up: %+v", c)
	}
	var sum Counts
	var unmapped int64
	for _, n := range l.Unmapped {
		unmapped += n
	}
	switch {
	case len(l.Unmapped) > MostUnmapped:
		t.Errorf("%d unmapped names kept, want at most %d", len(l.Unmapped), MostUnmapped)
	case len(l.Unmapped) < MostUnmapped && unmapped != c.Unmapped:
		t.Errorf("unmapped by name add up to %d, want %d", unmapped, c.Unmapped)
	case unmapped > c.Unmapped:
		t.Errorf("unmapped by name add up to %d, more than %d", unmapped, c.Unmapped)
	}
	us := users(l)
	for i, u := range us {
		if i > 0 && us[i-1].ID == u.ID {
			t.Errorf("user %q numbered twice", u.ID)
		}
		if u.Counts.Rows != u.Counts.Mapped+u.Counts.Unmapped+u.Counts.Filtered || u.Counts.Rows == 0 ||
			!l.everyUser && len(u.Events) == 0 {
			t.Errorf("user %q counts do not add up: %+v", u.ID, u.Counts)
		}
		for j := 1; j < len(u.Events); j++ {
			if u.Events[j-1].Time > u.Events[j].Time {
				t.Errorf("user %q events not in time order", u.ID)
			}
		}
		sum.Mapped += int64(u.Counts.Mapped)
		sum.Unmapped += int64(u.Counts.Unmapped)
		sum.Filtered += int64(u.Counts.Filtered)
	}
	switch {
	case l.everyUser && (sum.Mapped != c.Mapped || sum.Unmapped != c.Unmapped || sum.Filtered != c.Filtered):
		t.Errorf("users add up to %+v, totals are %+v", sum, c)
	case !l.everyUser && (sum.Mapped != c.Mapped || sum.Unmapped > c.Unmapped || sum.Filtered != 0):
		t.Errorf("users with kept events add up to %+v, totals are %+v", sum, c)
	}
}

// lines returns "file:line: message" for each problem, for compact comparisons.
func lines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message))
	}
	return out
}

const header = "user_id,timestamp,event\n"

// TestBadRows pins, for each kind of bad row, that it is skipped, counted and reported with
// the line it starts on.
func TestBadRows(t *testing.T) {
	amsterdam, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		loc  *time.Location
		want []string
		rows int64
	}{
		{name: "wrong number of fields", rows: 3,
			text: header + "u1,2020-01-01,a\nu2,2020-01-01\nu3,2020-01-01,a,extra\n",
			want: []string{"f:3: row has 2 fields, expected 3 as in the header", "f:4: row has 4 fields, expected 3 as in the header"}},
		{name: "invalid UTF-8", rows: 2, text: header + "u1,2020-01-01,a\nu\xff,2020-01-01,a\n",
			want: []string{"f:3: row is not valid UTF-8; save the file as UTF-8"}},
		{name: "invalid UTF-8 in a quoted row", rows: 2, text: header + "\"u1\",2020-01-01,a\n\"u\xff\",2020-01-01,a\n",
			want: []string{"f:3: row is not valid UTF-8; save the file as UTF-8"}},
		{name: "bare quote", rows: 3, text: header + "u1,2020-01-01,a\nu\"2,2020-01-01,a\nu3,2020-01-01,a\n",
			want: []string{"f:3: " + quoteMessage()}},
		{name: "text after closing quote", rows: 2, text: header + "\"u1\"x,2020-01-01,a\nu3,2020-01-01,a\n",
			want: []string{"f:2: " + quoteMessage()}},
		{name: "CR-only line ending", rows: 2, text: header + "u1,2020-01-01,a\ru2,2020-01-01,a\nu3,2020-01-01,a\n",
			want: []string{"f:2: " + crMessage()}},
		{name: "missing identity", rows: 2, text: header + ",2020-01-01,a\nu2,2020-01-01,a\n",
			want: []string{`f:2: empty "user_id" (the identity column)`}},
		{name: "unparsable times", rows: 4, text: header + "u1,1.6e9,a\nu1,yesterday,a\nu1,,a\nu1,2020-13-01,a\n",
			want: []string{
				`f:2: unparsable time "1.6e9" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:3: unparsable time "yesterday" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:4: unparsable time "" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:5: time "2020-13-01" in column "timestamp" is out of range (a month, day, hour or minute past its end, or a year outside 1678-2261, which journey cannot hold)`,
			}},
		{name: "daylight-saving gap", rows: 2, loc: amsterdam,
			text: header + "u1,2021-03-28 02:30:00,a\nu1,2021-10-31 02:30:00,a\n",
			want: []string{`f:2: local time "2021-03-28 02:30:00" does not exist in Europe/Amsterdam (a daylight-saving gap)`}},
		{name: "quoted newlines keep line numbers", rows: 3,
			text: header + "\"u\n1\",2020-01-01,a\n\"u2\",\"2020-01-01\",\"a\nb\nc\"\nu3,bad,a\n",
			want: []string{`f:7: unparsable time "bad" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`}},
		{name: "blank lines are not rows and keep line numbers", rows: 2,
			text: header + "\nu1,2020-01-01,a\n\n\r\nu2,bad,a\n\n",
			want: []string{`f:6: unparsable time "bad" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`}},
		{name: "blank lines before the header, as encoding/csv skips them", rows: 2,
			text: "\n\r\n" + header + "u1,2020-01-01,a\nu2,bad,a\n",
			want: []string{`f:5: unparsable time "bad" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`}},
		{name: "blank lines between quoted rows", rows: 2,
			text: header + "\n\"u1\",2020-01-01,a\n\r\n\n\"u2\",bad,a\n",
			want: []string{`f:6: unparsable time "bad" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`}},
		{name: "first five per kind", rows: 7, text: header + strings.Repeat("u1,x,a\n", 7),
			want: []string{
				`f:2: unparsable time "x" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:3: unparsable time "x" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:4: unparsable time "x" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:5: unparsable time "x" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
				`f:6: unparsable time "x" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := readFiles(t, Options{Location: tt.loc}, file{"f", tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, lines(l.Skipped)); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
			if l.Counts.Rows != tt.rows || l.Counts.Skipped != int64(min(len(tt.want), 5)) && tt.name != "first five per kind" {
				t.Errorf("counts = %+v, want %d rows", l.Counts, tt.rows)
			}
		})
	}
}

// gz compresses s.
func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// TestFileErrors pins the inputs that stop the read, with their messages.
func TestFileErrors(t *testing.T) {
	good := header + "u1,2020-01-01,a\n"
	tests := []struct {
		name string
		text string
		opts Options
		want string
	}{
		{name: "empty", text: "", want: "f: file is empty; expected a header row naming the columns"},
		{name: "blank lines only", text: "\n\r\n\n", want: "f: file has blank lines only; expected a header row naming the columns"},
		{name: "only a BOM", text: "\xef\xbb\xbf", want: "f: file is empty (a byte order mark only); expected a header row naming the columns"},
		{name: "UTF-16 with BOM", text: "\xff\xfeu\x00s\x00", want: "f: file is UTF-16 encoded; save it as UTF-8"},
		{name: "UTF-16 without BOM", text: "u\x00s\x00e\x00r\x00", want: "f: file is UTF-16 encoded; save it as UTF-8"},
		{name: "zip", text: "PK\x03\x04rest", want: "f: file is a zip archive (read 8 bytes, 0 rows); unzip it first or compress it with gzip"},
		{name: "zstd", text: "\x28\xb5\x2f\xfdrest", want: "f: file is zstd-compressed (read 8 bytes, 0 rows); journey reads gzip only: decompress it first (zstd -dk f) or compress it with gzip"},
		{name: "bzip2", text: "BZh91AY&SY", want: "f: file is bzip2-compressed (read 10 bytes, 0 rows); journey reads gzip only: decompress it first (bunzip2 -k f) or compress it with gzip"},
		{name: "xz", text: "\xfd7zXZ\x00rest", want: "f: file is xz-compressed (read 10 bytes, 0 rows); journey reads gzip only: decompress it first (unxz -k f) or compress it with gzip"},
		{name: "a header that starts as bzip2 does", text: "BZh,timestamp,event\n", want: `f:1: no column "user_id" in the header`},
		{name: "truncated gzip", text: gz(good + strings.Repeat("u2,2020-01-01,a\n", 1000))[:60],
			want: "f: corrupt or truncated gzip data after 60 compressed bytes"},
		{name: "corrupt gzip header", text: "\x1f\x8bxxxxxxxxxx", want: "f: corrupt or truncated gzip data after 12 compressed bytes (0 bytes uncompressed): gzip: invalid header"},
		{name: "gzip inside gzip", text: gz(gz(good)),
			want: "f: the file is compressed twice (gzip inside gzip); decompress it once: gunzip -c f > f.once.gz"},
		{name: "gzip holding the gzip magic only", text: gz("\x1f\x8b"),
			want: "f: the file is compressed twice (gzip inside gzip)"},
		{name: "duplicate header", text: "user_id,timestamp,event,user_id\n",
			want: `f:1: duplicate column "user_id" in the header; the header found: "user_id", "timestamp", "event", "user_id"`},
		{name: "missing column", text: "user_id,timestmp,event\n",
			want: `f:1: no column "timestamp" in the header (did you mean "timestmp"?); the columns found: "user_id", "timestmp", "event"`},
		{name: "missing by column", text: good, opts: Options{By: "channel"},
			want: `f: no event file has the --by column "channel"; the columns found: "user_id", "timestamp", "event"`},
		{name: "semicolons", text: "user_id;timestamp;event\nu1;2020-01-01;a\n",
			want: `f:1: the file looks semicolon-delimited (as a spreadsheet set to Dutch saves CSV); save it comma-separated`},
		{name: "semicolons, quoted", text: "\"user_id\";\"timestamp\";\"event\"\r\n\"u1\";\"2020-01-01\";\"a\"\r\n",
			want: `f:1: the file looks semicolon-delimited (as a spreadsheet set to Dutch saves CSV); save it comma-separated`},
		{name: "semicolons, a comma in a name", text: "user_id;naam, voornaam;timestamp;event\n",
			want: `f:1: the file looks semicolon-delimited (as a spreadsheet set to Dutch saves CSV); save it comma-separated`},
		{name: "unnamed columns", text: "user_id,timestamp,event,,\nu1,2020-01-01,a,,\n",
			want: `f:1: the header has 2 columns without a name (columns 4, 5); name them, or delete them (a spreadsheet leaves empty columns after the last one it filled)`},
		{name: "json array", text: "[{\"user_id\":\"u1\",\"timestamp\":\"2020-01-01\",\"event\":\"a\"}]",
			want: `f:1: the file is one JSON array, not JSON Lines (one object per line); convert it: jq -c '.[]' FILE > FILE.jsonl`},
		{name: "pretty json array", text: "[\n  {\n    \"user_id\": \"u1\"\n  }\n]\n",
			want: `f:1: the file is one JSON array, not JSON Lines (one object per line); convert it: jq -c '.[]' FILE > FILE.jsonl`},
		{name: "tabs", text: "user_id\ttimestamp\tevent\n",
			want: `f:1: the header has one column "user_id\ttimestamp\tevent": the file looks tab-delimited; save it comma-separated`},
		{name: "unterminated quote", text: good + "u2,2020-01-01,a\n\"u3,2020-01-01,a\nu4,2020-01-01,a\n",
			want: "f:4: unterminated quote in the row starting on line 4; rows from line 4 on were not loaded"},
		{name: "unterminated quote in the header", text: "\"user_id,timestamp,event\n",
			want: "f:1: the header row does not end within 1 MiB; is a quote unterminated?"},
		{name: "strict", text: good + "u2,2020-01-01\n", opts: Options{Strict: true},
			want: "f:3: row has 2 fields, expected 3 as in the header (strict mode stops at the first skipped row)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readFiles(t, tt.opts, file{"f", tt.text})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q, want %q", err, tt.want)
			}
		})
	}
}

// TestCompressedTwice pins how the message about gzip inside gzip names the file to write.
func TestCompressedTwice(t *testing.T) {
	tests := []struct{ name, want string }{
		{"double.csv.gz", "gunzip -c double.csv.gz > double.once.csv.gz"},
		{"data/events.jsonl.gz", "gunzip -c data/events.jsonl.gz > data/events.once.jsonl.gz"},
		{"events.gz", "gunzip -c events.gz > events.once.gz"},
		{"my events.csv.gz", "gunzip -c 'my events.csv.gz' > 'my events.once.csv.gz'"},
		{"it's.csv.gz", `gunzip -c 'it'\''s.csv.gz' > 'it'\''s.once.csv.gz'`},
		{StdinName, "pipe it through gunzip -c before journey reads it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := "the file is compressed twice (gzip inside gzip); decompress it once: " + tt.want
			if got := compressedTwice(tt.name); got != want {
				t.Errorf("compressedTwice(%q) =\n%s\nwant\n%s", tt.name, got, want)
			}
		})
	}
}

// TestWarnings pins the notices that keep rows: a header-only file and implausible times.
func TestWarnings(t *testing.T) {
	rows := header + "u1,1970-01-02,a\n" + strings.Repeat("u1,2150-01-01,a\n", 6)
	l, err := readFiles(t, Options{}, file{"empty.csv", header}, file{"f", rows})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"empty.csv:0: the file has a header but no rows",
		`f:2: time "1970-01-02" is before 1990 or after 2100; the row is kept`,
		`f:3: time "2150-01-01" is before 1990 or after 2100; the row is kept`,
		`f:4: time "2150-01-01" is before 1990 or after 2100; the row is kept`,
		`f:5: time "2150-01-01" is before 1990 or after 2100; the row is kept`,
		`f:6: time "2150-01-01" is before 1990 or after 2100; the row is kept`,
		"f:0: 7 rows in all have times before 1990 or after 2100; the first 5 are listed",
	}
	if diff := cmp.Diff(want, lines(l.Warnings)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if l.Counts.Rows != 7 || l.Counts.Unmapped != 7 {
		t.Errorf("counts = %+v, want 7 unmapped rows", l.Counts)
	}
}

// TestFormats reads the same rows written in the ways the reader accepts.
func TestFormats(t *testing.T) {
	rows := "user_id,timestamp,event\r\n\"u1\",2020-01-01T10:00:00Z,a\r\n\r\nu1,1577872800,\"a\"\r\n"
	tests := []struct{ name, text string }{
		{"plain", rows},
		{"BOM", "\xef\xbb\xbf" + rows},
		{"gzip", gz(rows)},
		{"gzip with BOM", gz("\xef\xbb\xbf" + rows)},
		{"no final newline", strings.TrimSuffix(rows, "\r\n")},
		{"no final line feed", strings.TrimSuffix(rows, "\n")},
	}
	want := []Event{{Time: 1577872800e9, Touchpoint: 0}, {Time: 1577872800e9, Touchpoint: 0}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := readFiles(t, Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}, file{"f.csv", tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(users(l)) != 1 || len(l.Skipped) != 0 {
				t.Fatalf("users %+v, skipped %v", users(l), l.Skipped)
			}
			if diff := cmp.Diff(want, users(l)[0].Events); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDayFirstHint says what an unparsable date written day first is.
func TestDayFirstHint(t *testing.T) {
	for cell, hint := range map[string]bool{
		"07-12-2026 14:03": true, "7-12-2026": true, "07/12/2026 14:03:05": true, "7.12.2026": true,
		"2026-12-07": false, "12-2026": false, "07-12-26": false, "yesterday": false,
	} {
		if got := dayFirstHint([]byte(cell)) != ""; got != hint {
			t.Errorf("dayFirstHint(%q) gives a hint: %v, want %v", cell, got, hint)
		}
	}
}

// TestSmallNumberHint says what a time written as a small number more likely is: a
// spreadsheet's serial date or a YYYYMMDD date, not Unix seconds before 1973.
func TestSmallNumberHint(t *testing.T) {
	for cell, hint := range map[string]bool{
		"46082.375": true, "20260301": true, "86400": true,
		"1700000000": false, "1970-01-02": false, "-5": false, "": false, ".5": false,
	} {
		if got := smallNumberHint([]byte(cell)) != ""; got != hint {
			t.Errorf("smallNumberHint(%q) gives a hint: %v, want %v", cell, got, hint)
		}
	}
	rows := header + "u1,46082.375,a\n"
	l, err := readFiles(t, Options{}, file{"f", rows})
	if err != nil {
		t.Fatal(err)
	}
	if w := lines(l.Warnings); len(w) != 1 || !strings.Contains(w[0], "a spreadsheet's serial date, or a date written YYYYMMDD?") {
		t.Errorf("warnings %q, want the hint", w)
	}
}

// TestLackedColumns warns of a column the where conditions compare that no event file has
// (their conditions match nothing), in CSV and JSON Lines, and not of one some file has.
func TestLackedColumns(t *testing.T) {
	opts := Options{Touchpoints: [][]journey.Matcher{
		{{Event: "a", Where: []journey.Where{{Column: "page", Values: []string{"/x"}}}}},
		{{Event: "b", Where: []journey.Where{{Column: "params.page_location", Values: []string{"/y"}}}}},
	}}
	csvWithPage := "user_id,timestamp,event,page\nu1,2020-01-01,a,/x\n"
	jsonl := `{"user_id":"u2","timestamp":"2020-01-02","event":"b","event_params":[{"key":"page_location"}]}` + "\n"
	tests := []struct {
		name  string
		files []file
		want  []string
	}{
		{"one CSV without page", []file{{"a.csv", header + "u1,2020-01-01,a\n"}}, []string{"page", "params.page_location"}},
		{"a CSV with page and JSON Lines without", []file{{"a.csv", csvWithPage}, {"b.jsonl", jsonl}}, []string{"params.page_location"}},
		{"JSON Lines alone", []file{{"b.jsonl", jsonl}}, []string{"page", "params.page_location"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := readFiles(t, opts, tt.files...)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range l.Warnings {
				if _, rest, ok := strings.Cut(w.Message, "no event file has the column "); ok {
					col, _ := strconv.Unquote(strings.Fields(rest)[0])
					got = append(got, col)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("columns warned of (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTimeBounds keeps rows in [Since, Until): a row at Until is filtered, one a nanosecond
// before it kept; without bounds, a row at the greatest time there is is kept, as the
// database keeps it.
func TestTimeBounds(t *testing.T) {
	rows := header + "u1,1700000000000000000,a\nu2,1699999999999999999,a\nu3,9223372036854775807,a\n"
	opts := Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	l, err := readFiles(t, opts, file{"f", rows})
	if err != nil || l.Counts.Mapped != 3 || l.Counts.Filtered != 0 {
		t.Errorf("without bounds: counts %+v, err %v; want 3 mapped", l.Counts, err)
	}
	opts.Since, opts.Until = time.Unix(0, 1699999999999999999), time.Unix(0, 1700000000000000000)
	l, err = readFiles(t, opts, file{"f", rows})
	if err != nil || l.Counts.Mapped != 1 || l.Counts.Filtered != 2 || l.NumUsers() != 1 || l.UserID(0) != "u2" {
		t.Errorf("with bounds: counts %+v, err %v; want u2 mapped, 2 filtered", l.Counts, err)
	}
}
