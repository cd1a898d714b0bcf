package events

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/parquet-go/parquet-go"
)

// TestDefined checks the count of definition levels at maxDef, eight at a time, against
// one at a time, on levels of every byte value.
func TestDefined(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, maxDef := range []byte{1, 2, 3, 63, 127, 128, 129, 255} {
		for n := range 40 {
			defs := make([]byte, n)
			for i := range defs {
				switch r.IntN(3) {
				case 0:
					defs[i] = maxDef
				case 1:
					defs[i] = maxDef - 1
				default:
					defs[i] = byte(r.Uint32())
				}
			}
			want := 0
			for _, d := range defs {
				if d >= maxDef {
					want++
				}
			}
			if got := defined(defs, maxDef); got != want {
				t.Errorf("defined(%v, %d) = %d, want %d", defs, maxDef, got, want)
			}
		}
	}
}

func TestAllASCII(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"u1", true},
		{"user-00000001", true},
		{"0123456\x7f", true},
		{"01234567\x80", false},
		{"\xc3\xa9", false},
		{"abcdefgh\xff", false},
		{"abc\xffdefghijk", false},
	}
	for _, tc := range tests {
		if got := allASCII([]byte(tc.in)); got != tc.want {
			t.Errorf("allASCII(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestParquetBadValues checks the rows that text values and times skip, in the pages read
// in one go: plain identities, ASCII or not, valid UTF-8 or not, too long; dictionary event
// names that are not UTF-8; a mostly null dictionary column; TIMESTAMP values out of range.
func TestParquetBadValues(t *testing.T) {
	type row struct {
		UserID string  `parquet:"user_id,plain"`
		Event  string  `parquet:"event,dict"`
		Page   *string `parquet:"page,optional,dict"`
		Time   int64   `parquet:"timestamp,timestamp(millisecond:utc)"`
	}
	const ms = 1704189600000 // 2024-01-02T10:00:00Z
	rows := []row{
		{"u1", "a", nil, ms},
		{"u\xff", "a", nil, ms},
		{"ü2", "a", ptr("home"), ms},
		{"u3", "a\xfe", nil, ms},
		{"u4", "a", nil, 1 << 62},
		{strings.Repeat("u", MaxRowBytes+1), "a", nil, ms},
		{"u5", "a", ptr("shop"), ms + 1},
	}
	for range 40 {
		rows = append(rows, row{"u6", "a", nil, ms + 2})
	}
	path := writeParquet(t, rows)
	l, err := readIDs(context.Background(), []Source{FileSource(path)}, Options{By: "page", Touchpoints: [][]journey.Matcher{{{Event: "a"}}}})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, s := range lines(l.Skipped) {
		skipped = append(skipped, strings.Replace(s, path, "e.parquet", 1))
	}
	want := []string{
		"e.parquet:2: a text value of the row is not valid UTF-8",
		"e.parquet:4: a text value of the row is not valid UTF-8",
		`e.parquet:5: time "4611686018427387904" in column "timestamp" is out of range (a month, day, hour or minute past its end, or a year outside 1678-2261, which journey cannot hold)`,
		"e.parquet:6: a value of the row is longer than 1 MiB",
	}
	if diff := cmp.Diff(want, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if want := (Counts{Rows: 47, Mapped: 43, Skipped: 4}); l.Counts != want {
		t.Errorf("counts %+v, want %+v", l.Counts, want)
	}
	var pages []string
	for i := range l.NumUsers() {
		pages = append(pages, l.Segment(i))
	}
	if diff := cmp.Diff([]string{"", "home", "shop", ""}, pages); diff != "" {
		t.Errorf("pages of the users (-want +got):\n%s", diff)
	}
}

// TestParquetSparse reads a mostly null dictionary column over many blocks and pages, with a
// run of rows without nulls in the middle: each user's segment is their row's page.
func TestParquetSparse(t *testing.T) {
	type row struct {
		UserID string  `parquet:"user_id"`
		Event  string  `parquet:"event,dict"`
		Page   *string `parquet:"page,optional,dict"`
		Time   int64   `parquet:"timestamp,timestamp(millisecond:utc)"`
	}
	const n = 9000
	rows := make([]row, n)
	want := map[string]string{}
	for i := range rows {
		id := fmt.Sprintf("u%d", i)
		rows[i] = row{UserID: id, Event: "a", Time: 1704189600000 + int64(i)}
		if i%7 == 0 || i%11 == 3 || (i >= 4000 && i < 6000) {
			rows[i].Page = ptr(fmt.Sprintf("p%d", i%5))
			want[id] = *rows[i].Page
		}
	}
	path := writeParquet(t, rows, parquet.PageBufferSize(2048))
	l, err := readIDs(context.Background(), []Source{FileSource(path)}, Options{By: "page", Touchpoints: [][]journey.Matcher{{{Event: "a"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if l.NumUsers() != n {
		t.Fatalf("%d users, want %d", l.NumUsers(), n)
	}
	got := map[string]string{}
	for i := range l.NumUsers() {
		if s := l.Segment(i); s != "" {
			got[l.UserID(i)] = s
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
}

// TestParquetEventRules reads a dictionary column of event names, looked up once per
// dictionary entry (see pqCells.rulesOf), over many pages and blocks: mapped names, names
// with conditions, unmapped names and, in part of the file, nulls, which take the row by
// row lookup. The counts must be those of the same rows as CSV.
func TestParquetEventRules(t *testing.T) {
	type row struct {
		UserID string  `parquet:"user_id"`
		Event  *string `parquet:"event,optional,dict"`
		Page   string  `parquet:"page,dict"`
		Time   int64   `parquet:"timestamp,timestamp(millisecond:utc)"`
	}
	names := []string{"page_view", "signup", "add_to_cart", "unknown", "checkout", "purchase"}
	pages := []string{"/", "/products", "/cart", "/elsewhere"}
	const n = 12000
	rows := make([]row, n)
	var csv strings.Builder
	csv.WriteString("user_id,event,page,timestamp\n")
	for i := range rows {
		rows[i] = row{UserID: fmt.Sprintf("u%d", i%997), Page: pages[i%len(pages)], Time: 1704189600000 + int64(i)}
		name := ""
		if i < 5000 || i > 7000 || i%3 != 0 {
			name = names[(i*7)%len(names)]
			rows[i].Event = &name
		}
		fmt.Fprintf(&csv, "%s,%s,%s,%d\n", rows[i].UserID, name, rows[i].Page, rows[i].Time)
	}
	opts := Options{Touchpoints: benchTouchpoints(), KeepUnmapped: true}
	want, err := readFiles(t, opts, file{"e.csv", csv.String()})
	if err != nil {
		t.Fatal(err)
	}
	path := writeParquet(t, rows, parquet.PageBufferSize(1024))
	got, err := readIDs(context.Background(), []Source{FileSource(path)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(summary(want, false, 0), summary(got, false, 0)); diff != "" {
		t.Errorf("Parquet differs from CSV (-csv +parquet):\n%s", diff)
	}
}
