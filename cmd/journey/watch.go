package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// pollEvery is how often a watch looks at its files: often enough that a saved file shows
// within a second, seldom enough to cost nothing.
const pollEvery = 300 * time.Millisecond

// watchFiles calls changed at once, then again whenever one of paths changes (its size or
// modification time, or whether it exists), until ctx ends. Files are compared every
// pollEvery, so a change made while changed runs is seen at the next look. It is the one
// watcher of render --watch and serve.
func watchFiles(ctx context.Context, paths []string, changed func()) {
	var last string
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		if state := filesState(paths); state != last {
			last = state
			changed()
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// filesState summarises the size and modification time of every file, so that a change to
// any of them changes the summary.
func filesState(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", p, fi.Size(), fi.ModTime().UnixNano())
		} else {
			fmt.Fprintf(&b, "%s missing\n", p)
		}
	}
	return b.String()
}
