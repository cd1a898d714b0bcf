package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// mapArgs accepts the arguments of a command that takes a map first and at most most
// arguments in all (no bound when most < 0). Otherwise it says what is missing or extra and
// shows the command's usage line, where cobra would only count the arguments.
func mapArgs(most int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return fmt.Errorf("missing MAP; usage: %s %s", cmd.Root().Name(), cmd.Use)
		case most >= 0 && len(args) > most:
			return fmt.Errorf("unexpected argument %q; usage: %s %s", args[most], cmd.Root().Name(), cmd.Use)
		}
		return nil
	}
}

// eventFiles returns the event files of command name, run as MAP --events FILE...: those
// --events gives and, when it is given, the arguments after the map, which is how a shell
// hands on a glob after --events (--events data/*.csv). Without --events an argument after
// the map is wrong usage.
func eventFiles(name string, args, events []string) ([]string, error) {
	if len(args) > 1 && len(events) == 0 {
		return nil, usageError{fmt.Errorf("unexpected argument %q: %s takes one map; event files go after --events", args[1], name)}
	}
	return append(events, args[1:]...), nil
}
