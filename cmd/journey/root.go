package main

import (
	"fmt"
	"io"
	"os"

	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
)

// env is what a command may touch of the outside world. Tests build one around buffers, so
// the whole CLI runs in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// color is true when standard output is a terminal and NO_COLOR is unset.
	color bool
	// progress is true when standard error is a terminal: progress may be drawn there.
	progress bool
	// quiet is set by -q: no progress, no summaries on standard error.
	quiet bool
}

// commands holds the constructors of the subcommands; each command's file registers its own.
var commands []func(*env) *cobra.Command

// register adds a subcommand constructor; call it from an init function.
func register(newCmd func(*env) *cobra.Command) { commands = append(commands, newCmd) }

// run executes the CLI with the given arguments and streams and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	e.color = colorWanted(isTerminal(stdout), os.Getenv("NO_COLOR"))
	e.progress = isTerminal(stderr)
	root := newRootCmd(e)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	if msg := errorMessage(err); msg != "" {
		fmt.Fprintf(stderr, "journey: %s\n", msg)
	}
	return exitCode(err)
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "journey",
		Short: "Customer journey maps as code: lint, analyze and render them",
		Long: `journey keeps customer journey maps as versioned YAML files and gives them a CLI:
lint them with precise diagnostics, join them with event exports to measure conversion and
drop-off, and render them as pictures.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRun: func(*cobra.Command, []string) {
			if e.quiet {
				e.progress = false
			}
		},
	}
	root.PersistentFlags().BoolVarP(&e.quiet, "quiet", "q", false, "quiet: no progress or summaries on standard error")
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })
	for _, newCmd := range commands {
		root.AddCommand(markRun(newCmd(e)))
	}
	addCompletions(root)
	return root
}

// markRun wraps a command's RunE so that the errors it returns are told apart from cobra's
// own argument and flag errors, which are usage errors (exit 2).
func markRun(c *cobra.Command) *cobra.Command {
	if c.RunE != nil {
		inner := c.RunE
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if err := inner(cmd, args); err != nil {
				return ranError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		markRun(sub)
	}
	return c
}

// colorWanted reports whether output may be coloured: only on a terminal, and never when
// NO_COLOR is set to anything (https://no-color.org).
func colorWanted(terminal bool, noColor string) bool { return terminal && noColor == "" }

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// printOptions are the output options of a command writing in language l (nil: English):
// colour only when standard output is a terminal and NO_COLOR is unset.
func (e *env) printOptions(l *lang.Language) output.Options {
	return output.Options{Lang: l, Color: e.color}
}
