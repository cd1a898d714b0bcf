package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// helpExamples returns the examples of a command's help as argument lists, without the
// leading "journey", a shell redirection or a comment.
func helpExamples(t *testing.T, name string) [][]string {
	t.Helper()
	root := newRootCmd(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard})
	cmd, _, err := root.Find([]string{name})
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for line := range strings.Lines(cmd.Example) {
		line, _, _ = strings.Cut(line, "#")
		line, _, _ = strings.Cut(line, ">")
		if args := strings.Fields(line); len(args) > 2 && args[0] == "journey" {
			out = append(out, args[1:])
		}
	}
	if len(out) < 3 {
		t.Fatalf("%s has %d examples, want at least 3", name, len(out))
	}
	return out
}

// copyExamples copies examples/ into a temporary folder and makes it the working directory,
// so that the help's examples run as written without writing into the repository.
func copyExamples(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "examples"), os.DirFS("../../examples")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
}

// TestReportExamples runs every example of report's help on the bundled maps.
func TestReportExamples(t *testing.T) {
	examples := helpExamples(t, "report")
	copyExamples(t)
	for _, args := range examples {
		runOK(t, args...)
	}
}

// TestServeExamples runs every example of serve's help on the bundled maps, on a free port
// instead of the one it names, until the first page is drawn, then stops it with Ctrl-C.
func TestServeExamples(t *testing.T) {
	bin, err := exec.LookPath("journey") // the test binary, installed as journey by TestMain
	if err != nil {
		t.Skip("journey is not on PATH")
	}
	examples := helpExamples(t, "serve")
	copyExamples(t)
	for _, args := range examples {
		name := "journey " + strings.Join(args, " ")
		cmd := exec.Command(bin, append(args, "--addr", "127.0.0.1:0")...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill() // when the test fails before the interrupt
		url, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			t.Fatalf("%s: no URL printed: %v", name, err)
		}
		s := liveServer{url: strings.TrimSpace(url)}
		waitFor(t, name+" draws its page", func() bool { return strings.Contains(s.page(t), `<div class="frame">`) })
		cmd.Process.Signal(os.Interrupt)
		if err := cmd.Wait(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
