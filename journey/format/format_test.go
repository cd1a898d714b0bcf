package format

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
)

// TestGolden formats every testdata/format/*.in.yaml and compares the result with the
// matching .out.yaml; JOURNEY_UPDATE=1 rewrites the goldens.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("../../testdata/format/*.in.yaml")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.yaml")
		t.Run(name, func(t *testing.T) {
			src := readFile(t, in)
			got, diags := Source(in, src)
			if len(diags) > 0 {
				t.Fatalf("Source: %v", diags)
			}
			golden.Check(t, strings.TrimSuffix(in, ".in.yaml")+".out.yaml", got)
		})
	}
}

// TestIdempotent formats every map the tests and examples hold twice: the second pass must
// change nothing.
func TestIdempotent(t *testing.T) {
	for _, file := range corpus(t) {
		t.Run(file, func(t *testing.T) {
			once, diags := Source(file, readFile(t, file))
			if len(diags) > 0 {
				t.Skipf("not YAML: %v", diags)
			}
			twice, diags := Source(file, once)
			if len(diags) > 0 {
				t.Fatalf("formatted output does not parse: %v\n%s", diags, once)
			}
			if diff := cmp.Diff(string(once), string(twice)); diff != "" {
				t.Errorf("second pass changed the output (-once +twice):\n%s", diff)
			}
		})
	}
}

func TestRefused(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		rule string
		msg  string
	}{
		{"syntax", "version: 1\ntitle: a: b\n", 2, "yaml-syntax", "invalid YAML: mapping values are not allowed in this context"},
		{"tab indent", "version: 1\nstages:\n\t- id: a\n", 3, "yaml-syntax", "tab character in indentation; indent with spaces"},
		{"second document", "version: 1\n---\nversion: 1\n", 2, "yaml-syntax", "a second YAML document starts here; a map file holds one document"},
		{"utf-16", "\xff\xfev\x00", 1, "encoding", "file is UTF-16; save it as UTF-8"},
		{"list", "# a list\n- version: 1\n", 2, "not-a-map", "file holds a list; expected a mapping with version, id, title and stages"},
		{"scalar", "just words\n", 1, "not-a-map", "file holds text; expected a mapping with version, id, title and stages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, diags := Source("m.journey.yaml", []byte(tt.src))
			if out != nil || len(diags) != 1 {
				t.Fatalf("Source = %q, %v; want nil and one diagnostic", out, diags)
			}
			d := diags[0]
			if d.Line != tt.line || d.Message != tt.msg || d.Rule != tt.rule || d.File != "m.journey.yaml" {
				t.Errorf("diagnostic = %+v, want line %d, rule %s, message %q", d, tt.line, tt.rule, tt.msg)
			}
		})
	}
}

// TestRefusedAsLint checks that fmt refuses a broken file with exactly the diagnostics lint
// reports for it.
func TestRefusedAsLint(t *testing.T) {
	valid := readFile(t, "../../testdata/format/scrambled.out.yaml")
	tests := map[string]string{
		"syntax":          "version: 1\nid: shop\n  title: x\n",
		"unclosed list":   "version: 1\nid: shop\ntitle: [Shop\nstages: []\n",
		"tab indent":      "version: 1\nstages:\n\t- id: a\n",
		"utf-16":          "\xff\xfev\x00e\x00r\x00",
		"list at the top": "# a list\n- version: 1\n",
		"second document": string(valid) + "---\nversion: 1\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			out, got := Source("m.journey.yaml", []byte(src))
			_, want := journey.Check("m.journey.yaml", []byte(src))
			if out != nil || len(want) == 0 {
				t.Fatalf("Source = %q; lint diagnostics %v; want a refused, broken file", out, want)
			}
			if diff := cmp.Diff(want, journey.SortDiagnostics(got)); diff != "" {
				t.Errorf("fmt and lint disagree (-lint +fmt):\n%s", diff)
			}
		})
	}
}

func TestNothingToFormat(t *testing.T) {
	for _, src := range []string{"", "\n", "# only a comment\n"} {
		out, diags := Source("m.journey.yaml", []byte(src))
		if len(diags) > 0 || !bytes.Equal(out, []byte(src)) {
			t.Errorf("Source(%q) = %q, %v; want the input back", src, out, diags)
		}
	}
}

// corpus lists the example maps, the test maps and the golden inputs and outputs.
func corpus(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"../../examples", "../../testdata"} {
		found, err := journey.FindMaps([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	golden, _ := filepath.Glob("../../testdata/format/*.yaml")
	return append(files, golden...)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCRLF: a file with Windows line endings formats as the same file with line feeds: no
// comment lost (the YAML parser drops a comment inside a flow list of CRLF text), none
// moved, no blank line added.
func TestCRLF(t *testing.T) {
	lf := "# c1\n# c2\nversion: 1\nid: x\n# mid\ntitle: T\nstages:\n  - id: s1\n    name: S1\n    touchpoints:\n" +
		"      - id: a\n        name: A\n        goal: true\n        pains: [\n          # keep me\n          slow\n        ]\n"
	want, diags := Source("lf.journey.yaml", []byte(lf))
	if diags != nil {
		t.Fatal(diags)
	}
	got, diags := Source("crlf.journey.yaml", []byte(strings.ReplaceAll(lf, "\n", "\r\n")))
	if diags != nil {
		t.Fatal(diags)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" || !strings.Contains(string(got), "# keep me") {
		t.Errorf("CRLF formats otherwise than LF (-lf +crlf):\n%s", diff)
	}
}

// TestYAML12Directive: a map that says it is YAML 1.2 is formatted, without the directive,
// which the encoder does not write.
func TestYAML12Directive(t *testing.T) {
	body := "version: 1\nid: x\ntitle: T\nstages:\n  - id: s1\n    name: S1\n    touchpoints:\n      - id: a\n        name: A\n        goal: true\n"
	got, diags := Source("m.journey.yaml", []byte("%YAML 1.2\n---\n"+body))
	if diags != nil || string(got) != body {
		t.Errorf("got %q, %v; want the body", got, diags)
	}
}

// TestEmojiInCommentAndValue: an emoji in a comment before the same emoji in a value is
// written as it is in both.
func TestEmojiInCommentAndValue(t *testing.T) {
	src := "version: 1\nid: x\ntitle: T\nstages:\n  - id: s1\n    name: S1\n    touchpoints:\n      # 🌷 first in a comment\n      - id: a\n        name: Tulp 🌷\n        goal: true\n"
	got, diags := Source("m.journey.yaml", []byte(src))
	if diags != nil || string(got) != src {
		t.Errorf("got %q, %v; want the file as it is", got, diags)
	}
}

// TestCarriageReturns: carriage returns alone are line ends as well, which the YAML parser
// reads as line breaks; the result has line feeds and formats to itself.
func TestCarriageReturns(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"blank lines", "\r\r\n", "\n\n"},
		{"comment", "# c\r", "# c\n"},
		{"map", "version: 1\rid: x # the id\r\rtitle: T\r", "version: 1\nid: x # the id\ntitle: T\n"},
		{"literal text", "version: 1\rdescription: |\r  a\r\r\n  b\r", "version: 1\ndescription: |\n  a\n\n  b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, diags := Source("m.journey.yaml", []byte(tt.src))
			if len(diags) > 0 || string(out) != tt.want {
				t.Fatalf("Source = %q, %v; want %q", out, diags, tt.want)
			}
			if again, _ := Source("m.journey.yaml", out); string(again) != string(out) {
				t.Errorf("second pass = %q", again)
			}
		})
	}
}

// TestInvisibleCharactersEscaped: a character that can hide what text says stays escaped
// in double quotes, and one written as it is becomes escaped, so that the file shows what
// lint reports; the joiner of an emoji sequence is part of the emoji and stays as it is.
// The values read back the same, and a second pass changes nothing.
func TestInvisibleCharactersEscaped(t *testing.T) {
	const head = "version: 1\nid: a\n"
	const tail = "stages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n        goal: true\n"
	tests := []struct{ name, src, want string }{
		{"escaped stays escaped", head + "title: \"Beurs\\u200B\"\n" + tail, head + "title: \"Beurs\\u200B\"\n" + tail},
		{"written as it is", head + "title: Beurs\u202Eknaw\n" + tail, head + "title: \"Beurs\\u202Eknaw\"\n" + tail},
		{"in a block text", head + "title: |\n  Een\u200Btekst\n" + tail, head + "title: \"Een\\u200Btekst\\n\"\n" + tail},
		{"an emoji's joiner", head + "title: Boer 👩\u200D🌾 \u2060\n" + tail, head + "title: \"Boer 👩\u200D🌾 \\u2060\"\n" + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, diags := Source("m.journey.yaml", []byte(tt.src))
			if len(diags) > 0 || string(out) != tt.want {
				t.Fatalf("Source = %v\n%s\nwant:\n%s", diags, out, tt.want)
			}
			if again, _ := Source("m.journey.yaml", out); string(again) != string(out) {
				t.Errorf("second pass changed the output:\n%s", again)
			}
			if diff := cmp.Diff(decode(t, tt.src), decode(t, string(out))); diff != "" {
				t.Errorf("the values changed (-before +after):\n%s", diff)
			}
		})
	}
}
