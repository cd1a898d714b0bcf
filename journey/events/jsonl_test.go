package events

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// TestJSONLExports reads lines shaped as Segment, Mixpanel and Amplitude export them, with
// nested keys addressed with dots in the identity, time, event, where and --by columns.
func TestJSONLExports(t *testing.T) {
	tests := []struct {
		name, text string
		opts       Options
		want       []user
	}{{
		name: "segment",
		text: `{"type":"track","event":"Viewed","userId":"u1","timestamp":"2024-01-02T10:00:00.123Z","properties":{"page":"/pricing","plan":null},"context":{"campaign":{"source":"ads"}}}
{"type":"track","event":"Viewed","userId":"u1","timestamp":"2024-01-02T10:01:00Z","properties":{"page":"/"}}
{"type":"identify","userId":"u2","timestamp":"2024-01-02T10:02:00Z","traits":{"email":"a@b"}}
`,
		opts: Options{ID: "userId", Event: "event", By: "context.campaign.source", Touchpoints: [][]journey.Matcher{
			{{Event: "Viewed", Where: []journey.Where{{Column: "properties.page", Values: []string{"/pricing"}}}}}}},
		want: []user{
			{ID: "u1", Segment: "ads", Events: []Event{{Time: 1704189600123000000, Touchpoint: 0}}, Counts: UserCounts{Rows: 2, Mapped: 1, Unmapped: 1}},
			{ID: "u2", Counts: UserCounts{Rows: 1, Unmapped: 1}},
		},
	}, {
		name: "mixpanel",
		text: `{"event":"Signed Up","properties":{"time":1704189600,"distinct_id":"d1","$browser":"Firefox","count":3}}
{"event":"Signed Up","properties":{"time":1704189660,"distinct_id":1234,"$browser":"Chrome","count":3.0}}
`,
		opts: Options{ID: "properties.distinct_id", Time: "properties.time", By: "properties.$browser",
			Touchpoints: [][]journey.Matcher{{{Event: "Signed Up", Where: []journey.Where{{Column: "properties.count", Values: []string{"3"}}}}}}},
		want: []user{
			{ID: "1234", Counts: UserCounts{Rows: 1, Unmapped: 1}},
			{ID: "d1", Segment: "Firefox", Events: []Event{{Time: 1704189600e9}}, Counts: UserCounts{Rows: 1, Mapped: 1}},
		},
	}, {
		name: "amplitude",
		text: `{"user_id":"a1","event_type":"purchase","event_time":"2024-01-02 10:00:00.000000","event_properties":{"items":[{"sku":"x"}],"coupon":true}}
`,
		opts: Options{Time: "event_time", Event: "event_type", By: "event_properties.items",
			Touchpoints: [][]journey.Matcher{{{Event: "purchase", Where: []journey.Where{{Column: "event_properties.coupon", Values: []string{"true"}}}}}}},
		want: []user{{ID: "a1", Segment: `[{"sku":"x"}]`, Events: []Event{{Time: 1704189600e9}}, Counts: UserCounts{Rows: 1, Mapped: 1}}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := readFiles(t, tc.opts, file{"e.jsonl", tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, users(l)); diff != "" {
				t.Errorf("users (-want +got):\n%s", diff)
			}
		})
	}
}

// jsonlOpts maps event a.
var jsonlOpts = Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}

// good is a well-formed line of user u at a second past 2024-01-01T00:00:00Z.
func good(u string) string {
	return `{"user_id":"` + u + `","timestamp":"2024-01-01T00:00:01Z","event":"a"}`
}

// TestJSONLBadLines pins, for each kind of line that is not a JSON object, that it is
// skipped, counted and reported with its line; blank lines are no rows but count as lines.
func TestJSONLBadLines(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"array", `[1, 2]`, "line is a JSON array, not an object; JSON Lines has one object per line"},
		{"string", `"text"`, "line is a JSON string, not an object; JSON Lines has one object per line"},
		{"number", `-12`, "line is a JSON number, not an object; JSON Lines has one object per line"},
		{"literal", `null`, "line is null, not an object; JSON Lines has one object per line"},
		{"literal true", ` true `, "line is true, not an object; JSON Lines has one object per line"},
		{"text starting like a literal", `nullx`, "line is not JSON, not an object; JSON Lines has one object per line"},
		{"words", `not json`, "line is not JSON, not an object; JSON Lines has one object per line"},
		{"unclosed array line", `[1, 2`, "line is not JSON, not an object; JSON Lines has one object per line"},
		{"number and text", `12 apples`, "line is not JSON, not an object; JSON Lines has one object per line"},
		{"not json", `user_id,timestamp`, "line is not JSON, not an object; JSON Lines has one object per line"},
		{"unterminated", `{"user_id":"u`, "line is not a JSON object: a string is not well-formed at byte 12"},
		{"missing colon", `{"user_id" "u"}`, "line is not a JSON object: expected a colon after a key at byte 12"},
		{"trailing comma", `{"user_id":"u",}`, "line is not a JSON object: expected a key in quotes at byte 16"},
		{"text after", `{"user_id":"u"} {}`, "line is not a JSON object: text follows the object at byte 17"},
		{"two objects", `{"a":1}{"b":2}`, "line is not a JSON object: text follows the object at byte 8"},
		{"bad number", `{"a":01}`, "line is not a JSON object: expected a comma or a closing } at byte 7"},
		{"bad escape", `{"a":"\x"}`, "line is not a JSON object: a string is not well-formed at byte 6"},
		{"control character", "{\"a\":\"x\ty\"}", "line is not a JSON object: a string is not well-formed at byte 6"},
		{"bad array", `{"a":[1,]}`, "line is not a JSON object: expected a value at byte 9"},
		{"unclosed array", `{"a":[{"b":[1]}`, "line is not a JSON object: the line ends inside an array or object at byte 17"},
		{"invalid UTF-8", "{\"a\":\"\xff\"}", "line is not valid UTF-8; save the file as UTF-8"},
		{"invalid UTF-8 key", "{\"\xc3\":1}", "line is not valid UTF-8; save the file as UTF-8"},
		{"invalid UTF-8 in an array", "{\"a\":[\"\xe2\x82\"]}", "line is not valid UTF-8; save the file as UTF-8"},
		{"deep", `{"a":` + strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth) + "}", "line is not a JSON object: arrays and objects nest too deep at byte 10005"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := good("u1") + "\n\n" + tc.line + "\r\n" + good("u2") + "\n"
			l, err := readFiles(t, jsonlOpts, file{"e.jsonl", text})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"e.jsonl:3: " + tc.want}
			if diff := cmp.Diff(want, lines(l.Skipped)); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
			if l.Counts != (Counts{Rows: 3, Mapped: 2, Skipped: 1}) {
				t.Errorf("counts = %+v, want 3 rows, 2 mapped, 1 skipped", l.Counts)
			}
		})
	}
}

// TestJSONLBrokenFirstLine: a file whose first line is no object but whose next ones are is
// JSON Lines with a broken first line, skipped and reported as any other; it is not read as
// a CSV file with a strange header.
func TestJSONLBrokenFirstLine(t *testing.T) {
	for _, first := range []string{`null`, `[1]`, `garbage`, `{"user_id":"u0","timestamp":"2026`} {
		l, err := readFiles(t, jsonlOpts, file{"e.jsonl", first + "\n" + good("u1") + "\n" + good("u2") + "\n"})
		if err != nil {
			t.Fatalf("%s: %v", first, err)
		}
		if l.Counts != (Counts{Rows: 3, Mapped: 2, Skipped: 1}) || len(l.Skipped) != 1 || l.Skipped[0].Line != 1 {
			t.Errorf("%s: counts %+v, skipped %v; want line 1 skipped, 2 rows mapped", first, l.Counts, lines(l.Skipped))
		}
	}
}

// TestJSONLValues pins how values become cells: text unescaped, numbers and booleans as
// written, arrays as written, null and missing keys empty, empty objects no column.
func TestJSONLValues(t *testing.T) {
	text := `{"user_id":"u\u00e9\ud83d\ude00\n","timestamp":"2024-01-01","event":"a","v":1.50e+3}
{"user_id":"u2","timestamp":"2024-01-01","event":"a","v":[ 1, {"x" : null} ]}
{"user_id":"u3","timestamp":"2024-01-01","event":"a","v":null,"o":{}}
{"user_id":"u4","timestamp":"2024-01-01","event":"a","v":"\ud800 \/"}
{"user_id":"u5","timestamp":"2024-01-01","event":"a","v":false}
{"user_id":"u6","timestamp":"2024-01-01","event":"a"}
`
	l, err := readFiles(t, Options{By: "v", Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}, file{"e.jsonl", text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range users(l) {
		got = append(got, u.ID+"="+u.Segment)
	}
	want := []string{"u2=[ 1, {\"x\" : null} ]", "u3=", "u4=\ufffd /", "u5=false", "u6=", "u\u00e9\U0001F600\n=1.50e+3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("identity=segment (-want +got):\n%s", diff)
	}
}

// TestJSONLColumnErrors pins the errors that stop a read: two keys of a line giving one
// column, and a required column no line has.
func TestJSONLColumnErrors(t *testing.T) {
	tests := []struct {
		name, text string
		opts       Options
		want       string
	}{
		{"dotted key beside nested", good("u1") + "\n" + `{"user_id":"u","a":{"b":1},"a.b":2}` + "\n",
			Options{}, `e.jsonl:2: two keys of the line give the column "a.b" (a key with a dot beside a nested object, or a key written twice); the columns of a line must be unique`},
		{"key twice", `{"user_id":"u","user_id":"v"}`,
			Options{}, `e.jsonl:1: two keys of the line give the column "user_id" (a key with a dot beside a nested object, or a key written twice); the columns of a line must be unique`},
		{"null twice", `{"a":{"b":null},"a":{"b":1}}`,
			Options{}, `e.jsonl:1: two keys of the line give the column "a.b" (a key with a dot beside a nested object, or a key written twice); the columns of a line must be unique`},
		{"missing identity", `{"userId":"u","timestamp":"2024-01-01","event":"a","p":{"q":1}}` + "\n[]\n",
			Options{}, `e.jsonl: no line has the column "user_id" (did you mean "userId"?); the columns found (nested keys joined with dots): "event", "p.q", "timestamp", "userId"`},
		{"missing by", good("u1"), Options{By: "channel"},
			`e.jsonl: no event file has the --by column "channel"; the columns found: "event", "timestamp", "user_id"`},
		{"no object", "{}\n[1]\n", Options{}, `e.jsonl: no line has the column "user_id"; no line is a JSON object with keys (pretty-printed JSON? JSON Lines has each object whole on one line: jq -c . FILE)`},
		{"pretty-printed", "{\n  \"user_id\": \"u1\"\n}\n", Options{}, `e.jsonl: no line has the column "user_id"; no line is a JSON object with keys (pretty-printed JSON? JSON Lines has each object whole on one line: jq -c . FILE)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readFiles(t, tc.opts, file{"e.jsonl", tc.text})
			var e *Error
			if !errors.As(err, &e) || err.Error() != tc.want {
				t.Errorf("err = %v\nwant  %v", err, tc.want)
			}
		})
	}
}

// TestJSONLEmptyValues pins a where that compares with an empty value: a line without the
// key matches when some line of the file has it, and not when none does (a column the file
// lacks never matches). From standard input, the file cannot be looked at first, so a
// column no line has is an error.
func TestJSONLEmptyValues(t *testing.T) {
	opts := Options{Touchpoints: [][]journey.Matcher{{{Event: "a", Where: []journey.Where{{Column: "p.ref", Values: []string{""}}}}}}}
	dir := t.TempDir()
	with := filepath.Join(dir, "with.jsonl")
	without := filepath.Join(dir, "without.jsonl")
	writeFile(t, with, good("u1")+"\n"+`{"user_id":"u2","timestamp":"2024-01-01","event":"a","p":{"ref":"x"}}`+"\n")
	writeFile(t, without, good("u1")+"\n")
	for path, mapped := range map[string]int64{with: 1, without: 0} {
		l, err := readIDs(context.Background(), []Source{FileSource(path)}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if l.Counts.Mapped != mapped {
			t.Errorf("%s: %d mapped, want %d", filepath.Base(path), l.Counts.Mapped, mapped)
		}
	}
	_, err := readFiles(t, opts, file{StdinName, good("u1") + "\n"})
	want := `<stdin>: no line has the key "p.ref", which the map compares with an empty value or --value reads; read from standard input, the file cannot be checked for the key before its lines are mapped: give the file's name instead`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestJSONLLongLine reads a 50 MB line: it is skipped and reported, the lines around it are
// read, and the read does not hold the line.
func TestJSONLLongLine(t *testing.T) {
	const long = 50 << 20
	r := io.MultiReader(strings.NewReader(good("u1")+"\n"+`{"user_id":"u","x":"`),
		io.LimitReader(repeatReader('x'), long), strings.NewReader(`"}`+"\n"+good("u2")+"\n"))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l, err := readIDs(context.Background(), []Source{ReaderSource("e.jsonl", r)}, jsonlOpts)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"e.jsonl:2: row is longer than 1 MiB"}, lines(l.Skipped)); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if l.Counts != (Counts{Rows: 3, Mapped: 2, Skipped: 1}) {
		t.Errorf("counts = %+v", l.Counts)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > long/2 {
		t.Errorf("the read allocated %d MiB for a %d MiB line", got>>20, long>>20)
	}
}

// repeatReader reads an endless run of one byte.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestFormatsByBytes reads files whose names say another format than their bytes, given
// together: they are one stream, in the order given, each read as what it is.
func TestFormatsByBytes(t *testing.T) {
	csv := header + "c1,2024-01-01T00:00:01Z,a\nbad row\n"
	jsonl := "\xef\xbb\xbf\n  \r\n" + good("j1") + "\r\n[]\r\n"
	l, err := readFiles(t, jsonlOpts, file{"events.jsonl", csv}, file{"events.csv", jsonl}, file{"more.csv.gz", gz(jsonl)})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"events.jsonl:3: row has 1 fields, expected 3 as in the header",
		"events.csv:4: line is a JSON array, not an object; JSON Lines has one object per line",
		"more.csv.gz:4: line is a JSON array, not an object; JSON Lines has one object per line"}
	if diff := cmp.Diff(want, lines(l.Skipped)); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if got := []string{l.UserID(0), l.UserID(1)}; l.NumUsers() != 2 || got[0] != "c1" || got[1] != "j1" {
		t.Errorf("users %v, want c1 then j1", got)
	}
}

// TestJSONLValue pins --value on JSON Lines: a nested key is the value column; a file of
// which no line has the key is a file without the column, as a CSV file without it is
// (looked for before the read), so that no file having it is an error.
func TestJSONLValue(t *testing.T) {
	dir := t.TempDir()
	with := filepath.Join(dir, "with.jsonl")
	without := filepath.Join(dir, "without.jsonl")
	writeFile(t, with, `{"user_id":"a","timestamp":"2020-01-01T00:00:03Z","event":"buy","order":{"amount":"30"}}`+"\n"+
		`{"user_id":"b","timestamp":"2020-01-01T00:00:04Z","event":"buy"}`+"\n")
	writeFile(t, without, `{"user_id":"c","timestamp":"2020-01-01T00:00:05Z","event":"buy"}`+"\n")
	opts := valueOptions()
	opts.Value = "order.amount"
	l, err := readIDs(context.Background(), []Source{FileSource(with), FileSource(without)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"a": "30", "b": "-", "c": "-"}, values(l)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	want := []string{
		with + `:2: the cell in column "order.amount" is empty, not a number like 12 or 12.50; the value counts 0`,
		without + `:1: the file has no column "order.amount"; the value counts 0`}
	if diff := cmp.Diff(want, lines(l.ValueProblems)); diff != "" {
		t.Errorf("value problems (-want +got):\n%s", diff)
	}
	_, err = readIDs(context.Background(), []Source{FileSource(without)}, opts)
	if err == nil || !strings.Contains(err.Error(), `no event file has the value column "order.amount"`) {
		t.Errorf("err = %v, want no event file has the value column", err)
	}
}

// TestSniffShort: texts of no line or one, cut short or not, are told apart without a
// look beyond their end.
func TestSniffShort(t *testing.T) {
	for text, want := range map[string]fileFormat{"": fileCSV, "\n": fileCSV, "a,b": fileCSV, "a,b\n": fileCSV,
		`{"a":1}`: fileJSONL, "null\n{\"a\":1}\n": fileJSONL, "null\n{\"a\":1}": fileCSV, "PAR1": fileParquet} {
		if got := sniffFormat(bufio.NewReader(strings.NewReader(text))); got != want {
			t.Errorf("sniffFormat(%q) = %d, want %d", text, got, want)
		}
	}
}
