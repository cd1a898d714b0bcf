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
