package main

import (
	"github.com/journey-cx/journey/journey/schema"
	"github.com/spf13/cobra"
)

func init() { register(newSchemaCmd) }

func newSchemaCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the map format, for editors",
		Long: `schema prints the JSON Schema (draft 2020-12) of the journey map format on standard output.
Editors use it to complete keys and to flag mistakes while a map is being typed: unknown keys,
emotions outside -2..2, ids that are not kebab-case, malformed durations, unknown KPI metrics
and funnel orders. journey lint stays the authority; the schema helps before it runs.

The schema's $id is ` + schema.ID + `.
Editors with the YAML language server (VS Code's YAML extension, Neovim, Helix...) pick it up
from a first line in the map:

  ` + schema.ModelineComment() + `

or from a saved copy, named by a relative path:

  # yaml-language-server: $schema=./journey.schema.json`,
		Example: `  journey schema > journey.schema.json
  journey schema | jq '.["$defs"].touchpoint.properties | keys'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := e.stdout.Write(schema.JSON())
			return err
		},
	}
}
