package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/starter"
	"github.com/spf13/cobra"
)

func init() { register(newInitCmd) }

type initOptions struct {
	dir   string
	name  string
	force bool
	lang  string
}

func newInitCmd(e *env) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a starter map and event file",
		Long: `init writes a small, complete journey map and an event file that maps onto it into DIR
(default: the current directory; created when missing), so that lint, analyze and render
work at once. The map's comments explain every key; edit it into your own journey.

The map is DIR/NAME.journey.yaml, NAME being --name or else DIR's name made kebab-case; its
first line ties it to the JSON Schema for editors. The event file is DIR/events.csv.
Existing files are never overwritten unless --force is given.

--lang writes the starter map in that language (its names, texts and comments), sets its
language: (the language of its picture and tables) and is the language init speaks in.`,
		Example: `  journey init                     # in the current directory
  journey init onboarding          # creates onboarding/onboarding.journey.yaml
  journey init maps --name checkout
  journey init . --force           # start over
  journey init workshop --lang nl  # a map in Dutch, whose picture and tables are in Dutch`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return initRun(e, opts)
		},
	}
	cmd.Flags().StringVar(&opts.name, "name", "", "map id and file name (kebab-case); default: DIR's name")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite existing files")
	addLangFlag(cmd.Flags(), &opts.lang)
	cmd.Flags().Lookup("lang").Usage = "the starter map's language (its language: key, the language of its picture and tables): " +
		strings.Join(lang.Tags(), ", ") + " (default " + lang.Default + ")"
	return cmd
}

func initRun(e *env, opts *initOptions) error {
	id, err := initID(opts)
	if err != nil {
		return usageError{err}
	}
	l, err := chooseLang(opts.lang, nil)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(opts.dir); err == nil && !fi.IsDir() {
		return usageError{fmt.Errorf("%s is a file; init writes a new map and its events into a folder: name one", opts.dir)}
	}
	mapPath := filepath.Join(opts.dir, id+".journey.yaml")
	eventsPath := filepath.Join(opts.dir, "events.csv")
	if !opts.force {
		if err := initRefuseExisting(mapPath, eventsPath); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(opts.dir, 0o755); err != nil {
		return err
	}
	if err := journey.WriteFileAtomic(mapPath, starter.Map(id, l.Tag), 0o644); err != nil {
		return err
	}
	if err := journey.WriteFileAtomic(eventsPath, starter.Events(), 0o644); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, `%s
%s

%s
  journey lint %s
  journey analyze %s --events %s
  journey render %s
`, fmt.Sprintf(l.WroteF, mapPath), fmt.Sprintf(l.WroteF, eventsPath), l.NextSteps,
		initQuote(mapPath), initQuote(mapPath), initQuote(eventsPath), initQuote(mapPath))
	return err
}

// initQuote quotes a path for a POSIX shell when it holds anything but safe characters, so
// that the commands init suggests can be pasted as they are.
func initQuote(path string) string {
	unsafe := func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r))
	}
	if path != "" && !strings.ContainsFunc(path, unsafe) {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}

// initID returns the map id: --name, which must be kebab-case, or DIR's name made so.
func initID(opts *initOptions) (string, error) {
	if opts.name != "" {
		if starter.ID(opts.name) != opts.name {
			return "", fmt.Errorf("--name %q is not kebab-case; did you mean %q?", opts.name, starter.ID(opts.name))
		}
		return opts.name, nil
	}
	abs, err := filepath.Abs(opts.dir)
	if err != nil {
		return "", err
	}
	return starter.ID(filepath.Base(abs)), nil
}

// initRefuseExisting fails when any of paths exists: init never overwrites without --force.
func initRefuseExisting(paths ...string) error {
	for _, p := range paths {
		_, err := os.Lstat(p)
		switch {
		case err == nil:
			return problemsError{fmt.Errorf("%s already exists; use --force to overwrite it", p)}
		case !errors.Is(err, fs.ErrNotExist):
			return err
		}
	}
	return nil
}
