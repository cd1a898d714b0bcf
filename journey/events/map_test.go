package events

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

func where(col string, values ...string) []journey.Where {
	return []journey.Where{{Column: col, Values: values}}
}

// TestMapping pins how rows map to touchpoints, exclusions, filters and segments.
func TestMapping(t *testing.T) {
	text := "user_id,timestamp,event,page,channel\n" +
		"b,2020-01-01T00:00:03Z,view,/home,\n" + // 2: tp 0
		"b,2020-01-01T00:00:01Z,view,/shop,mail\n" + // 3: tp 1 (first matcher of tp 1)
		"a,2020-01-01T00:00:05Z,view,/other,ads\n" + // 4: unmapped
		"a,2020-01-01T00:00:05Z,buy,,ads\n" + // 5: tp 2 (empty cell matches "")
		"a,2020-01-01T00:00:05Z,quit,/x,seo\n" + // 6: unmapped, exclusion bit 1
		"b,2019-01-01T00:00:00Z,view,/home,old\n" + // 7: filtered
		"c,2020-01-01T00:00:02Z,view,/shop,\n" + // 8: tp 1
		"b,2020-01-01T00:00:01Z,buy,,web\n" // 9: tp 2, ties with line 3 by time
	opts := Options{
		By:    "channel",
		Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		Touchpoints: [][]journey.Matcher{
			{{Event: "view", Where: where("page", "/home")}},
			{{Event: "view", Where: where("page", "/shop", "/cart")}, {Event: "view", Where: where("missing", "x")}},
			{{Event: "buy", Where: where("page", "")}, {Event: "view", Where: where("page", "/nothing")}},
		},
		Exclusions: []journey.Matcher{{Event: "nope"}, {Event: "quit"}, {Event: "buy", Where: where("channel", "web")}},
	}
	l, err := readFiles(t, opts, file{"f", text})
	if err != nil {
		t.Fatal(err)
	}
	want := []user{
		{ID: "a", Segment: "ads", Counts: UserCounts{Rows: 3, Mapped: 1, Unmapped: 2},
			Events: []Event{{Time: 1577836805e9, Touchpoint: 2}, {Time: 1577836805e9, Touchpoint: -1, Exclude: 2}}},
		{ID: "b", Segment: "mail", Counts: UserCounts{Rows: 4, Mapped: 3, Filtered: 1},
			Events: []Event{{Time: 1577836801e9, Touchpoint: 1}, {Time: 1577836801e9, Touchpoint: 2, Exclude: 4}, {Time: 1577836803e9, Touchpoint: 0}}},
		{ID: "c", Counts: UserCounts{Rows: 1, Mapped: 1}, Events: []Event{{Time: 1577836802e9, Touchpoint: 1}}},
	}
	if diff := cmp.Diff(want, users(l)); diff != "" {
		t.Errorf("users (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int64{"view": 1, "quit": 1}, l.Unmapped); diff != "" {
		t.Errorf("unmapped (-want +got):\n%s", diff)
	}
	if want := (Counts{Rows: 8, Mapped: 5, Unmapped: 2, Filtered: 1}); l.Counts != want {
		t.Errorf("counts = %+v, want %+v", l.Counts, want)
	}
	opts.KeepUnmapped = true
	if l, err = readFiles(t, opts, file{"f", text}); err != nil {
		t.Fatal(err)
	}
	if n := len(users(l)[0].Events); n != 3 {
		t.Errorf("with KeepUnmapped, user a has %d events, want 3", n)
	}
}

// TestSeveralFiles reads files with different headers as one stream, with lines per file.
func TestSeveralFiles(t *testing.T) {
	opts := Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	l, err := readFiles(t, opts,
		file{"one", "user_id,timestamp,event\nu1,2020-01-02,a\nu2,bad,a\n"},
		file{"two", "event,extra,user_id,timestamp\na,x,u1,2020-01-01\na,x,u2,bad\n"})
	if err != nil {
		t.Fatal(err)
	}
	if len(users(l)) != 1 || len(users(l)[0].Events) != 2 || users(l)[0].Events[0].Time != 1577836800e9 {
		t.Errorf("users = %+v", users(l))
	}
	if got := lines(l.Skipped); len(got) != 2 || !strings.HasPrefix(got[0], "one:3:") || !strings.HasPrefix(got[1], "two:3:") {
		t.Errorf("skipped = %q", got)
	}
}

// TestLongRows checks that a row over MaxRowBytes is skipped without being held, quoted
// fields and all, and that a quoted field left open to the end of the file stops the read.
func TestLongRows(t *testing.T) {
	long := strings.Repeat("x", 2*MaxRowBytes)
	l, err := readFiles(t, Options{}, file{"f", header + "u1,2020-01-01,a\nu2,2020-01-01," + long + "\nu3,2020-01-01,a\n"})
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(l.Skipped); len(got) != 1 || got[0] != "f:3: row is longer than 1 MiB" || l.Counts.Rows != 3 {
		t.Errorf("skipped = %q, counts %+v", got, l.Counts)
	}
	// rows just under the limit, one after the other, are read
	almost := "u4,2020-01-01," + strings.Repeat("y", MaxRowBytes-len("u4,2020-01-01,")-1) + "\n"
	l, err = readFiles(t, Options{}, file{"f", header + strings.Repeat(almost, 5) + "u5,2020-01-01,a\n"})
	if err != nil || l.Counts.Rows != 6 || l.Counts.Skipped != 0 {
		t.Errorf("rows of %d bytes: counts %+v, err %v; want 6 rows, none skipped", len(almost), l.Counts, err)
	}
	// a quoted field that long, with line feeds and quotes in it, is a row too long; the
	// rows after it are read, on the lines they are on
	quoted := "u2,2020-01-01,\"" + strings.Repeat("x\n\"\",y", MaxRowBytes/3) + "\"\n"
	for _, tail := range []string{"u3,2020-01-01,a\nu4,2020-01-01\n", "u3,2020-01-01,a\nu4,2020-01-01"} {
		l, err = readFiles(t, Options{}, file{"f", header + "u1,2020-01-01,a\n" + quoted + tail})
		want := []string{"f:3: row is longer than 1 MiB", fmt.Sprintf("f:%d: row has 2 fields, expected 3 as in the header", 4+MaxRowBytes/3+1)}
		if err != nil || !cmp.Equal(lines(l.Skipped), want) || l.Counts.Rows != 4 || l.Counts.Unmapped != 2 {
			t.Errorf("quoted long field: skipped %q, counts %+v, err %v; want %q", lines(l.Skipped), l.Counts, err, want)
		}
	}
	_, err = readFiles(t, Options{}, file{"f", header + "u1,2020-01-01,a\n" + strings.Repeat("u2,2020-01-01,a\n", 300000) + "u2,2020-01-01,\"" + long})
	var e *Error
	if !errors.As(err, &e) || e.Line != 300003 || !strings.Contains(e.Message, "unterminated quote") {
		t.Errorf("err = %v, want an unterminated quote on line 300003", err)
	}
}

// randomCSV writes rows of random valid CSV, quoting some fields (with commas, quotes and
// newlines inside) so that block boundaries fall inside quoted fields.
func randomCSV(r *rand.Rand, rows int) string {
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,note\n")
	for range rows {
		fields := []string{
			"u" + strconv.Itoa(r.IntN(300)),
			strconv.FormatInt(1577836800+r.Int64N(1000), 10),
			[]string{"a", "b", "c"}[r.IntN(3)],
			strings.Repeat("n", r.IntN(40)),
		}
		for i, f := range fields {
			if i == 3 {
				f += []string{"", ",", "\n", `"`, "\r\n"}[r.IntN(5)]
			}
			if r.IntN(4) == 0 || strings.ContainsAny(f, ",\"\r\n") {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(f)
		}
		b.WriteString([]string{"\n", "\r\n"}[r.IntN(2)])
	}
	return b.String()
}

// reference reads text with encoding/csv and returns each user's events in input order and
// first-touch segment by the note column: the first non-empty note of a mapped row by time,
// ties in input order.
func reference(t *testing.T, text string) (map[string][]Event, map[string]string) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Read()
	out, seg, segTime := map[string][]Event{}, map[string]string{}, map[string]int64{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, seg
		}
		if err != nil {
			t.Fatal(err)
		}
		sec, _ := strconv.ParseInt(rec[1], 10, 64)
		tp := int32(-1)
		if rec[2] != "c" {
			tp = int32(rec[2][0] - 'a')
		}
		id := rec[0]
		out[id] = append(out[id], Event{Time: sec * 1e9, Touchpoint: tp})
		if _, ok := seg[id]; tp >= 0 && rec[3] != "" && (!ok || sec < segTime[id]) {
			seg[id], segTime[id] = rec[3], sec
		}
	}
}

// TestAgainstEncodingCSV compares the reader with encoding/csv on files of several blocks
// full of quoted fields, so every way a block can end inside a row is met.
func TestAgainstEncodingCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	text := randomCSV(r, 400000)
	if len(text) < 3*blockSize {
		t.Fatalf("the test file has %d bytes, want several blocks", len(text))
	}
	want, wantSeg := reference(t, text)
	for name := range want {
		sortEvents(want[name])
	}
	opts := Options{By: "note", KeepUnmapped: true, Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b"}}}}
	l, err := readFiles(t, opts, file{"f", text})
	if err != nil {
		t.Fatal(err)
	}
	got, gotSeg := map[string][]Event{}, map[string]string{}
	for _, u := range users(l) {
		got[u.ID] = u.Events
		if u.Segment != "" {
			// encoding/csv drops the CR of a CRLF inside quotes; RFC 4180 keeps it.
			gotSeg[u.ID] = strings.ReplaceAll(u.Segment, "\r\n", "\n")
		}
	}
	if diff := cmp.Diff(wantSeg, gotSeg); diff != "" {
		t.Errorf("segments differ from encoding/csv (-want +got):\n%s", diff)
	}
	if !maps.EqualFunc(want, got, slices.Equal) {
		t.Errorf("events differ from encoding/csv (-want +got):\n%s", cmp.Diff(want, got))
	}
	if l.Counts.Rows != 400000 || l.Counts.Skipped != 0 {
		t.Errorf("counts = %+v", l.Counts)
	}
}

// TestRunningExample reads the pm4py running example: 6 cases, 42 events, 8 activities,
// times with a zone offset and an unnamed first column.
func TestRunningExample(t *testing.T) {
	opts := Options{ID: "case:concept:name", Time: "time:timestamp", Event: "concept:name", By: "org:resource"}
	for _, act := range []string{"register request", "examine casually", "examine thoroughly", "check ticket", "decide"} {
		opts.Touchpoints = append(opts.Touchpoints, []journey.Matcher{{Event: act}})
	}
	l, err := readIDs(context.Background(), []Source{FileSource("../../testdata/events/running-example.csv")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, l)
	if want := (Counts{Rows: 42, Mapped: 33, Unmapped: 9}); l.Counts != want {
		t.Errorf("counts = %+v, want %+v", l.Counts, want)
	}
	if len(users(l)) != 6 || users(l)[0].ID != "1" || users(l)[5].ID != "6" {
		t.Fatalf("users = %+v", users(l))
	}
	u3 := users(l)[2]
	first := time.Date(2010, 12, 30, 13, 32, 0, 0, time.UTC).UnixNano()
	if u3.Segment != "Pete" || u3.Events[0].Time != first || u3.Events[0].Touchpoint != 0 {
		t.Errorf("case 3 = %+v, want it to start with register request by Pete at %d", u3, first)
	}
	if diff := cmp.Diff(map[string]int64{"reinitiate request": 3, "pay compensation": 3, "reject request": 3}, l.Unmapped); diff != "" {
		t.Errorf("unmapped (-want +got):\n%s", diff)
	}
}

// TestFileSource reads through the file system, and reports a missing file as fs.ErrNotExist.
func TestFileSource(t *testing.T) {
	_, err := readIDs(context.Background(), Sources([]string{"../../testdata/events/nope.csv"}, nil), Options{})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want os.ErrNotExist", err)
	}
	var progress []int64
	opts := Options{Progress: func(read, total int64) { progress = append(progress, read, total) }}
	l, err := readIDs(context.Background(), Sources([]string{"-"}, strings.NewReader(header+"u1,2020-01-01,a\n")), opts)
	if err != nil || l.Counts.Rows != 1 {
		t.Fatalf("log %+v, err %v", l, err)
	}
	if len(progress) < 2 || progress[len(progress)-2] != int64(len(header)+16) || progress[len(progress)-1] != 0 {
		t.Errorf("progress = %v, want it to end at the bytes read with an unknown total", progress)
	}
}

// TestCancel stops a read when its context is cancelled.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := readIDs(ctx, []Source{ReaderSource("f", strings.NewReader(randomCSV(rand.New(rand.NewPCG(1, 1)), 1000)))}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestLayouts reads files whose users' events come grouped, interleaved, or grouped after a
// user was first named by a row that keeps no event: each user must get exactly its events.
func TestLayouts(t *testing.T) {
	since := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	ev := func(sec int64) Event { return Event{Time: (1577836800 + sec) * 1e9, Touchpoint: 0} }
	tests := []struct {
		name, rows string
		want       map[string][]Event
	}{
		{"grouped", "a,2020-01-01T00:00:01Z\na,2020-01-01T00:00:02Z\nb,2020-01-01T00:00:01Z\nc,2020-01-01T00:00:05Z\n",
			map[string][]Event{"a": {ev(1), ev(2)}, "b": {ev(1)}, "c": {ev(5)}}},
		{"interleaved", "a,2020-01-01T00:00:01Z\nb,2020-01-01T00:00:01Z\na,2020-01-01T00:00:02Z\n",
			map[string][]Event{"a": {ev(1), ev(2)}, "b": {ev(1)}}},
		{"named first by a filtered row", "a,2019-01-01T00:00:00Z\nb,2020-01-01T00:00:01Z\na,2020-01-01T00:00:03Z\na,2020-01-01T00:00:02Z\n",
			map[string][]Event{"a": {ev(2), ev(3)}, "b": {ev(1)}}},
		{"unsorted within a group", "a,2020-01-01T00:00:09Z\na,2020-01-01T00:00:02Z\nb,2020-01-01T00:00:01Z\n",
			map[string][]Event{"a": {ev(2), ev(9)}, "b": {ev(1)}}},
	}
	opts := Options{Since: since, Touchpoints: [][]journey.Matcher{{{Event: "e"}}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "user_id,timestamp,event\n" + strings.ReplaceAll(tt.rows, "Z\n", "Z,e\n")
			l, err := readFiles(t, opts, file{"f", text})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]Event{}
			for _, u := range users(l) {
				if len(u.Events) > 0 {
					got[u.ID] = u.Events
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}
