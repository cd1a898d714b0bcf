package format

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// parseComments returns the comment words of src.
func parseComments(t *testing.T, src []byte) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("does not parse: %v", err)
	}
	return commentWords(&doc)
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
