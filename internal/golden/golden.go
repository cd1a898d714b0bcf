// Package golden compares output in tests with golden files, and rewrites the golden files
// instead when JOURNEY_UPDATE=1 is set, so that an intended change of output is one command.
// CI runs the tests with JOURNEY_UPDATE=1 and fails when that changes any file.
package golden

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update reports whether golden files are being rewritten (JOURNEY_UPDATE=1).
func Update() bool { return os.Getenv("JOURNEY_UPDATE") == "1" }

// Check compares got with the golden file at path, or rewrites that file under
// JOURNEY_UPDATE=1. A difference is reported as a diff, want to got.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (JOURNEY_UPDATE=1 writes it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; JOURNEY_UPDATE=1 rewrites it):\n%s", path, diff)
	}
}
