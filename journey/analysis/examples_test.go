package analysis

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			golden := filepath.Join(crossDir, name+".report.json")
			if os.Getenv("JOURNEY_UPDATE") == "1" {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (JOURNEY_UPDATE=1 writes it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("report differs from %s (JOURNEY_UPDATE=1 rewrites it); first difference near:\n%s", golden, firstDiff(buf.String(), string(want)))
			}
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

// firstDiff shows the lines around the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "got:  " + g[i] + "\nwant: " + w[i]
		}
	}
	return "(one is a prefix of the other)"
}
