package analysis

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey/events"
)

// TestExamples analyzes every example (a map and its events.csv under examples/), split by
// a column of its events, and compares the report with testdata/analysis/NAME.report.json;
// JOURNEY_UPDATE=1 rewrites it. The printers' goldens are made from the same reports.
func TestExamples(t *testing.T) {
	maps, err := filepath.Glob("../../examples/*/*.journey.yaml")
	if err != nil || len(maps) == 0 {
		t.Fatalf("no example maps (%v)", err)
	}
	by := map[string]string{"florist": "source", "saas": "utm_source"}
	for _, path := range maps {
		name := filepath.Base(filepath.Dir(path))
		t.Run(name, func(t *testing.T) {
			r := analyzeFilesBy(t, path, filepath.Join(filepath.Dir(path), "events.csv"), by[name])
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(crossDir, name+".report.json"), buf.Bytes())
		})
	}
}

// analyzeFilesBy is analyzeFiles with segments by column by.
func analyzeFilesBy(t *testing.T, mapPath, eventsPath, by string) *Report {
	t.Helper()
	r := analyzeFiles(t, mapPath, eventsPath, events.Options{By: by})
	if by != "" && len(r.Segments) == 0 {
		t.Fatalf("no segments by %q", by)
	}
	return r
}
