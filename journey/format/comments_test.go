package format

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseComments returns the comment words of src, those after its document end marker
// included.
func parseComments(t *testing.T, src []byte) []string {
	t.Helper()
	words, ok := fileWords(src)
	if !ok {
		t.Fatalf("does not parse:\n%s", src)
	}
	return words
}

// checkCommentsKept fails when out lost or gained a comment word of src.
func checkCommentsKept(t *testing.T, src, out []byte) {
	t.Helper()
	if diff := cmp.Diff(parseComments(t, src), parseComments(t, out)); diff != "" {
		t.Errorf("comments changed (-input +output):\n%s\ninput:\n%s\noutput:\n%s", diff, src, out)
	}
}

func TestCommentsKept(t *testing.T) {
	for _, file := range corpus(t) {
		src := readFile(t, file)
		out, diags := Source(file, src)
		if len(diags) > 0 {
			continue
		}
		t.Run(file, func(t *testing.T) { checkCommentsKept(t, src, out) })
	}
}

// TestDocumentEndComments checks the comments on and after the document end marker, some
// of which the parser drops and some of which it keeps: each is written once, after the
// marker, and the check that fmt lost no comment counts them.
func TestDocumentEndComments(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"on and after the marker", "version: 1\nid: shop # the id\n... # on end\n# after end\n", ""},
		{"after a block scalar", "version: 1\ndescription: |\n  x\n...\n# after a block\n", ""},
		{"line ends made canonical", "version: 1\r\n...  \r\n\r\n# z\r\n\r\n", "version: 1\n...\n\n# z\n"},
		{"a marker alone says nothing", "version: 1\n...\n", "version: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.src
			}
			out, diags := Source("m.journey.yaml", []byte(tt.src))
			if len(diags) > 0 || string(out) != want {
				t.Errorf("Source = %q, %v; want %q", out, diags, want)
			}
		})
	}
	doc := "version: 1\nid: shop # the id\n"
	src := []byte(doc + "... # on end\n# after end\n")
	if got, want := parseComments(t, src), []string{"after", "end", "end", "id", "on", "the"}; !cmp.Equal(got, want) {
		t.Errorf("comment words = %q, want %q", got, want)
	}
	if keepsComments([]byte(doc), parseComments(t, src)) {
		t.Error("output without the comments after the end marker passes the check")
	}
}

// TestCommentAboveDash checks that the comment above the key that becomes first in a list
// item is written on its own line above the item's dash, never on the dash's line.
func TestCommentAboveDash(t *testing.T) {
	const head = "version: 1\nid: a\ntitle: A\nstages:\n"
	tests := []struct{ name, src, want string }{
		{"stage id moved first",
			"  - touchpoints:\n      - id: t\n        name: T\n        goal: true\n    # fase-id\n    id: f1\n    name: F\n",
			"  # fase-id\n  - id: f1\n    name: F\n    touchpoints:\n      - id: t\n        name: T\n        goal: true\n"},
		{"touchpoint id moved first",
			"  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        goal: true\n        # tp-id\n        id: t\n",
			"  - id: s\n    name: S\n    touchpoints:\n      # tp-id\n      - id: t\n        name: T\n        goal: true\n"},
		{"below the item's own comment",
			"  # the stage\n  - name: S\n    # its id\n    id: s\n",
			"  # the stage\n  # its id\n  - id: s\n    name: S\n"},
		{"written on the dash's line",
			"  - # its id\n    id: s\n    name: S\n",
			"  # its id\n  - id: s\n    name: S\n"},
		{"list in a list",
			"  - id: s\nx:\n  - - # inner\n      a: 1\n",
			"  - id: s\nx:\n  # inner\n  - - a: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(head + tt.src)
			out, diags := Source("m.journey.yaml", src)
			if len(diags) > 0 || string(out) != head+tt.want {
				t.Fatalf("Source = %v\n%s\nwant:\n%s%s", diags, out, head, tt.want)
			}
			checkCommentsKept(t, src, out)
			if again, _ := Source("m.journey.yaml", out); string(again) != string(out) {
				t.Errorf("second pass changed the output:\n%s", again)
			}
		})
	}
}
