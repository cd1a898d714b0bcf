package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/journey-cx/journey/journey"
	"go.yaml.in/yaml/v3"
)

// lintMap is a clean map; lintWarningMap has only a warning (no goal).
const (
	lintMap        = "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n        goal: true\n"
	lintWarningMap = "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n        next: []\n"
)

// TestLintUnreadableDir checks that a directory lint cannot read is a failure (exit 3).
func TestLintUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	var stdout, stderr bytes.Buffer
	if got := run([]string{"lint", dir}, strings.NewReader(""), &stdout, &stderr); got != exitFailure {
		t.Errorf("exit %d, want %d; stderr %s", got, exitFailure, stderr.String())
	}
}

// TestLintDeterministic lints many maps concurrently and checks the output is stable.
func TestLintDeterministic(t *testing.T) {
	dir := t.TempDir()
	writeMaps(t, dir, 40, 5, "        emotion: 7\n")
	first, err := lintOutput(dir)
	for range 3 {
		again, err2 := lintOutput(dir)
		if err != nil || err2 != nil || again != first {
			t.Fatalf("outputs differ or fail: %v %v", err, err2)
		}
	}
	if n := strings.Count(first, "[emotion-range]"); n != 40*5 {
		t.Errorf("%d emotion-range diagnostics, want 200", n)
	}
}

// lintOutput runs `journey lint -q dir`, which must find errors, and returns its output.
func lintOutput(dir string) (string, error) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"lint", "-q", dir}, strings.NewReader(""), &stdout, &stderr); code != exitProblems {
		return "", fmt.Errorf("exit %d: %s", code, stderr.String())
	}
	return stdout.String(), nil
}

// writeMaps writes n maps of size touchpoints into dir, adding extra to each touchpoint.
func writeMaps(tb testing.TB, dir string, n, size int, extra string) {
	tb.Helper()
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "version: 1\nid: map-%d\ntitle: Map %d\nstages:\n", i, i)
		for j := range size {
			if j%10 == 0 {
				fmt.Fprintf(&b, "  - id: stage-%d\n    name: Stage %d\n    touchpoints:\n", j, j)
			}
			fmt.Fprintf(&b, "      - id: tp-%d\n        name: Touchpoint %d\n        channel: website\n"+
				"        events:\n          - event: view_%d\n            where: {page: [/p%d, /q%d]}\n"+
				"        kpis:\n          - {metric: conversion, min: 0.5}\n%s", j, j, j, j, j, extra)
		}
		b.WriteString("        goal: true\n")
		path := filepath.Join(dir, fmt.Sprintf("m%04d.journey.yaml", i))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkLintDir lints a directory of 1,000 maps of 50 touchpoints, as `journey lint DIR`
// does (without printing). The yaml-only sub-benchmark is the baseline: reading the same
// files and parsing them into yaml.Node trees on both cores, which no loader can beat.
func BenchmarkLintDir(b *testing.B) {
	dir := b.TempDir()
	writeMaps(b, dir, 1000, 50, "        emotion: 1\n")
	files, err := journey.FindMaps([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("lint", func(b *testing.B) {
		for b.Loop() {
			files, err := journey.FindMaps([]string{dir})
			if err != nil {
				b.Fatal(err)
			}
			result, err := lintFiles(files)
			if err != nil || len(result.Diagnostics) > 0 {
				b.Fatalf("err %v, %d diagnostics", err, len(result.Diagnostics))
			}
		}
	})
	b.Run("yaml-only", func(b *testing.B) {
		for b.Loop() {
			parseAll(b, files)
		}
	})
}

// parseAll reads and parses files into yaml.Node trees with one goroutine per core.
func parseAll(b *testing.B, files []string) {
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				src, err := os.ReadFile(f)
				var n yaml.Node
				if err == nil {
					err = yaml.NewDecoder(bytes.NewReader(src)).Decode(&n)
				}
				if err != nil {
					b.Error(err)
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
}
