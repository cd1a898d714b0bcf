package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

func TestColorWanted(t *testing.T) {
	tests := []struct {
		terminal bool
		noColor  string
		want     bool
	}{
		{terminal: true, noColor: "", want: true},
		{terminal: true, noColor: "1", want: false},
		{terminal: true, noColor: "false", want: false},
		{terminal: false, noColor: "", want: false},
		{terminal: false, noColor: "1", want: false},
	}
	for _, tt := range tests {
		if got := colorWanted(tt.terminal, tt.noColor); got != tt.want {
			t.Errorf("colorWanted(%v, %q) = %v, want %v", tt.terminal, tt.noColor, got, tt.want)
		}
	}
}

// TestNotATerminal checks that buffers and pipes, as in CI and redirections, are never taken
// for terminals, so no colour or progress reaches them.
func TestNotATerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]io.Writer{"buffer": &bytes.Buffer{}, "pipe": w} {
		if isTerminal(out) {
			t.Errorf("isTerminal(%s) = true", name)
		}
	}
}
