package format

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormat checks that Source never panics, and that what it returns is YAML it formats
// to itself.
func FuzzFormat(f *testing.F) {
	inputs, _ := filepath.Glob("../../testdata/format/*.in.yaml")
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("version: 1\nstages: [{id: a, touchpoints: [{id: b, next: [c, d]}]}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, diags := Source("f.journey.yaml", src)
		if len(diags) > 0 {
			return
		}
		again, diags := Source("f.journey.yaml", out)
		if len(diags) > 0 {
			t.Fatalf("output does not parse: %v\ninput:\n%s\noutput:\n%s", diags, src, out)
		}
		checkCommentsKept(t, src, out)
		if !bytes.Equal(again, out) {
			t.Fatalf("not idempotent\ninput:\n%s\nonce:\n%s\ntwice:\n%s", src, out, again)
		}
	})
}
