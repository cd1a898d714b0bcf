package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/internal/convert"
	"github.com/journey-cx/journey/internal/golden"
	"github.com/parquet-go/parquet-go"
)

// TestFormatsSameNumbers checks SPEC section 2's promise that JSON Lines and Parquet give
// the same numbers as the same rows in CSV, in every output format of analyze (and of
// attribute, whatif and compare, which read events the same way): on both examples, on a
// simulated file sorted by time, and on the Clique Bait data. The JSON Lines and Parquet
// files are written from the CSV in the test, in several ways each (empty cells left out,
// null or ""; gzip; text or TIMESTAMP times; dictionaries or plain; several row groups and
// codecs).
func TestFormatsSameNumbers(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, mapPath, csvPath, time string
		flags                        []string
		more                         [][]string // other commands, with their flags
	}{
		{"florist", "../../examples/florist/florist.journey.yaml", "../../examples/florist/events.csv", "timestamp", []string{"--by", "source"}, [][]string{
			{"attribute", "--by", "owner", "--value", "amount", "--format", "json"},
			{"attribute", "--format", "table"},
			{"whatif", "--improve", "account-approved=0.5", "--format", "json"},
			{"compare", "--periods", "2026-03-01..2026-04-01,2026-04-01..2026-05-16", "--format", "json"},
			{"compare", "--by", "source", "--groups", "linkedin,vakbeurs", "--format", "markdown"},
		}},
		{"saas", "../../examples/saas/trial.journey.yaml", "../../examples/saas/events.csv", "timestamp", []string{"--by", "utm_source"}, [][]string{
			{"attribute", "--model", "linear", "--format", "csv"},
		}},
		{"simulated", "../../examples/florist/florist.journey.yaml", simulatedByTime(t, dir), "timestamp", []string{"--tz", "Europe/Amsterdam"}, nil},
		{"cliquebait", "../../testdata/analysis/cliquebait/cliquebait.journey.yaml", gunzipped(t, dir, "../../testdata/analysis/cliquebait/events.csv.gz"), "timestamp", []string{"--id", "visit_id", "--by", "category"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := writeFormats(t, filepath.Join(dir, tc.name), tc.csvPath, tc.time)
			commands := tc.more
			for _, format := range []string{"json", "table", "csv", "markdown"} {
				commands = append(commands, append([]string{"analyze", "--format", format}, tc.flags...))
			}
			for _, c := range commands {
				args := slices.Concat(c[:1], []string{tc.mapPath, "-q"}, c[1:])
				want := runOK(t, append(args, "--events", tc.csvPath)...)
				for _, f := range files {
					if got := runOK(t, append(args, "--events", f)...); !bytes.Equal(got, want) {
						t.Errorf("%s: %s differs from the CSV (-csv +%s):\n%s", strings.Join(c, " "), filepath.Base(f), filepath.Base(f), cmp.Diff(string(want), string(got)))
					}
				}
			}
		})
	}
}

// writeFormats writes the rows of a CSV file in every way the test reads them, each file
// named after how it is written, and returns their paths.
func writeFormats(t *testing.T, base, csvPath, timeCol string) []string {
	t.Helper()
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	write := func(name string, fn func(w io.Writer) error) {
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := base + "." + name
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	for name, empty := range map[string]convert.Empty{"omit.jsonl": convert.Omit, "null.ndjson": convert.Null, "empty.jsonl": convert.EmptyString} {
		write(name, func(w io.Writer) error { return convert.JSONL(w, bytes.NewReader(data), empty, false) })
	}
	write("jsonl.gz", func(w io.Writer) error {
		z := gzip.NewWriter(w)
		if err := convert.JSONL(z, bytes.NewReader(data), convert.Omit, false); err != nil {
			return err
		}
		return z.Close()
	})
	for name, o := range map[string]convert.ParquetOptions{
		"text.parquet":  {},
		"typed.parquet": {Time: timeCol, RowGroupRows: 5000, Codec: &parquet.Zstd},
		"plain.parquet": {Time: timeCol, Plain: true, Codec: &parquet.Gzip, RowGroupRows: 700},
	} {
		write(name, func(w io.Writer) error { return convert.Parquet(w, bytes.NewReader(data), o) })
	}
	slices.Sort(paths)
	return paths
}

// simulatedByTime writes a simulated event file for the florist map with its rows sorted by
// time, as real exports are, and returns its path.
func simulatedByTime(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "simulated.csv")
	runOK(t, "simulate", "../../examples/florist/florist.journey.yaml", "--users", "3000", "--seed", "7", "-o", path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "timestamp")
	slices.SortStableFunc(rows[1:], func(a, b []string) int { return strings.Compare(a[col], b[col]) })
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// gunzipped writes the decompressed copy of a gzip file and returns its path.
func gunzipped(t *testing.T, dir, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".gz"))
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExampleFormats keeps the florist example's events as JSON Lines (gzip-compressed) and
// as Parquet (its time a TIMESTAMP) beside its CSV, for the README: they are written from the
// CSV (JOURNEY_UPDATE=1 rewrites them) and give the same numbers.
func TestExampleFormats(t *testing.T) {
	const dir = "../../examples/florist/"
	data, err := os.ReadFile(dir + "events.csv")
	if err != nil {
		t.Fatal(err)
	}
	var jsonl, pq bytes.Buffer
	z := gzip.NewWriter(&jsonl)
	if err := convert.JSONL(z, bytes.NewReader(data), convert.Omit, false); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := convert.Parquet(&pq, bytes.NewReader(data), convert.ParquetOptions{Time: "timestamp"}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, dir+"events.jsonl.gz", jsonl.Bytes())
	golden.Check(t, dir+"events.parquet", pq.Bytes())
	want := runOK(t, "analyze", dir+"florist.journey.yaml", "--events", dir+"events.csv", "--format", "json")
	for _, f := range []string{"events.jsonl.gz", "events.parquet"} {
		if got := runOK(t, "analyze", dir+"florist.journey.yaml", "--events", dir+f, "--format", "json"); !bytes.Equal(got, want) {
			t.Errorf("%s gives other numbers than events.csv:\n%s", f, cmp.Diff(string(want), string(got)))
		}
	}
}
