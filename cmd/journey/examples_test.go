package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
)

// TestExamples runs every map in examples/ through the commands a newcomer runs from the
// README: it lints cleanly even under --strict, is in canonical form, analyzes with its
// event file into a well-formed JSON report, and renders.
func TestExamples(t *testing.T) {
	maps, err := filepath.Glob("../../examples/*/*.journey.yaml")
	if err != nil || len(maps) < 2 {
		t.Fatalf("want at least two example maps, found %d (%v)", len(maps), err)
	}
	for _, m := range maps {
		events := filepath.Join(filepath.Dir(m), "events.csv")
		t.Run(filepath.Base(m), func(t *testing.T) {
			runOK(t, "lint", "--strict", m)
			runOK(t, "fmt", "--check", m)
			if _, err := os.Stat(events); err != nil {
				t.Fatalf("every example has an events.csv beside its map: %v", err)
			}
			var report struct {
				Input struct{ Rows, Mapped, Users int64 }
			}
			if err := json.Unmarshal(runOK(t, "analyze", m, "--events", events, "--format", "json"), &report); err != nil {
				t.Fatalf("analyze --format json is not JSON: %v", err)
			}
			if report.Input.Mapped == 0 || report.Input.Users == 0 {
				t.Errorf("analyze mapped %d rows of %d users; an example must exercise its map", report.Input.Mapped, report.Input.Users)
			}
			if dot := runOK(t, "render", m, "--events", events, "--format", "dot", "-o", "-"); !bytes.HasPrefix(dot, []byte("digraph")) {
				t.Errorf("render --format dot does not print a digraph: %.40q", dot)
			}
		})
	}
}

// TestExampleReport keeps examples/florist/florist.html, the report the README links, the
// page that `journey report examples/florist/florist.journey.yaml --events
// examples/florist/events.csv` writes in the repository's root; JOURNEY_UPDATE=1 rewrites it.
func TestExampleReport(t *testing.T) {
	t.Chdir("../..")
	got := runOK(t, "report", "examples/florist/florist.journey.yaml", "--events", "examples/florist/events.csv", "-o", "-")
	golden.Check(t, "examples/florist/florist.html", got)
}

// runOK runs the CLI in-process and fails the test unless it exits 0; it returns stdout.
func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("journey %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.Bytes()
}
