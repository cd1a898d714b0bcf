package output

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
)

const lintFixtures = "../../testdata/lint"

// lintFixtureResult lints the fixture maps as lint would, naming them maps/NAME.
func lintFixtureResult(t *testing.T) LintResult {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(lintFixtures, "*.journey.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	r := LintResult{Sources: map[string][]byte{}, Files: len(paths)}
	for _, p := range paths {
		src, err := journey.ReadSource(p)
		if err != nil {
			t.Fatal(err)
		}
		name := "maps/" + filepath.Base(p)
		_, ds := journey.Check(name, src)
		r.Sources[name] = src
		r.Diagnostics = append(r.Diagnostics, ds...)
	}
	r.Diagnostics = journey.SortDiagnostics(r.Diagnostics)
	return r
}

// TestLintGoldens prints the fixtures in every format and compares with the goldens in
// testdata/lint/golden; JOURNEY_UPDATE=1 rewrites them.
func TestLintGoldens(t *testing.T) {
	r := lintFixtureResult(t)
	tests := []struct {
		golden, format string
		color          bool
	}{
		{"lint.txt", "text", false},
		{"lint-color.txt", "text", true},
		{"lint.json", "json", false},
		{"lint.sarif", "sarif", false},
		{"lint.github.txt", "github", false},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			printer, err := Lint.Lookup(tt.format)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := printer(&out, r, Options{Color: tt.color}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(lintFixtures, "golden", tt.golden), out.Bytes())
		})
	}
}

// TestLintJSONShape checks the SPEC shape: [] when clean, the six keys otherwise.
func TestLintJSONShape(t *testing.T) {
	var out bytes.Buffer
	if err := printLintJSON(&out, LintResult{Files: 1}, Options{}); err != nil || out.String() != "[]\n" {
		t.Errorf("clean JSON = %q, %v; want []", out.String(), err)
	}
	out.Reset()
	d := journey.Diagnostic{File: "a.journey.yaml", Line: 2, Column: 3, Severity: journey.Warning, Rule: "no-goal", Message: "m"}
	if err := printLintJSON(&out, LintResult{Diagnostics: []journey.Diagnostic{d}}, Options{}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"file": "a.journey.yaml", "line": 2.0, "column": 3.0, "severity": "warning", "rule": "no-goal", "message": "m"}
	if len(got) != 1 || len(got[0]) != len(want) {
		t.Fatalf("JSON = %s", out.String())
	}
	for k, v := range want {
		if got[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got[0][k], v)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	d := journey.Diagnostic{File: "a,b:c%.journey.yaml", Line: 1, Column: 2, Severity: journey.Error,
		Rule: "unknown-key", Message: "100% wrong\r\nsecond line: a, b"}
	var out bytes.Buffer
	if err := printLintGitHub(&out, LintResult{Diagnostics: []journey.Diagnostic{d}}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%2Cb%3Ac%25.journey.yaml,line=1,col=2,title=unknown-key::100%25 wrong%0D%0Asecond line: a, b\n"
	if out.String() != want {
		t.Errorf("got  %q\nwant %q", out.String(), want)
	}
}

// TestLintTextBOM: a file's byte order mark is not shown, so that the marker lines up with
// the column, which does not count it either.
func TestLintTextBOM(t *testing.T) {
	d := journey.Diagnostic{File: "a.journey.yaml", Line: 1, Column: 8, Rule: "wrong-type", Message: "m"}
	r := LintResult{Diagnostics: []journey.Diagnostic{d},
		Sources: map[string][]byte{"a.journey.yaml": []byte("\uFEFFtitle: [a]\nversion: 1\n")}}
	var out bytes.Buffer
	if err := printLintText(&out, r, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "a.journey.yaml:1:8: m [wrong-type]\n  |\n1 | title: [a]\n  |        ^~~\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestLintSummary(t *testing.T) {
	e := journey.Diagnostic{Severity: journey.Error}
	w := journey.Diagnostic{Severity: journey.Warning}
	more := journey.Diagnostic{Severity: journey.Error, Rule: "too-many-problems",
		Hidden: journey.Counts{Errors: 10, Warnings: 119}}
	tests := []struct {
		ds    []journey.Diagnostic
		files int
		want  string
	}{
		{nil, 3, "no problems in 3 files"},
		{[]journey.Diagnostic{e}, 1, "1 error in 1 file"},
		{[]journey.Diagnostic{w, w}, 2, "2 warnings in 2 files"},
		{[]journey.Diagnostic{e, e, w}, 3, "2 errors, 1 warning in 3 files"},
		{[]journey.Diagnostic{e, w, more}, 1, "11 errors, 120 warnings in 1 file"},
	}
	for _, tt := range tests {
		if got := LintSummary(LintResult{Diagnostics: tt.ds, Files: tt.files}); got != tt.want {
			t.Errorf("LintSummary = %q, want %q", got, tt.want)
		}
	}
}

func TestTokenLength(t *testing.T) {
	tests := []struct {
		rest string
		want int
	}{
		{`"quoted \" text" # c`, 16},
		{`'it''s' x`, 7},
		{"[a, [b]] x", 8},
		{"key: value", 3},
		{"plain text  # comment", 10},
		{"odrer, x]", 5},
		{"", 1},
		{"- id: x", 1},
		{"-5", 2},
	}
	for _, tt := range tests {
		if got := tokenLength([]rune(tt.rest)); got != tt.want {
			t.Errorf("tokenLength(%q) = %d, want %d", tt.rest, got, tt.want)
		}
	}
}

// TestLongLineSnippet checks that a long source line is cut around the column, with the
// marker still under the token.
func TestLongLineSnippet(t *testing.T) {
	line := "x: [" + strings.Repeat("a, ", 100) + "bad, " + strings.Repeat("b, ", 100) + "]"
	col := strings.Index(line, "bad") + 1
	d := journey.Diagnostic{File: "m.journey.yaml", Line: 1, Column: col, Rule: "r", Message: "m"}
	var out bytes.Buffer
	if err := printLintText(&out, LintResult{Diagnostics: []journey.Diagnostic{d}, Sources: map[string][]byte{"m.journey.yaml": []byte(line)}}, Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	src, marker := strings.TrimPrefix(lines[2], "1 | "), strings.TrimPrefix(lines[3], "  | ")
	if len(src) != snippetBefore+snippetAfter || src[strings.Index(marker, "^"):][:3] != "bad" || !strings.HasSuffix(marker, "^~~") {
		t.Errorf("snippet:\n%s", out.String())
	}
}

// TestTextWithoutSource checks that a diagnostic of a file without source has no snippet.
func TestTextWithoutSource(t *testing.T) {
	d := journey.Diagnostic{File: "gone.journey.yaml", Line: 1, Column: 1, Rule: "r", Message: "m"}
	var out bytes.Buffer
	if err := printLintText(&out, LintResult{Diagnostics: []journey.Diagnostic{d}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "gone.journey.yaml:1:1: m [r]\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// TestLintSARIFURI writes each file's path as a URI reference, as SARIF requires: spaces, %
// and letters beyond ASCII percent-encoded, a colon in the first segment not taken for a
// scheme.
func TestLintSARIFURI(t *testing.T) {
	tests := map[string]string{
		"maps/shop.journey.yaml":         "maps/shop.journey.yaml",
		"my maps/100% shop.journey.yaml": "my%20maps/100%25%20shop.journey.yaml",
		"maps/oriëntatie.journey.yaml":   "maps/ori%C3%ABntatie.journey.yaml",
		"a:b.journey.yaml":               "./a:b.journey.yaml",
	}
	for file, want := range tests {
		if got := physical(journey.Diagnostic{File: file, Line: 1, Column: 1}).Artifact.URI; got != want {
			t.Errorf("%q: uri %q, want %q", file, got, want)
		}
		if _, err := url.Parse(want); err != nil {
			t.Errorf("%q: %v", want, err)
		}
	}
}

// TestEscapeLine replaces what a terminal would act on or hide in a source line, but keeps
// the joiners of emoji sequences, which it shows as one picture.
func TestEscapeLine(t *testing.T) {
	tests := map[string]string{
		"name: Boer 👩\u200d🌾":  "name: Boer 👩\u200d🌾",
		"name: Home\u200dpage": "name: Home\ufffdpage",
		"name: \u202eevil\tx":  "name: \ufffdevil\tx",
		"name: bell\a":         "name: bell\ufffd",
	}
	for in, want := range tests {
		if got := escapeLine([]rune(in)); got != want {
			t.Errorf("escapeLine(%q) = %q, want %q", in, got, want)
		}
	}
}
