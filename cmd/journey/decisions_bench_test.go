package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/simulate"
)

// BenchmarkDecisions runs whole commands in-process on one simulated event file of the
// florist example: analyze (the baseline: one read and every number of SPEC section 3),
// attribute with every model, and whatif with one change. Each iteration runs the three in
// turn, so that a busy machine slows them alike, and reports each one's time and the
// ratios of attribute and whatif to analyze. The file has JOURNEY_BENCH_USERS users
// (default 127,100: 1M rows; 1,271,000 gives the README's 9.9M).
func BenchmarkDecisions(b *testing.B) {
	users := 127_100
	if v, err := strconv.Atoi(os.Getenv("JOURNEY_BENCH_USERS")); err == nil && v > 0 {
		users = v
	}
	const florist = "../../examples/florist/florist.journey.yaml"
	file := simulated(b, florist, users)
	commands := [][]string{
		strings.Fields("analyze " + florist + " --format json -q --events " + file),
		strings.Fields("attribute " + florist + " --format json -q --events " + file),
		strings.Fields("whatif " + florist + " --improve account-approved=0.5 --format json -q --events " + file),
	}
	var took [3]time.Duration
	for b.Loop() {
		for i, args := range commands {
			start := time.Now()
			if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
				b.Fatalf("journey %s: exit %d", args[0], code)
			}
			took[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(took[0].Seconds()*1e3/n, "analyze-ms")
	b.ReportMetric(took[1].Seconds()*1e3/n, "attribute-ms")
	b.ReportMetric(took[2].Seconds()*1e3/n, "whatif-ms")
	b.ReportMetric(took[1].Seconds()/took[0].Seconds(), "attribute/analyze")
	b.ReportMetric(took[2].Seconds()/took[0].Seconds(), "whatif/analyze")
}

// simulated writes a simulated event file of users walking the map at path into the
// benchmark's temporary folder and returns its path.
func simulated(b *testing.B, path string, users int) string {
	b.Helper()
	m, ds, err := journey.Load(path)
	if err != nil || journey.HasErrors(ds, false) {
		b.Fatal(err, ds)
	}
	out := filepath.Join(b.TempDir(), "events.csv")
	f, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if _, err := simulate.Write(w, m, simulate.Options{Users: users, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return out
}
