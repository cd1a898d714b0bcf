package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(stopping{m}, map[string]func(){
		"journey": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// stopping runs the tests, then stops the servers they started.
type stopping struct{ m *testing.M }

func (s stopping) Run() int {
	code := s.m.Run()
	for _, stop := range stopAtExit {
		stop()
	}
	return code
}

// TestScripts runs the CLI's behaviour specs in testdata/script. JOURNEY_UPDATE=1 rewrites
// the expected outputs of failing cmp commands.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       os.Getenv("JOURNEY_UPDATE") == "1",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			// $EXAMPLES reaches the committed examples, for files a script cannot hold (Parquet).
			examples, err := filepath.Abs("../../examples")
			e.Setenv("EXAMPLES", examples)
			return err
		},
	})
}
