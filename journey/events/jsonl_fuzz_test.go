package events

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// jsonlFirst starts every fuzzed JSON Lines text, so that it is read as JSON Lines and has
// the columns the options require.
const jsonlFirst = `{"user_id":"u0","timestamp":"2020-01-01","event":"a","seg":"s0"}` + "\n"

// fuzzJSONLOptions map events a and b (b on the nested column p.q) and exclude c.
var fuzzJSONLOptions = Options{By: "seg", KeepUnmapped: true,
	Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b", Where: []journey.Where{{Column: "p.q", Values: []string{"x", "1"}}}}}},
	Exclusions:  []journey.Matcher{{Event: "c", Where: []journey.Where{{Column: "r", Values: []string{"[1]"}}}}}}

// FuzzReadJSONL reads any text as JSON Lines: it must not panic or hang, must fail only with
// an *Error, its counts must add up, and it must read what the same rows read as CSV do,
// with problems on the same lines (see refCSV).
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"user_id":"u1","timestamp":"2020-01-02T10:00:00Z","event":"b","p":{"q":"x"}}`,
		`{"user_id":"u1","timestamp":1577959200,"event":"c","r":[1],"seg":null}` + "\r\n\n" + `[1,2]`,
		`{"user_id":"u2","timestamp":"2020-01-02","event":"b","p":{"q":1},"p.q":2}`,
		`{"user_id":"u\u00e9\ud83d\ude00","timestamp":"2020-01-02","event":"a\"b","x":{"y":{}}}` + "\n" + `{"a":"\xff"}`,
		`{"user_id":"u3","timestamp":"2020-01-02","event":"a","seg":true} x` + "\n  \t\n" + `"s"` + "\n" + `{"user_id":5}`,
		`{"user_id":"u5","timestamp":"2020-01-03","event":"a","seg":null}` + "\n" + `{"user_id":"u5","timestamp":"2020-01-04","event":"b","p":{"q":1},"seg":"later"}`,
		`{"user_id":"u4" , "timestamp" : "2020-01-02" , "event":"b" , "p" : { "q" : "x" } , "n":[{"a":[]}, -1.5e3]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text := jsonlFirst + string(data)
		got, err := readIDs(context.Background(), []Source{ReaderSource("f", strings.NewReader(text))}, fuzzJSONLOptions)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("err = %v, want an *Error", err)
		}
		if err == nil {
			checkCounts(t, got)
		}
		compareWithCSV(t, text, got, err)
	})
}

// compareWithCSV checks a JSON Lines reading against the reading of the same rows as CSV.
func compareWithCSV(t *testing.T, text string, got *Log, gotErr error) {
	lines := refRead([]byte(text))
	clash := false
	for _, l := range lines {
		clash = clash || l.clash
	}
	if clash {
		if gotErr == nil {
			t.Fatalf("two keys of a line give one column, yet the read succeeded")
		}
		return
	}
	required, _ := columnsRead(&fuzzJSONLOptions)
	csvText, comparable := refCSV(lines, required)
	if header, _, _ := strings.Cut(csvText, "\n"); semicolons([]byte(header)) {
		// keys with more semicolons than the header has commas: as CSV the file is refused
		// as one a spreadsheet saved with semicolons, which JSON Lines cannot be
		return
	}
	want, wantErr := readIDs(context.Background(), []Source{ReaderSource("f", strings.NewReader(csvText))}, fuzzJSONLOptions)
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("JSON Lines: %v; as CSV: %v\nCSV:\n%s", gotErr, wantErr, csvText)
	}
	if gotErr != nil {
		return
	}
	if diff := cmp.Diff(summary(want, comparable, 1), summary(got, comparable, 0)); diff != "" {
		t.Fatalf("JSON Lines differs from CSV (-csv +jsonl):\n%s\nCSV:\n%s", diff, csvText)
	}
}

// logSummary is what two readings of the same rows must agree on.
type logSummary struct {
	Counts   Counts
	Users    []user
	Unmapped map[string]int64
	Skipped  []int64
	Warnings []int64
}

// summary summarises a log; with lines, the lines of problems too, less offset (1 for CSV,
// whose header is line 1).
func summary(l *Log, lines bool, offset int64) logSummary {
	s := logSummary{Counts: l.Counts, Users: users(l), Unmapped: l.Unmapped}
	if !lines {
		return s
	}
	at := func(p Problem) int64 {
		if p.Line == 0 {
			return 0
		}
		return p.Line - offset
	}
	for _, p := range l.Skipped {
		s.Skipped = append(s.Skipped, at(p))
	}
	for _, p := range l.Warnings {
		s.Warnings = append(s.Warnings, at(p))
	}
	return s
}

// TestJSONLManyKeys reads lines whose nested object holds keys that vary from line to line,
// from a pool of 40, so that the shape nodes get many children, which the parser then finds
// through its index; some lines break after a new key (their nodes are undone) and later
// lines use that key. It must read what the same rows read as CSV do.
func TestJSONLManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString(jsonlFirst)
	for i := range 600 {
		fmt.Fprintf(&b, `{"user_id":"u%d","timestamp":"2020-01-%02d","event":"%s","p":{`, i%37, 1+i%28, []string{"a", "b", "c"}[i%3])
		for k := range 1 + i%5 {
			fmt.Fprintf(&b, `"k%d":%d,`, (i*7+k*13)%40, k)
		}
		fmt.Fprintf(&b, `"q":"%s"}`, []string{"x", "1", "y"}[i%3])
		switch {
		case i%11 == 0:
			fmt.Fprintf(&b, `,"new%d":1,`, i) // broken after a new key: its nodes are undone
		case i%11 == 1:
			fmt.Fprintf(&b, `,"new%d":2}`, i-1)
		default:
			b.WriteString("}")
		}
		b.WriteString("\n")
	}
	text := b.String()
	got, err := readIDs(context.Background(), []Source{ReaderSource("f", strings.NewReader(text))}, fuzzJSONLOptions)
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, got)
	compareWithCSV(t, text, got, err)
	if got.Counts.Skipped != 55 {
		t.Errorf("%d lines skipped, want the 55 broken ones", got.Counts.Skipped)
	}
}

// TestJSONShapeIndex parses lines whose first key inside p varies among 40, so that p's node
// has many children and the parser finds them through its index, with lines broken right
// after a new key, whose nodes are undone and whose node numbers later lines reuse. The
// index must then hold exactly the children of the nodes with many, and every line must give
// the cells it holds.
func TestJSONShapeIndex(t *testing.T) {
	p := newJSONParser(newColumnHashes([]string{"user_id", "p.q"}))
	for i := range 400 {
		key := fmt.Sprintf("k%d", (i*7)%40)
		if i%9 == 0 {
			key = fmt.Sprintf("new%d", i)
			if st := p.parse(fmt.Appendf(nil, `{"user_id":"u%d","p":{"%s":1,`, i, key)); st != lineBad {
				t.Fatalf("line %d: status %v, want bad", i, st)
			}
		}
		line := fmt.Appendf(nil, `{"user_id":"u%d","p":{"%s":1,"q":"v%d"}}`, i, key, i)
		if st := p.parse(line); st != lineRow {
			t.Fatalf("%s: status %v", line, st)
		}
		if got := string(p.fields[0]) + " " + string(p.fields[1]); got != fmt.Sprintf("u%d v%d", i, i) {
			t.Fatalf("%s: cells %q", line, got)
		}
	}
	want := map[string]int32{}
	for n, nd := range p.shapes {
		if len(nd.children) > fewChildren {
			for _, c := range nd.children {
				want[string(p.childKey(int32(n), []byte(p.shapes[c].key), p.shapes[c].kind))] = c
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no node has many children: the test exercises no index")
	}
	if diff := cmp.Diff(want, p.index); diff != "" {
		t.Errorf("index (-children of nodes with many +index):\n%s", diff)
	}
}
