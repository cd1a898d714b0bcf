package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/journey-cx/journey/render"
)

// syncBuffer is a buffer the watch loop writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls until cond holds, failing the test after a generous limit.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestRenderWatch(t *testing.T) {
	dir := t.TempDir()
	mapPath := filepath.Join(dir, "m.journey.yaml")
	out := filepath.Join(dir, "m.svg")
	write := func(s string) {
		if err := os.WriteFile(mapPath, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(renderMap)
	var stdout, stderr syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	opts := &renderOptions{mapPath: mapPath, out: out, format: "svg"}
	printer, err := render.Formats.Lookup("svg")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- renderWatch(ctx, e, opts, printer) }()
	rendered := func(n int) func() bool {
		return func() bool { return strings.Count(stderr.String(), "rendered "+out+" in ") == n }
	}
	waitFor(t, "the first render", rendered(1))
	good, _ := os.ReadFile(out)

	write(renderMap + "        emotion: 9\n")
	waitFor(t, "the broken save to be reported", func() bool { return strings.Contains(stderr.String(), "keeping the last picture") })
	if kept, _ := os.ReadFile(out); !bytes.Equal(kept, good) {
		t.Error("a broken save changed the picture")
	}

	write(strings.Replace(renderMap, "name: T", "name: Changed title", 1))
	waitFor(t, "the second render", rendered(2))
	if now, _ := os.ReadFile(out); !bytes.Contains(now, []byte("Changed title")) {
		t.Error("the picture was not redrawn after the fix")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("renderWatch = %v after cancel, want nil", err)
	}
	if stdout.String() != "" {
		t.Errorf("--watch wrote %q to standard output, want nothing", stdout.String())
	}
}

// TestRenderOnceQuiet checks that a --watch drawing says nothing under -q, and that a drawing
// cut short by Ctrl-C is not reported as a failure.
func TestRenderOnceQuiet(t *testing.T) {
	printer, err := render.Formats.Lookup("svg")
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		quiet  bool
		forbid string
	}{
		{name: "quiet", ctx: context.Background(), quiet: true, forbid: "rendered"},
		{name: "interrupted", ctx: cancelled, forbid: "keeping the last picture"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mapPath := filepath.Join(dir, "m.journey.yaml")
			if err := os.WriteFile(mapPath, []byte(renderMap), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, quiet: tt.quiet}
			renderOnce(tt.ctx, e, &renderOptions{mapPath: mapPath, out: filepath.Join(dir, "m.svg"), format: "svg"}, printer)
			if stdout.String() != "" || strings.Contains(stderr.String(), tt.forbid) {
				t.Errorf("renderOnce wrote stdout %q, stderr %q; want nothing on stdout and no %q", stdout.String(), stderr.String(), tt.forbid)
			}
		})
	}
}

// TestExamplePicturesUpToDate fails when a committed example picture is not what journey
// render draws from its map and events now, as `journey render --check` would in CI.
func TestExamplePicturesUpToDate(t *testing.T) {
	maps, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.journey.yaml"))
	if err != nil || len(maps) == 0 {
		t.Fatalf("no example maps found (%v)", err)
	}
	for _, mapPath := range maps {
		t.Run(filepath.Base(mapPath), func(t *testing.T) {
			events := filepath.Join(filepath.Dir(mapPath), "events.csv")
			var stderr bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
			opts := &renderOptions{mapPath: mapPath, format: "svg", events: []string{events}, check: true}
			if err := renderRun(context.Background(), e, opts); err != nil {
				t.Errorf("%v %s\nredraw it: go run ./cmd/journey render %s --events %s",
					err, stderr.String(), strings.TrimPrefix(mapPath, "../../"), strings.TrimPrefix(events, "../../"))
			}
		})
	}
}

// TestOutputIsInput checks the one refusal render and simulate share: -o may not name an
// input, by any spelling of its path, and - names no file.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "m.journey.yaml")
	if err := os.WriteFile(in, []byte(renderMap), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		out    string
		inputs []string
		want   bool
	}{
		{name: "same path", out: in, inputs: []string{in}, want: true},
		{name: "another spelling", out: filepath.Join(dir, ".", "x", "..", "m.journey.yaml"), inputs: []string{in}, want: true},
		{name: "second input", out: in, inputs: []string{filepath.Join(dir, "e.csv"), in}, want: true},
		{name: "another file", out: filepath.Join(dir, "m.svg"), inputs: []string{in}},
		{name: "standard output", out: "-", inputs: []string{"-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := outputIsInput(tt.out, tt.inputs...)
			if (err != nil) != tt.want {
				t.Fatalf("outputIsInput(%q, %q) = %v, want an error: %t", tt.out, tt.inputs, err, tt.want)
			}
			if want := fmt.Sprintf("-o %q names an input file; choose another output file", tt.out); err != nil && err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
		})
	}
}

// TestDiffPictureUpToDate fails when the committed picture of the florist example's change
// (examples/florist/florist-diff.svg, shown in the README) is not what journey render --diff
// draws now.
func TestDiffPictureUpToDate(t *testing.T) {
	t.Chdir(filepath.Join("..", "..")) // the legend names the older version as given
	var stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
	opts := &renderOptions{mapPath: "examples/florist/florist.journey.yaml", format: "svg", check: true,
		diff: "examples/florist/before/florist.journey.yaml"}
	if err := renderRun(context.Background(), e, opts); err != nil {
		t.Errorf("%v %s\nredraw it: go run ./cmd/journey render examples/florist/florist.journey.yaml --diff examples/florist/before/florist.journey.yaml", err, stderr.String())
	}
}

// TestRenderFailedIsAProblem checks that a layout that takes too long names the map, says
// what to do and exits 1, as a PNG too large to paint does, while other failures keep their
// own exit code.
func TestRenderFailedIsAProblem(t *testing.T) {
	large := renderFailed("maps/big.journey.yaml", fmt.Errorf("%w (9 × 9 pixels)", render.ErrTooLarge))
	if got := exitCode(ranError{large}); got != exitProblems || !strings.HasPrefix(errorMessage(large), "maps/big.journey.yaml: ") {
		t.Errorf("a PNG too large: exit code %d, message %q; want %d, naming the map", got, errorMessage(large), exitProblems)
	}
	err := renderFailed("maps/big.journey.yaml", fmt.Errorf("%w (more than 20s)", render.ErrTimeout))
	if got := exitCode(ranError{err}); got != exitProblems {
		t.Errorf("exit code %d, want %d", got, exitProblems)
	}
	msg := errorMessage(err)
	for _, want := range []string{"maps/big.journey.yaml: ", "took too long", "split it into smaller maps"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	other := errors.New("graphviz cannot draw the map")
	if got := renderFailed("m.journey.yaml", other); got != other {
		t.Errorf("another failure became %v", got)
	}
}

// denseMap is a map of n touchpoints in stages of ten, each linking to every other one.
func denseMap(n int) string {
	var b strings.Builder
	b.WriteString("version: 1\nid: dense\ntitle: Dense\nstages:\n")
	for i := range n {
		if i%10 == 0 {
			fmt.Fprintf(&b, "  - id: s%d\n    name: Stage %d\n    touchpoints:\n", i/10, i/10)
		}
		var next []string
		for j := range n {
			if j != i {
				next = append(next, fmt.Sprintf("t%d", j))
			}
		}
		fmt.Fprintf(&b, "      - id: t%d\n        name: Touchpoint %d\n        emotion: %d\n        events: [{event: e%d}]\n        next: [%s]\n",
			i, i, i%5-2, i, strings.Join(next, ", "))
	}
	b.WriteString("      - id: done\n        name: Done\n        goal: true\n        events: [{event: done}]\n")
	return b.String()
}

// TestRenderDenseMap draws a map of 60 touchpoints that all link to each other, with and
// without events: Graphviz could not lay it out in 20 s when every link was drawn.
func TestRenderDenseMap(t *testing.T) {
	dir := t.TempDir()
	mapPath := filepath.Join(dir, "dense.journey.yaml")
	if err := os.WriteFile(mapPath, []byte(denseMap(60)), 0o644); err != nil {
		t.Fatal(err)
	}
	events := filepath.Join(dir, "events.csv")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"simulate", mapPath, "--users", "300", "-o", events}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("simulate: exit %d: %s", code, stderr.String())
	}
	for _, args := range [][]string{{"render", mapPath}, {"render", mapPath, "--events", events, "--lang", "nl"}} {
		stderr.Reset()
		start := time.Now()
		if code := run(args, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("%q: exit %d: %s", args, code, stderr.String())
		}
		t.Logf("%q took %s", args, time.Since(start))
		svg, err := os.ReadFile(filepath.Join(dir, "dense.svg"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(svg, []byte("designed links not drawn")) && !bytes.Contains(svg, []byte("verbindingen niet getekend")) {
			t.Errorf("%q: the legend does not say that links were left out", args)
		}
	}
}
