package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func init() { register(newVersionCmd) }

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version of journey and the map format versions it reads",
		Example: `  journey version          # journey (devel) (map format 1), built from a clone`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v := "(devel)"
			if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
				v = info.Main.Version
			}
			_, err := fmt.Fprintf(e.stdout, "journey %s (map format 1)\n", v)
			return err
		},
	}
}
