package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes pins the exit code of every kind of outcome, for every command.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{name: "help", args: []string{"--help"}, want: exitOK},
		{name: "version", args: []string{"version"}, want: exitOK},
		{name: "unknown command", args: []string{"frobnicate"}, want: exitUsage},
		{name: "unknown flag", args: []string{"--nope"}, want: exitUsage},
		{name: "version takes no argument", args: []string{"version", "x"}, want: exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			var stdout, stderr bytes.Buffer
			if got := run(args, strings.NewReader(""), &stdout, &stderr); got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, got, tt.want, stdout.String(), stderr.String())
			}
		})
	}
}
