package events

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/journey-cx/journey/internal/convert"
)

// benchFile is a generated event file the benchmarks share: JOURNEY_BENCH_ROWS rows
// (default 1,000,000), written once per run into a temporary folder.
type benchFile struct {
	once sync.Once
	dir  string
	path string
	rows int
	err  error
}

// simpleFile is written by generate, exportFile by generateExport.
var simpleFile, exportFile benchFile

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range []*benchFile{&simpleFile, &exportFile} {
		if f.dir != "" {
			os.RemoveAll(f.dir)
		}
	}
	os.Exit(code)
}

// benchInput returns the path, byte size and row count of the shared benchmark file.
func benchInput(b *testing.B) (string, int64, int) {
	return simpleFile.input(b, generate)
}

// input returns the path, byte size and row count of the file gen writes, writing it the
// first time.
func (benchFile *benchFile) input(b *testing.B, gen func(io.Writer, int) error) (string, int64, int) {
	benchFile.once.Do(func() {
		benchFile.rows = 1_000_000
		if s := os.Getenv("JOURNEY_BENCH_ROWS"); s != "" {
			benchFile.rows, benchFile.err = strconv.Atoi(s)
		}
		if benchFile.dir, benchFile.err = os.MkdirTemp("", "journey-bench-*"); benchFile.err != nil {
			return
		}
		benchFile.path = filepath.Join(benchFile.dir, "events.csv")
		f, err := os.Create(benchFile.path)
		if err != nil {
			benchFile.err = err
			return
		}
		benchFile.err = gen(f, benchFile.rows)
		if err := f.Close(); benchFile.err == nil {
			benchFile.err = err
		}
	})
	if benchFile.err != nil {
		b.Fatal(benchFile.err)
	}
	fi, err := os.Stat(benchFile.path)
	if err != nil {
		b.Fatal(err)
	}
	return benchFile.path, fi.Size(), benchFile.rows
}

// benchConverted holds the benchmark file's rows in the other formats, written once per run.
var benchConverted struct {
	sync.Mutex
	paths map[string]string
}

// benchInputAs returns the path and byte size of the shared benchmark file's rows written as
// CSV ("csv"), JSON Lines ("jsonl") or Parquet ("parquet"), and its row count.
func benchInputAs(b *testing.B, format string) (string, int64, int) {
	path, size, rows := benchInput(b)
	if format == "csv" {
		return path, size, rows
	}
	benchConverted.Lock()
	defer benchConverted.Unlock()
	out, ok := benchConverted.paths[format]
	if !ok {
		out = filepath.Join(simpleFile.dir, "events."+format)
		if err := convertFile(path, out, format); err != nil {
			b.Fatal(err)
		}
		if benchConverted.paths == nil {
			benchConverted.paths = map[string]string{}
		}
		benchConverted.paths[format] = out
	}
	fi, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	return out, fi.Size(), rows
}

// convertFile writes the rows of the CSV file in as JSON Lines or Parquet to out.
func convertFile(in, out, format string) error {
	r, err := os.Open(in)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if format == "jsonl" {
		err = convert.JSONL(w, r, convert.Omit, false)
	} else {
		err = convert.Parquet(w, r, convert.ParquetOptions{Time: "timestamp"})
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// cpuTime returns the CPU time the process has used so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRun reports rows per second, CPU time per row (which, unlike wall time, holds up
// on a machine other work is using) and the process's peak resident memory.
func reportRun(b *testing.B, rows int, cpuStart time.Duration) {
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(cpuTime()-cpuStart)/float64(rows)/float64(b.N), "cpu-ns/row")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MiB")
	}
}

// BenchmarkRead reads and maps the generated file with Read.
func BenchmarkRead(b *testing.B) { benchRead(b, "csv") }

// BenchmarkReadJSONL reads and maps the generated file's rows written as JSON Lines.
func BenchmarkReadJSONL(b *testing.B) { benchRead(b, "jsonl") }

// BenchmarkReadParquet reads and maps the generated file's rows written as Parquet, the
// time column as a TIMESTAMP.
func BenchmarkReadParquet(b *testing.B) { benchRead(b, "parquet") }

// benchRead reads and maps the generated rows in a format (see benchInputAs).
func benchRead(b *testing.B, format string) {
	path, size, rows := benchInputAs(b, format)
	opts := Options{Touchpoints: benchTouchpoints()}
	b.SetBytes(size)
	cpu := cpuTime()
	for b.Loop() {
		l, err := Read(context.Background(), []Source{FileSource(path)}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if l.Counts.Rows != int64(rows) {
			b.Fatalf("read %d rows, want %d", l.Counts.Rows, rows)
		}
	}
	reportRun(b, rows, cpu)
}

// BenchmarkReadExport reads and maps a generated export: 36-byte identities of a user per 5
// rows, far apart, millisecond times, 300 event names, half of which no touchpoint maps.
func BenchmarkReadExport(b *testing.B) {
	path, size, rows := exportFile.input(b, generateExport)
	opts := Options{ID: "user_pseudo_id", Time: "event_timestamp", Event: "event_name", Touchpoints: benchTouchpoints()}
	b.SetBytes(size)
	cpu := cpuTime()
	for b.Loop() {
		l, err := Read(context.Background(), []Source{FileSource(path)}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if l.Counts.Rows != int64(rows) || l.Counts.Skipped != 0 {
			b.Fatalf("read %+v, want %d rows", l.Counts, rows)
		}
	}
	reportRun(b, rows, cpu)
}

// BenchmarkEncodingCSV is the baseline: encoding/csv reading every record of the same file,
// with nothing done with them.
func BenchmarkEncodingCSV(b *testing.B) {
	path, size, rows := benchInput(b)
	b.SetBytes(size)
	cpu := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(f)
		r.ReuseRecord = true
		n := -1
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != rows {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
	}
	reportRun(b, rows, cpu)
}

// BenchmarkIOCopy is the floor: copying the file's bytes to nowhere.
func BenchmarkIOCopy(b *testing.B) {
	path, size, rows := benchInput(b)
	b.SetBytes(size)
	cpu := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, f); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	reportRun(b, rows, cpu)
}
