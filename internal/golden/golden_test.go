package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing the test.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestCheck(t *testing.T) {
	t.Setenv("JOURNEY_UPDATE", "")
	path := filepath.Join(t.TempDir(), "out.golden")
	if err := os.WriteFile(path, []byte("same\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		got      string
		wantFail bool
	}{{"same\n", false}, {"other\n", true}} {
		r := &recorder{TB: t}
		Check(r, path, []byte(tt.got))
		if r.failed != tt.wantFail {
			t.Errorf("Check(%q) failed = %v, want %v", tt.got, r.failed, tt.wantFail)
		}
	}
	r := &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing"), []byte("x"))
	if !r.failed {
		t.Error("Check against a missing golden file passed")
	}
	t.Setenv("JOURNEY_UPDATE", "1")
	Check(t, path, []byte("new\n"))
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("under JOURNEY_UPDATE=1 the golden holds %q, want it rewritten", got)
	}
}
