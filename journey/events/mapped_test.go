package events

import (
	"bytes"
	"context"
	"errors"
	"hash/maphash"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
)

// mappings counts the mappings of the file at path in the process, from /proc/self/maps; it
// skips the test where there is none to read.
func mappings(t *testing.T, path string) int {
	t.Helper()
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip("no /proc/self/maps to see the mappings in")
	}
	return strings.Count(string(maps), " "+path+"\n") + strings.Count(string(maps), " "+path+" (deleted)\n")
}

// writeEvents writes rows rows of user_id,timestamp,event, padded to a few MiB, to a file of
// a temporary folder and returns its path.
func writeEvents(t *testing.T, rows int) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\xef\xbb\xbfuser_id,timestamp,event,note\n")
	for i := range rows {
		b.WriteString("u" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + ",2020-01-01T00:00:0" + string(rune('0'+i%10)) + "Z,a," + strings.Repeat("n", i%90) + "\n")
	}
	path := filepath.Join(t.TempDir(), "events.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMapped reads a plain file in place and a gzip file from its reader: the plain file
// is mapped while it is read, and unmapped once Read returns, whether it succeeds, fails
// or is cancelled; a compressed file is never mapped.
func TestMapped(t *testing.T) {
	path := writeEvents(t, 100000)
	opts := Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	seen := 0
	opts.Progress = func(int64, int64) { seen = max(seen, mappings(t, path)) }
	l, err := readIDs(context.Background(), []Source{FileSource(path)}, opts)
	if err != nil || l.Counts.Rows != 100000 {
		t.Fatalf("read %+v, %v; want 100000 rows", l, err)
	}
	if seen != 1 || mappings(t, path) != 0 {
		t.Errorf("the file was mapped %d times during the read and %d after, want 1 and 0", seen, mappings(t, path))
	}

	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("user_id,timestamp\nu1,2020-01-01\n"), 0o644)
	if _, err := readIDs(context.Background(), []Source{FileSource(bad)}, Options{}); err == nil || mappings(t, bad) != 0 {
		t.Errorf("a bad header: err = %v, %d mappings left; want an error and none", err, mappings(t, bad))
	}

	ctx, cancel := context.WithCancel(context.Background())
	opts.Progress = func(int64, int64) { cancel() }
	if _, err := readIDs(ctx, []Source{FileSource(path)}, opts); !errors.Is(err, context.Canceled) || mappings(t, path) != 0 {
		t.Errorf("cancelled: err = %v, %d mappings left; want cancellation and none", err, mappings(t, path))
	}

	text, _ := os.ReadFile(path)
	zipped := filepath.Join(t.TempDir(), "events.csv.gz")
	os.WriteFile(zipped, []byte(gz(string(text))), 0o644)
	seen = 0
	opts.Progress = func(int64, int64) { seen = max(seen, mappings(t, zipped)) }
	if _, err := readIDs(context.Background(), []Source{FileSource(zipped)}, opts); err != nil || seen != 0 {
		t.Errorf("gzip: err = %v, mapped %d times; want no error and no mapping", err, seen)
	}
}

// TestMappedTruncated truncates a file while it is read in place: the pages past its new end
// fault, which must stop the read with an *Error, not crash the process.
func TestMappedTruncated(t *testing.T) {
	path := writeEvents(t, 100000)
	opts := Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	opts.Progress = func(read, _ int64) {
		if read > 0 {
			os.Truncate(path, 5000)
		}
	}
	_, err := readIDs(context.Background(), []Source{FileSource(path)}, opts)
	var e *Error
	if !errors.As(err, &e) || e.File != path || !strings.Contains(e.Message, "the file changed while it was read") {
		t.Fatalf("err = %v, want an *Error saying that the file changed", err)
	}
	if n := mappings(t, path); n != 0 {
		t.Errorf("%d mappings left, want none", n)
	}
}

// TestMappedTruncatedParse truncates a mapped file before a worker parses a chunk of it: the
// fault becomes the chunk's error.
func TestMappedTruncatedParse(t *testing.T) {
	path := writeEvents(t, 100000)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	data, err := mapFile(f, fi.Size())
	if errors.Is(err, errors.ErrUnsupported) {
		t.Skip("files are not mapped here")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer unmapFile(data)
	m := &mapping{name: path, data: data}
	opts := Options{ID: DefaultID, Time: DefaultTime, Event: DefaultEvent, Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	p, err := newPlan(path, []string{"user_id", "timestamp", "event", "note"}, &opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 5000); err != nil {
		t.Fatal(err)
	}
	c := &chunk{}
	c.reset(1)
	start := bytes.IndexByte(data[:100], '\n') + 1
	c.data, c.plan, c.src, c.from, c.line = data[start:1<<20], p, m, 0, 2
	parseChunk(newWorker(&opts, maphash.MakeSeed()), c)
	var e *Error
	if !errors.As(c.err, &e) || e.File != path || !strings.Contains(e.Message, "the file changed while it was read") {
		t.Fatalf("err = %v, want an *Error saying that the file changed", c.err)
	}
}

// TestMappedBlocks reads a file of many blocks with quoted newlines, carriage returns, a
// byte order mark, rows over MaxRowBytes and a last row without a line feed: in place and
// from a reader alike (see readFiles).
func TestMappedBlocks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	text := "\xef\xbb\xbf" + randomCSV(r, 60000)
	long := "u1,1577836800,a," + strings.Repeat("q", 2*MaxRowBytes) + "\n"
	text += long + randomCSV(r, 30000)[len("user_id,timestamp,event,note\n"):] + "u9,1577836801,b,last"
	opts := Options{By: "note", Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b"}}}}
	l, err := readFiles(t, opts, file{"f.csv", text}, file{"g.csv", "user_id,timestamp,event,note\nu1,1577836802,a,x\n"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Counts.Skipped == 0 {
		t.Errorf("counts %+v, want the long row skipped", l.Counts)
	}
}
