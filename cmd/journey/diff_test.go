package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a git repository in a new folder with one commit of files, and makes it the
// current directory for the test.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", args, err, out)
		}
	}
	t.Chdir(dir)
	return dir
}

// TestDiffGitExitCodes pins the exit codes of reading maps from git.
func TestDiffGitExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want int
	}{
		{name: "no change", args: []string{"diff", "--git", "HEAD"}, want: exitOK},
		{name: "unknown revision", args: []string{"diff", "--git", "nope"}, want: exitFailure},
		{name: "revision that looks like a flag", args: []string{"diff", "--git=--output=x"}, want: exitFailure},
		{name: "path missing at revision", args: []string{"diff", "HEAD:none.journey.yaml", "m.journey.yaml"}, want: exitFailure},
		{name: "git not installed", args: []string{"diff", "--git", "HEAD"}, env: map[string]string{"PATH": ""}, want: exitFailure},
		{name: "outside a repository", args: []string{"diff", "--git", "HEAD"}, env: map[string]string{"GIT_DIR": "/nonexistent"}, want: exitUsage},
		{name: "render since a revision", args: []string{"render", "m.journey.yaml", "--diff", "HEAD", "-o", "-", "--format", "dot"}, want: exitOK},
		{name: "render since an unknown revision", args: []string{"render", "m.journey.yaml", "--diff", "nope"}, want: exitFailure},
		{name: "render since a revision outside a repository", args: []string{"render", "m.journey.yaml", "--diff", "HEAD"}, env: map[string]string{"GIT_DIR": "/nonexistent"}, want: exitUsage},
	}
	gitRepo(t, map[string]string{"m.journey.yaml": renderMap})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, strings.NewReader(""), &stdout, &stderr); got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, got, tt.want, stdout.String(), stderr.String())
			}
		})
	}
}

// diffMap is renderMap with its touchpoint renamed.
const diffMap = "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: U\n        goal: true\n"

// BenchmarkDiffGit runs journey diff --git in a repository of 1,000 maps of 50 touchpoints:
// against HEAD~2, when every map changed since (every emotion), the worst case, in which
// each map is read from git and from the working tree, loaded twice and compared; against
// HEAD~1, when ten maps changed since. The lint sub-benchmark is the baseline, journey lint
// of the same 1,000 maps, run in the same process. With JOURNEY_BENCH_DIR set to a folder that
// does not exist yet, the repository is made there and kept, to time the commands as
// processes.
func BenchmarkDiffGit(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	if keep := os.Getenv("JOURNEY_BENCH_DIR"); keep != "" {
		if err := os.Mkdir(keep, 0o755); err != nil {
			b.Fatal(err)
		}
		dir = keep
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		b.Fatalf("git init: %v\n%s", err, out)
	}
	for _, c := range []struct{ maps, emotion int }{{1000, 1}, {1000, 2}, {10, -1}} {
		writeMaps(b, dir, c.maps, 50, fmt.Sprintf("        emotion: %d\n", c.emotion))
		gitCommit(b, dir)
	}
	b.Chdir(dir)
	for _, bench := range []struct {
		name string
		args []string
	}{
		{"every-map-changed", []string{"diff", "-q", "--git", "HEAD~2", "--format", "json"}},
		{"ten-maps-changed", []string{"diff", "-q", "--git", "HEAD~1", "--format", "json"}},
		{"lint", []string{"lint", "-q", "."}},
	} {
		b.Run(bench.name, func(b *testing.B) {
			for b.Loop() {
				benchRun(b, exitOK, bench.args...)
			}
		})
	}
}

// gitCommit commits everything in dir.
func gitCommit(b *testing.B, dir string) {
	for _, args := range [][]string{{"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "maps"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %s: %v\n%s", args, err, out)
		}
	}
}

// benchRun runs the CLI in-process, output discarded, and fails unless it exits with want.
func benchRun(b *testing.B, want int, args ...string) {
	var stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), io.Discard, &stderr); code != want {
		b.Fatalf("journey %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
}

// TestDiffExamples runs the examples of diff's help that compare the bundled maps, as a
// reader of the help would; those that read git revisions depend on the repository's
// history, so they are left out.
func TestDiffExamples(t *testing.T) {
	examples := helpExamples(t, "diff")
	copyExamples(t)
	n := 0
	for _, args := range examples {
		if strings.HasPrefix(args[1], "examples/") {
			n++
			runOK(t, args...)
		}
	}
	if n < 3 {
		t.Errorf("diff has %d examples on the bundled maps, want at least 3", n)
	}
}

// TestDiffGitTooLarge checks that a map over the size limit at the revision is reported as
// lint reports it (exit 1), and that it is not read whole.
func TestDiffGitTooLarge(t *testing.T) {
	big := renderMap + "# " + strings.Repeat("x", 11<<20) + "\n"
	dir := gitRepo(t, map[string]string{"m.journey.yaml": big})
	if err := os.WriteFile(filepath.Join(dir, "m.journey.yaml"), []byte(renderMap), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"diff", "--git", "HEAD"}, strings.NewReader(""), &stdout, &stderr); code != exitProblems {
		t.Fatalf("exit %d, want %d\n%s", code, exitProblems, stderr.String())
	}
	if !strings.Contains(stderr.String(), "HEAD:m.journey.yaml") || !strings.Contains(stderr.String(), "[file-too-large]") {
		t.Errorf("stderr does not report the large map at HEAD:\n%.500s", stderr.String())
	}
}
