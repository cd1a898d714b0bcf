package output

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/lang"
)

// floristDiff compares the florist example with its version before the second workshop.
func floristDiff(t *testing.T) *diff.Diff {
	t.Helper()
	load := func(path string) *journey.Map {
		m, ds, err := journey.Load(path)
		if err != nil || journey.HasErrors(ds, false) {
			t.Fatalf("%s does not load: %v %v", path, err, ds)
		}
		return m
	}
	old := "examples/florist/before/florist.journey.yaml"
	new := "examples/florist/florist.journey.yaml"
	return diff.Of(old, new, load(filepath.Join("..", "..", old)), load(filepath.Join("..", "..", new)))
}

// TestDiffPrinters prints the florist diff in every format, in English, in Dutch and in
// colour, and compares with the goldens in testdata/diff; JOURNEY_UPDATE=1 rewrites them.
func TestDiffPrinters(t *testing.T) {
	d := floristDiff(t)
	nl, _ := lang.Get("nl")
	tests := []struct {
		name, format string
		report       DiffReport
		o            Options
	}{
		{"florist.txt", "text", DiffReport{Diffs: []*diff.Diff{d}}, Options{}},
		{"florist.color.txt", "text", DiffReport{Diffs: []*diff.Diff{d}}, Options{Color: true}},
		{"florist.nl.txt", "text", DiffReport{Diffs: []*diff.Diff{d}}, Options{Lang: nl}},
		{"florist.md", "markdown", DiffReport{Diffs: []*diff.Diff{d}}, Options{}},
		{"florist.nl.md", "markdown", DiffReport{Diffs: []*diff.Diff{d}}, Options{Lang: nl}},
		{"florist.json", "json", DiffReport{Diffs: []*diff.Diff{d}}, Options{Lang: nl}},
		{"git.txt", "text", gitReport(d), Options{}},
		{"git.md", "markdown", gitReport(d), Options{}},
		{"git.json", "json", gitReport(d), Options{}},
		{"git-none.md", "markdown", DiffReport{Git: true}, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			printer, err := Diff.Lookup(tt.format)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := printer(&buf, tt.report, tt.o); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("..", "..", "testdata", "diff", tt.name), buf.Bytes())
		})
	}
}

// gitReport is a --git report of d, a map file added and one deleted.
func gitReport(d *diff.Diff) DiffReport {
	added := diff.Of("HEAD:maps/new.journey.yaml", "maps/new.journey.yaml", nil, d.NewMap)
	removed := diff.Of("HEAD:maps/old.journey.yaml", "maps/old.journey.yaml", d.OldMap, nil)
	return DiffReport{Git: true, Diffs: []*diff.Diff{d, added, removed}}
}

func TestMDText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bezoek webshop", "Bezoek webshop"},
		{"*bold* _x_ `code`", `\*bold\* \_x\_ \` + "`code\\`"},
		{"[link](http://x) <b> #1 a|b ~~s~~ &amp; :tulip: !", `\[link\](http\://x) \<b\> \#1 a\|b \~\~s\~\~ \&amp; \:tulip: \!`},
		{"channel: email", "channel: email"},
		{"line\nbreak \\ back", `line\\nbreak \\ back`},
	}
	for _, tt := range tests {
		if got := mdText(tt.in); got != tt.want {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDiffJSONIgnoresLanguage: the machine format never changes with the language.
func TestDiffJSONIgnoresLanguage(t *testing.T) {
	d := floristDiff(t)
	nl, _ := lang.Get("nl")
	var en, dutch bytes.Buffer
	if err := printDiffJSON(&en, DiffReport{Diffs: []*diff.Diff{d}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := printDiffJSON(&dutch, DiffReport{Diffs: []*diff.Diff{d}}, Options{Lang: nl, Color: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(en.Bytes(), dutch.Bytes()) {
		t.Error("the JSON of a diff changes with the language or colour")
	}
}
