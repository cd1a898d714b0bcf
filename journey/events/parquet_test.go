package events

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/internal/convert"
	"github.com/journey-cx/journey/journey"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// writeParquet writes rows of T as a Parquet file to a temporary folder and returns its path.
func writeParquet[T any](t *testing.T, rows []T, opts ...parquet.WriterOption) string {
	t.Helper()
	var b bytes.Buffer
	w := parquet.NewGenericWriter[T](&b, opts...)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "e.parquet")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// typed is a row with a column of every kind of value.
type typed struct {
	UserID    string            `parquet:"user_id"`
	Timestamp int64             `parquet:"timestamp,timestamp(microsecond:utc)"`
	Event     string            `parquet:"event,dict"`
	I32       int32             `parquet:"i32"`
	I64       int64             `parquet:"i64,plain"`
	U8        uint8             `parquet:"u8"`
	U64       uint64            `parquet:"u64"`
	Dec32     int32             `parquet:"dec32,decimal(2:9)"`
	Dec64     int64             `parquet:"dec64,decimal(3:18)"`
	DecBytes  [6]byte           `parquet:"decbytes,decimal(4:12)"`
	Bool      bool              `parquet:"bool"`
	F32       float32           `parquet:"f32"`
	F64       float64           `parquet:"f64"`
	Date      int32             `parquet:"date,date"`
	TSLocal   int64             `parquet:"ts_local,timestamp(millisecond:local)"`
	TSUTC     int64             `parquet:"ts_utc,timestamp(nanosecond:utc)"`
	UUID      [16]byte          `parquet:"uuid,uuid"`
	Enum      string            `parquet:"enum,enum"`
	JSON      string            `parquet:"json,json"`
	Opt       *string           `parquet:"opt,optional"`
	Tags      []string          `parquet:"tags,list"`
	Items     []item            `parquet:"items,list"`
	Attrs     map[string]int32  `parquet:"attrs"`
	Repeated  []int64           `parquet:"repeated"`
	Nested    nested            `parquet:"nested"`
	Group     *optionalGroup    `parquet:"group,optional"`
	Map2      map[string]string `parquet:"map2,optional"`
}

type item struct {
	SKU   string  `parquet:"sku"`
	Price float64 `parquet:"price"`
	Note  *string `parquet:"note,optional"`
}

type nested struct {
	Page  string `parquet:"page"`
	Inner struct {
		Depth int32 `parquet:"depth"`
	} `parquet:"inner"`
}

type optionalGroup struct {
	A string `parquet:"a"`
}

// TestParquetValues pins the text of every kind of Parquet value, as --by reads it: null
// empty, integers decimal, DECIMAL with its scale, BOOLEAN true or false, times in RFC 3339,
// lists and maps as JSON, nested groups named with dots.
func TestParquetValues(t *testing.T) {
	note := "n"
	opt := "o"
	row := typed{UserID: "u1", Timestamp: 1704189600123456, Event: "a", I32: -7, I64: 1 << 40, U8: 200, U64: 1 << 63,
		Dec32: -5, Dec64: 123456, DecBytes: [6]byte{0xff, 0xff, 0xff, 0xff, 0xfe, 0x0c}, Bool: true, F32: 1.5, F64: 1e-9,
		Date: 19724, TSLocal: 1704189600500, TSUTC: 1704189600000000001,
		UUID: [16]byte{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 1, 2, 3, 4, 5, 6, 7, 8},
		Enum: "e1", JSON: `{"k": [1]}`, Opt: &opt, Tags: []string{"x", `y"`}, Items: []item{{"s1", 2.5, &note}, {"s2", 3, nil}},
		Attrs: map[string]int32{"k": 1}, Repeated: []int64{1, 2}, Group: &optionalGroup{A: "ga"}, Map2: map[string]string{}}
	row.Nested.Page = "/p"
	row.Nested.Inner.Depth = 3
	empty := typed{UserID: "u2", Timestamp: 1704189600000000, Event: "a"}
	path := writeParquet(t, []typed{row, empty})
	want := map[string][2]string{
		"i32": {"-7", "0"}, "i64": {"1099511627776", "0"}, "u8": {"200", "0"}, "u64": {"9223372036854775808", "0"},
		"dec32": {"-0.05", "0.00"}, "dec64": {"123.456", "0.000"}, "decbytes": {"-0.0500", "0.0000"},
		"bool": {"true", "false"}, "f32": {"1.5", "0"}, "f64": {"1e-9", "0"}, "date": {"2024-01-02", "1970-01-01"},
		"ts_local": {"2024-01-02T10:00:00.5", "1970-01-01T00:00:00"}, "ts_utc": {"2024-01-02T10:00:00.000000001Z", "1970-01-01T00:00:00Z"},
		"timestamp": {"2024-01-02T10:00:00.123456Z", "2024-01-02T10:00:00Z"},
		"uuid":      {"12345678-9abc-def0-0102-030405060708", "00000000-0000-0000-0000-000000000000"},
		"enum":      {"e1", ""}, "json": {`{"k": [1]}`, ""}, "opt": {"o", ""},
		"tags":     {`["x","y\""]`, "[]"},
		"items":    {`[{"sku":"s1","price":2.5,"note":"n"},{"sku":"s2","price":3,"note":null}]`, "[]"},
		"attrs":    {`{"k":1}`, "{}"},
		"repeated": {"[1,2]", "[]"}, "nested.page": {"/p", ""}, "nested.inner.depth": {"3", "0"},
		"group.a": {"ga", ""}, "map2": {"{}", ""},
	}
	for col, w := range want {
		opts := Options{By: col, Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
		l, err := readIDs(context.Background(), []Source{FileSource(path)}, opts)
		if err != nil {
			t.Fatalf("%s: %v", col, err)
		}
		got := [2]string{l.Segment(0), l.Segment(1)}
		if got != w {
			t.Errorf("%s = %q, want %q", col, got, w)
		}
	}
}

// timeRow has its time in a column of one type.
type timeRow[T any] struct {
	UserID string `parquet:"user_id"`
	Event  string `parquet:"event"`
	Time   T      `parquet:"timestamp"`
}

// TestParquetTimes reads the time column of each type: TIMESTAMP and DATE as times (not
// adjusted to UTC and DATE in --tz), INT96 as a time without a zone, text and integers as
// CSV cells are read; a null, an out-of-range and a local time in a daylight-saving gap are
// skipped.
func TestParquetTimes(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) int64 {
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm.UnixNano()
	}
	type local = timeRow[int64]
	tests := []struct {
		name string
		path string
		loc  *time.Location
		want []int64
		skip []string
	}{
		{"timestamp utc", writeParquet(t, []timeRow[time.Time]{{"u", "a", time.Date(2024, 3, 31, 2, 30, 0, 0, time.UTC)}}), ams,
			[]int64{at("2024-03-31T02:30:00Z")}, nil},
		{"timestamp local", writeParquet(t, []struct {
			UserID string `parquet:"user_id"`
			Event  string `parquet:"event"`
			Time   int64  `parquet:"timestamp,timestamp(microsecond:local)"`
		}{{"u", "a", 1711846800e6}, {"u", "a", 1711852200e6}}), ams,
			[]int64{at("2024-03-31T00:00:00Z")}, []string{`e.parquet:2: local time "2024-03-31T02:30:00" does not exist in Europe/Amsterdam (a daylight-saving gap)`}},
		{"date", writeParquet(t, []struct {
			UserID string `parquet:"user_id"`
			Event  string `parquet:"event"`
			Time   int32  `parquet:"timestamp,date"`
		}{{"u", "a", 19724}}), ams, []int64{at("2024-01-01T23:00:00Z")}, nil},
		{"int96", writeParquet(t, []timeRow[deprecated.Int96]{{"u", "a", int96Of(at("2024-01-02T10:00:00.25Z"))}}), nil,
			[]int64{at("2024-01-02T10:00:00.25Z")}, nil},
		{"text", writeParquet(t, []timeRow[string]{{"u", "a", "2024-01-02 10:00:00"}, {"u", "a", "later"}}), nil,
			[]int64{at("2024-01-02T10:00:00Z")}, []string{`e.parquet:2: unparsable time "later" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`}},
		{"epoch", writeParquet(t, []timeRow[int64]{{"u", "a", 1704189600123}}), nil, []int64{1704189600123e6}, nil},
		{"null and out of range", writeParquet(t, []struct {
			UserID string `parquet:"user_id"`
			Event  string `parquet:"event"`
			Time   *int64 `parquet:"timestamp,optional,timestamp(millisecond:utc)"`
		}{{"u", "a", nil}, {"u", "a", ptr(int64(1) << 62)}}), nil, nil, []string{
			`e.parquet:1: unparsable time "" in column "timestamp"; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns`,
			`e.parquet:2: time "4611686018427387904" in column "timestamp" is out of range (a month, day, hour or minute past its end, or a year outside 1678-2261, which journey cannot hold)`}},
		{"implausible", writeParquet(t, []local{{"u", "a", 0}}), nil, []int64{0}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := readIDs(context.Background(), []Source{FileSource(tc.path)}, Options{Location: tc.loc, Touchpoints: [][]journey.Matcher{{{Event: "a"}}}})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for i := range l.NumUsers() {
				for _, e := range l.AppendEvents(nil, i) {
					got = append(got, e.Time)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("times (-want +got):\n%s", diff)
			}
			var skipped []string
			for _, s := range lines(l.Skipped) {
				skipped = append(skipped, strings.Replace(s, tc.path, "e.parquet", 1))
			}
			if diff := cmp.Diff(tc.skip, skipped); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// int96Of writes Unix nanoseconds as an INT96 timestamp.
func int96Of(ns int64) deprecated.Int96 {
	day, ofDay := ns/86400e9, ns%86400e9
	return deprecated.Int96{uint32(ofDay), uint32(ofDay >> 32), uint32(day + julianUnixEpoch)}
}

// TestParquetWarnings checks that an implausible time from a TIMESTAMP column is reported
// with its text.
func TestParquetWarnings(t *testing.T) {
	path := writeParquet(t, []timeRow[time.Time]{{"u", "a", time.Date(1980, 1, 2, 3, 4, 5, 0, time.UTC)}})
	l, err := readIDs(context.Background(), []Source{FileSource(path)}, jsonlOpts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{path + `:1: time "1980-01-02T03:04:05Z" is before 1990 or after 2100; the row is kept`}
	if diff := cmp.Diff(want, lines(l.Warnings)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestParquetSameAsCSV reads the same rows as CSV and as Parquet written every way the
// library writes it (each codec; dictionaries, plain pages, or dictionaries that give way
// to plain pages within a row group; several row groups; text or TIMESTAMP times) and
// compares the logs.
func TestParquetSameAsCSV(t *testing.T) {
	var text bytes.Buffer
	if err := generate(&text, 30000); err != nil {
		t.Fatal(err)
	}
	opts := Options{By: "page", Touchpoints: benchTouchpoints()}
	want, err := readFiles(t, opts, file{"e.csv", text.String()})
	if err != nil {
		t.Fatal(err)
	}
	codecs := map[string]compress.Codec{"uncompressed": &parquet.Uncompressed, "snappy": &parquet.Snappy,
		"gzip": &parquet.Gzip, "brotli": &parquet.Brotli, "zstd": &parquet.Zstd, "lz4raw": &parquet.Lz4Raw}
	for name, codec := range codecs {
		for _, o := range []convert.ParquetOptions{{Codec: codec}, {Codec: codec, Time: "timestamp", Plain: true, RowGroupRows: 7000},
			{Codec: codec, Time: "timestamp", DictionaryBytes: 2000, PageBytes: 4096, RowGroupRows: 11000}} {
			var b bytes.Buffer
			if err := convert.Parquet(&b, strings.NewReader(text.String()), o); err != nil {
				t.Fatal(err)
			}
			got, err := readIDs(context.Background(), []Source{ReaderSource("e.parquet", bytes.NewReader(b.Bytes()))}, opts)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if diff := cmp.Diff(summary(want, false, 0), summary(got, false, 0)); diff != "" {
				t.Errorf("%s, %+v: Parquet differs from CSV (-csv +parquet):\n%s", name, o, diff)
			}
		}
	}
}

// TestParquetErrors pins the errors that stop a read of a Parquet file.
func TestParquetErrors(t *testing.T) {
	good := writeParquet(t, []timeRow[string]{{"u", "a", "2024-01-01"}})
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  Source
		opts Options
		want string
	}{
		{"missing column", FileSource(good), Options{ID: "userid"}, good + `: no column "userid" in the file (did you mean "user_id"?); the columns found (nested fields joined with dots): "user_id", "event", "timestamp"`},
		{"missing by", FileSource(good), Options{By: "nested.page"}, good + `: no event file has the --by column "nested.page"; the columns found: "user_id", "event", "timestamp"`},
		{"two columns, one name", FileSource(writeParquet(t, []struct {
			AB string `parquet:"a.b"`
			A  struct {
				B string `parquet:"b"`
			} `parquet:"a"`
		}{{}})), Options{}, `two columns are named "a.b" (a field with a dot beside a nested group, or a field given twice); the columns found: "a.b"`},
		{"pipe", ReaderSource(StdinName, struct{ io.Reader }{bytes.NewReader(data)}), Options{}, `<stdin>: a Parquet file cannot be read from a pipe, as it is read from its end first; give the file's name instead`},
		{"gzip", ReaderSource("e.parquet.gz", strings.NewReader(gz(string(data)))), Options{}, `e.parquet.gz: a compressed Parquet file cannot be read: decompress it first (Parquet compresses its pages itself)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readIDs(context.Background(), []Source{tc.src}, tc.opts)
			var e *Error
			if !errors.As(err, &e) || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("err = %v\nwant  %s", err, tc.want)
			}
		})
	}
}

// TestParquetStdinFile reads a Parquet file from standard input redirected from the file.
func TestParquetStdinFile(t *testing.T) {
	f, err := os.Open(writeParquet(t, []timeRow[string]{{"u", "a", "2024-01-01"}}))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := readIDs(context.Background(), Sources([]string{"-"}, f), jsonlOpts)
	if err != nil || l.Counts.Mapped != 1 {
		t.Fatalf("err = %v, counts %+v; want one mapped row", err, l.Counts)
	}
}

// TestParquetTruncated cuts a Parquet file at many places, and corrupts it at many others:
// each read fails with an error that names the file (or, for some corruptions, reads what
// the damaged file says), never with a panic or a hang.
func TestParquetTruncated(t *testing.T) {
	var text bytes.Buffer
	if err := generate(&text, 3000); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := convert.Parquet(&b, strings.NewReader(text.String()), convert.ParquetOptions{Time: "timestamp", RowGroupRows: 1000}); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	step := max(1, len(data)/300)
	for cut := 0; cut < len(data); cut += step {
		err := readParquetBytes(data[:cut])
		var e *Error
		if !errors.As(err, &e) || e.File != "e.parquet" {
			t.Fatalf("cut at %d of %d: err = %v, want an *Error naming the file", cut, len(data), err)
		}
	}
	for at := 0; at < len(data); at += step {
		bad := slices.Clone(data)
		bad[at] ^= 0x5a
		var e *Error
		if err := readParquetBytes(bad); err != nil && !errors.As(err, &e) {
			t.Fatalf("byte %d corrupted: err = %v, want nil or an *Error", at, err)
		}
	}
}

// readParquetBytes reads a Parquet file held in memory.
func readParquetBytes(data []byte) error {
	_, err := readIDs(context.Background(), []Source{ReaderSource("e.parquet", bytes.NewReader(data))},
		Options{Touchpoints: benchTouchpoints()})
	return err
}

// FuzzReadParquet reads damaged Parquet files: the read must not panic or hang, and must
// fail, if it fails, with an *Error naming the file that does not pass on the words of a
// panic of the library (a slice out of range).
func FuzzReadParquet(f *testing.F) {
	var text bytes.Buffer
	if err := generate(&text, 40); err != nil {
		f.Fatal(err)
	}
	for _, o := range []convert.ParquetOptions{{}, {Time: "timestamp", Plain: true, RowGroupRows: 16, Codec: &parquet.Uncompressed}} {
		var b bytes.Buffer
		if err := convert.Parquet(&b, strings.NewReader(text.String()), o); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte(parquetMagic)) {
			return
		}
		var e *Error
		err := readParquetBytes(data)
		if err != nil && (!errors.As(err, &e) || e.File != "e.parquet" || strings.Contains(err.Error(), "runtime error")) {
			t.Fatalf("err = %v, want an *Error naming the file, in journey's words", err)
		}
	})
}

// TestParquetUnsupportedCodec reads a file whose columns say they are compressed with LZO,
// which is refused naming the codec.
func TestParquetUnsupportedCodec(t *testing.T) {
	data, err := os.ReadFile(writeParquet(t, []timeRow[string]{{"u", "a", "2024-01-01"}}))
	if err != nil {
		t.Fatal(err)
	}
	n := int(binary.LittleEndian.Uint32(data[len(data)-8:]))
	var meta format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), data[len(data)-8-n:len(data)-8], &meta); err != nil {
		t.Fatal(err)
	}
	for i := range meta.RowGroups {
		for j := range meta.RowGroups[i].Columns {
			meta.RowGroups[i].Columns[j].MetaData.Codec = format.LZO
		}
	}
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &meta)
	if err != nil {
		t.Fatal(err)
	}
	lzo := slices.Concat(data[:len(data)-8-n], footer, binary.LittleEndian.AppendUint32(nil, uint32(len(footer))), []byte(parquetMagic))
	err = readParquetBytes(lzo)
	want := `e.parquet: column "user_id" is compressed with LZO, which journey does not read; write the file with snappy, zstd, gzip, brotli or lz4_raw, or none`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}

// TestFormatsShardsAgree reads the same rows as JSON Lines and as Parquet with one worker
// and several: the logs must be the same, and the same as the CSV's.
func TestFormatsShardsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,note\n")
	for range 40000 {
		id := "u" + strings.Repeat("x", r.IntN(3)*6) + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26)))
		b.WriteString(id + "," + []string{"2020-01-01T00:00:00Z", "2020-01-02T10:00:00Z", "2020-01-01T05:00:00.5Z"}[r.IntN(3)] +
			"," + []string{"a", "b", "c", "x"}[r.IntN(4)] + "," + []string{"", "n1", "12.5", "7"}[r.IntN(4)] + "\n")
	}
	text := b.String()
	opts := Options{By: "note", KeepUnmapped: true, Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b"}}},
		Exclusions: []journey.Matcher{{Event: "c"}}, Value: "note", ValueAt: []bool{false, true}}
	opts.keepIDs = true
	csvLog, err := readWith(text, opts, 1)
	if err != nil {
		t.Fatal(err)
	}
	var jsonl, pq bytes.Buffer
	if err := convert.JSONL(&jsonl, strings.NewReader(text), convert.Null, false); err != nil {
		t.Fatal(err)
	}
	if err := convert.Parquet(&pq, strings.NewReader(text), convert.ParquetOptions{Time: "timestamp", RowGroupRows: 9000}); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]func() Source{
		"jsonl":   func() Source { return ReaderSource("f", strings.NewReader(jsonl.String())) },
		"parquet": func() Source { return ReaderSource("f", bytes.NewReader(pq.Bytes())) },
	} {
		var one *Log
		for _, workers := range []int{1, 2, 3, 7} {
			l, err := read(context.Background(), []Source{src()}, opts, workers)
			if err != nil {
				t.Fatal(err)
			}
			if one == nil {
				one = l
				if diff := cmp.Diff(summary(csvLog, false, 0), summary(l, false, 0)); diff != "" {
					t.Errorf("%s differs from CSV (-csv +%s):\n%s", name, name, diff)
				}
				continue
			}
			if diff := cmp.Diff(view(one), view(l)); diff != "" {
				t.Errorf("%s, %d workers: the log differs from one worker's (-one +several):\n%s", name, workers, diff)
			}
		}
	}
}

// TestParquetInt96Pages reads a plain INT96 column of more rows than one read of a page's
// values takes: every row keeps its own time.
func TestParquetInt96Pages(t *testing.T) {
	const n = 1500
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	rows := make([]timeRow[deprecated.Int96], n)
	for i := range rows {
		rows[i] = timeRow[deprecated.Int96]{fmt.Sprintf("u%d", i), "a", int96Of(base + int64(i)*1e9)}
	}
	l, err := readIDs(context.Background(), []Source{FileSource(writeParquet(t, rows))},
		Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if l.NumUsers() != n {
		t.Fatalf("%d users, want %d", l.NumUsers(), n)
	}
	for i := range n {
		if got := l.AppendEvents(nil, i)[0].Time; got != base+int64(i)*1e9 {
			t.Fatalf("user %s at %v, want %v", l.UserID(i), time.Unix(0, got).UTC(), time.Unix(0, base+int64(i)*1e9).UTC())
		}
	}
}

// TestParquetDamagedRuns zeroes 64 bytes at places of an uncompressed file DuckDB wrote
// (6,000 rows of user_id, timestamp, event and page, dictionary pages of version 1), where
// the library would read run lengths of billions from what is left and allocate for them
// (13 GB at byte 6331): the runs are counted before, and no read allocates more than 64 MB.
// Every read that fails names the file, in journey's words.
func TestParquetDamagedRuns(t *testing.T) {
	data, err := os.ReadFile("testdata/duckdb-uncompressed.parquet")
	if err != nil {
		t.Fatal(err)
	}
	if err := readParquetBytes(data); err != nil {
		t.Fatalf("the file as written: %v", err)
	}
	places := []int{2594, 3482, 3778, 4592, 4888, 6331, 6664, 6923, 57428, 57539, 58316}
	for at := 4; at+64 < len(data)-8; at += 211 {
		places = append(places, at)
	}
	var ms runtime.MemStats
	for _, at := range places {
		damaged := bytes.Clone(data)
		clear(damaged[at : at+64])
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		err := readParquetBytes(damaged)
		runtime.ReadMemStats(&ms)
		if got := ms.TotalAlloc - before; got > 64<<20 {
			t.Errorf("zeroed at %d: the read allocated %d MB", at, got>>20)
		}
		var e *Error
		if err != nil && (!errors.As(err, &e) || e.File != "e.parquet" || strings.Contains(err.Error(), "runtime error")) {
			t.Errorf("zeroed at %d: %v; want an *Error naming the file, in journey's words", at, err)
		}
	}
}
