package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes pins the exit code of every kind of outcome, for every command.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{name: "help", args: []string{"--help"}, want: exitOK},
		{name: "version", args: []string{"version"}, want: exitOK},
		{name: "unknown command", args: []string{"frobnicate"}, want: exitUsage},
		{name: "unknown flag", args: []string{"--nope"}, want: exitUsage},
		{name: "version takes no argument", args: []string{"version", "x"}, want: exitUsage},
		{name: "lint clean", files: map[string]string{"m.journey.yaml": lintMap}, args: []string{"lint", "$DIR"}, want: exitOK},
		{name: "lint errors", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n"}, args: []string{"lint", "$DIR"}, want: exitProblems},
		{name: "lint warnings", files: map[string]string{"m.journey.yaml": lintWarningMap}, args: []string{"lint", "$DIR"}, want: exitOK},
		{name: "lint warnings strict", files: map[string]string{"m.journey.yaml": lintWarningMap}, args: []string{"lint", "--strict", "$DIR"}, want: exitProblems},
		{name: "lint unknown format", files: map[string]string{"m.journey.yaml": lintMap}, args: []string{"lint", "--format", "xml", "$DIR"}, want: exitUsage},
		{name: "lint no map in dir", files: map[string]string{"notes.txt": "x"}, args: []string{"lint", "$DIR"}, want: exitUsage},
		{name: "lint missing file", args: []string{"lint", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "render ok", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "$DIR/m.journey.yaml"}, want: exitOK},
		{name: "render invalid map", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n"}, args: []string{"render", "$DIR/m.journey.yaml"}, want: exitProblems},
		{name: "render check stale", files: map[string]string{"m.journey.yaml": renderMap, "m.svg": "<svg/>"}, args: []string{"render", "--check", "$DIR/m.journey.yaml"}, want: exitProblems},
		{name: "render unknown format", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "--format", "pdf", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "render output is input", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "-o", "$DIR/m.journey.yaml", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "render watch reads standard input", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "--watch", "--events", "-", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "render format contradicts output", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "--format", "svg", "-o", "$DIR/m.png", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "render unknown language", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "--lang", "de", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "render unknown language, invalid map", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n"}, args: []string{"render", "--lang", "de", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "render dutch", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "--lang", "nl", "$DIR/m.journey.yaml"}, want: exitOK},
		{name: "render no folder", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "-o", "$DIR/none/m.svg", "$DIR/m.journey.yaml"}, want: exitFailure},
		{name: "render missing map", args: []string{"render", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "analyze ok", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"analyze", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitOK},
		{name: "analyze kpi missed", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"analyze", "--check", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitProblems},
		{name: "analyze invalid map", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n", "e.csv": analyzeEvents}, args: []string{"analyze", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitProblems},
		{name: "analyze untrusted csv", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": "user_id,timestamp,event\nu1,\"x,visit\n"}, args: []string{"analyze", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitProblems},
		{name: "analyze strict skipped row", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"analyze", "--strict", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitProblems},
		{name: "analyze unknown format", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"analyze", "--format", "xml", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitUsage},
		{name: "analyze unknown language", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"analyze", "--lang", "EN", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitUsage},
		{name: "analyze bad window", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"analyze", "--window", "soon", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitUsage},
		{name: "analyze no events", files: map[string]string{"m.journey.yaml": analyzeMap}, args: []string{"analyze", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "analyze missing events", files: map[string]string{"m.journey.yaml": analyzeMap}, args: []string{"analyze", "$DIR/m.journey.yaml", "--events", "$DIR/none.csv"}, want: exitFailure},
		{name: "analyze missing map", files: map[string]string{"e.csv": analyzeEvents}, args: []string{"analyze", "$DIR/none.journey.yaml", "--events", "$DIR/e.csv"}, want: exitFailure},
		{name: "report ok", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"report", "$DIR/m.journey.yaml"}, want: exitOK},
		{name: "report with events", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": analyzeEvents}, args: []string{"report", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitOK},
		{name: "report invalid map", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n"}, args: []string{"report", "$DIR/m.journey.yaml"}, want: exitProblems},
		{name: "report untrusted csv", files: map[string]string{"m.journey.yaml": analyzeMap, "e.csv": "user_id,timestamp,event\nu1,\"x,visit\n"}, args: []string{"report", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitProblems},
		{name: "report unknown language", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"report", "--lang", "de", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "report output is input", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"report", "-o", "$DIR/m.journey.yaml", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "report no folder", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"report", "-o", "$DIR/none/m.html", "$DIR/m.journey.yaml"}, want: exitFailure},
		{name: "report missing map", args: []string{"report", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "report missing events", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"report", "$DIR/m.journey.yaml", "--events", "$DIR/none.csv"}, want: exitFailure},
		{name: "serve bad address", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"serve", "--addr", "8080", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "serve unknown language", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"serve", "--lang", "de", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "serve reads standard input", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"serve", "--events", "-", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "serve missing map", args: []string{"serve", "--addr", "127.0.0.1:0", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "fmt ok", files: map[string]string{"m.journey.yaml": "id: m\nversion: 1\n"}, args: []string{"fmt", "$DIR"}, want: exitOK},
		{name: "fmt check formatted", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n"}, args: []string{"fmt", "--check", "$DIR"}, want: exitOK},
		{name: "fmt check would change", files: map[string]string{"m.journey.yaml": "id: m\nversion: 1\n"}, args: []string{"fmt", "--check", "$DIR"}, want: exitProblems},
		{name: "fmt not yaml", files: map[string]string{"m.journey.yaml": "title: a: b\n"}, args: []string{"fmt", "$DIR/m.journey.yaml"}, want: exitProblems},
		{name: "fmt missing path", args: []string{"fmt", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "fmt no maps", files: map[string]string{"notes.txt": "x"}, args: []string{"fmt", "$DIR"}, want: exitUsage},
		{name: "fmt unknown flag", args: []string{"fmt", "--nope"}, want: exitUsage},
		{name: "schema ok", args: []string{"schema"}, want: exitOK},
		{name: "schema takes no argument", args: []string{"schema", "x"}, want: exitUsage},
		{name: "simulate ok", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\ntitle: M\nstages: [{id: s, name: S, touchpoints: [{id: t, name: T, goal: true, events: [{event: e}]}]}]\n"}, args: []string{"simulate", "$DIR/m.journey.yaml", "--users", "2", "-o", "$DIR/e.csv"}, want: exitOK},
		{name: "simulate invalid map", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n"}, args: []string{"simulate", "$DIR/m.journey.yaml"}, want: exitProblems},
		{name: "simulate missing map", args: []string{"simulate", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "simulate no users", args: []string{"simulate", "$DIR/none.journey.yaml", "--users", "0"}, want: exitUsage},
		{name: "simulate unknown order", args: []string{"simulate", "$DIR/none.journey.yaml", "--order", "random"}, want: exitUsage},
		{name: "simulate no folder", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\ntitle: M\nstages: [{id: s, name: S, touchpoints: [{id: t, name: T, goal: true}]}]\n"}, args: []string{"simulate", "$DIR/m.journey.yaml", "-o", "$DIR/none/e.csv"}, want: exitFailure},
		{name: "simulate output is input", files: map[string]string{"m.journey.yaml": "version: 1\n"}, args: []string{"simulate", "$DIR/m.journey.yaml", "-o", "$DIR/m.journey.yaml"}, want: exitUsage},
		{name: "simulate no map argument", args: []string{"simulate"}, want: exitUsage},
		{name: "diff ok", files: map[string]string{"a.journey.yaml": renderMap, "b.journey.yaml": diffMap}, args: []string{"diff", "$DIR/a.journey.yaml", "$DIR/b.journey.yaml"}, want: exitOK},
		{name: "diff exit-code changed", files: map[string]string{"a.journey.yaml": renderMap, "b.journey.yaml": diffMap}, args: []string{"diff", "--exit-code", "$DIR/a.journey.yaml", "$DIR/b.journey.yaml"}, want: exitProblems},
		{name: "diff exit-code unchanged", files: map[string]string{"a.journey.yaml": renderMap}, args: []string{"diff", "--exit-code", "$DIR/a.journey.yaml", "$DIR/a.journey.yaml"}, want: exitOK},
		{name: "diff invalid map", files: map[string]string{"a.journey.yaml": renderMap, "b.journey.yaml": "version: 1\nid: m\n"}, args: []string{"diff", "$DIR/a.journey.yaml", "$DIR/b.journey.yaml"}, want: exitProblems},
		{name: "diff unknown format", files: map[string]string{"a.journey.yaml": renderMap}, args: []string{"diff", "--format", "xml", "$DIR/a.journey.yaml", "$DIR/a.journey.yaml"}, want: exitUsage},
		{name: "diff unknown language", files: map[string]string{"a.journey.yaml": renderMap}, args: []string{"diff", "--lang", "de", "$DIR/a.journey.yaml", "$DIR/a.journey.yaml"}, want: exitUsage},
		{name: "diff both standard input", args: []string{"diff", "-", "-"}, want: exitUsage},
		{name: "diff one map", files: map[string]string{"a.journey.yaml": renderMap}, args: []string{"diff", "$DIR/a.journey.yaml"}, want: exitUsage},
		{name: "diff missing map", files: map[string]string{"a.journey.yaml": renderMap}, args: []string{"diff", "$DIR/a.journey.yaml", "$DIR/none.journey.yaml"}, want: exitFailure},
		{name: "render diff invalid older", files: map[string]string{"m.journey.yaml": renderMap, "old.journey.yaml": "version: 1\nid: m\n"}, args: []string{"render", "$DIR/m.journey.yaml", "--diff", "$DIR/old.journey.yaml"}, want: exitProblems},
		{name: "render diff and events both standard input", files: map[string]string{"m.journey.yaml": renderMap}, args: []string{"render", "$DIR/m.journey.yaml", "--diff", "-", "--events", "-"}, want: exitUsage},
		{name: "init ok", args: []string{"init", "$DIR/new"}, want: exitOK},
		{name: "init existing file", files: map[string]string{"shop.journey.yaml": "x"}, args: []string{"init", "$DIR", "--name", "shop"}, want: exitProblems},
		{name: "init force", files: map[string]string{"shop.journey.yaml": "x"}, args: []string{"init", "$DIR", "--name", "shop", "--force"}, want: exitOK},
		{name: "init bad name", args: []string{"init", "$DIR", "--name", "Shop"}, want: exitUsage},
		{name: "init two dirs", args: []string{"init", "$DIR/a", "$DIR/b"}, want: exitUsage},
		{name: "init dir under a file", files: map[string]string{"file": "x"}, args: []string{"init", "$DIR/file/sub"}, want: exitFailure},
		{name: "attribute ok", files: decisionFiles, args: []string{"attribute", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--value", "amount"}, want: exitOK},
		{name: "attribute no value column", files: decisionFiles, args: []string{"attribute", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--value", "price"}, want: exitProblems},
		{name: "attribute unknown model", files: decisionFiles, args: []string{"attribute", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--model", "best"}, want: exitUsage},
		{name: "attribute unknown language", files: decisionFiles, args: []string{"attribute", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--lang", "fr"}, want: exitUsage},
		{name: "attribute missing events", files: decisionFiles, args: []string{"attribute", "$DIR/m.journey.yaml", "--events", "$DIR/none.csv"}, want: exitFailure},
		{name: "whatif ok", files: decisionFiles, args: []string{"whatif", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--improve", "visit=50%"}, want: exitOK},
		{name: "whatif no change", files: decisionFiles, args: []string{"whatif", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitUsage},
		{name: "whatif F out of range", files: decisionFiles, args: []string{"whatif", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--improve", "visit=2"}, want: exitUsage},
		{name: "whatif goal touchpoint", files: decisionFiles, args: []string{"whatif", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--skip", "order"}, want: exitProblems},
		{name: "whatif unknown touchpoint", files: decisionFiles, args: []string{"whatif", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--skip", "cart"}, want: exitProblems},
		{name: "whatif invalid map", files: map[string]string{"m.journey.yaml": "version: 1\nid: m\n", "e.csv": decisionsEvents}, args: []string{"whatif", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--skip", "visit"}, want: exitProblems},
		{name: "compare ok", files: decisionFiles, args: []string{"compare", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--by", "variant", "--groups", "a,b"}, want: exitOK},
		{name: "compare group no user has", files: decisionFiles, args: []string{"compare", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--by", "variant", "--groups", "a,c"}, want: exitProblems},
		{name: "compare periods overlap", files: decisionFiles, args: []string{"compare", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--periods", "2024-01-01..2024-03-01,2024-02-01..2024-04-01"}, want: exitUsage},
		{name: "compare empty period", files: decisionFiles, args: []string{"compare", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--periods", "2024-02-01..2024-02-01,2024-03-01..2024-04-01"}, want: exitUsage},
		{name: "compare periods ok", files: decisionFiles, args: []string{"compare", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv", "--periods", "2024-01-01..2024-02-01,2024-02-01..2024-03-01"}, want: exitOK},
		{name: "compare nothing to compare", files: decisionFiles, args: []string{"compare", "$DIR/m.journey.yaml", "--events", "$DIR/e.csv"}, want: exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			var stdout, stderr bytes.Buffer
			if got := run(args, strings.NewReader(""), &stdout, &stderr); got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, got, tt.want, stdout.String(), stderr.String())
			}
		})
	}
}

// renderMap is a small valid map for the render rows.
const renderMap = "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n        goal: true\n"
