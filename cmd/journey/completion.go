package main

import (
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/spf13/cobra"
)

// completeFormats completes a command's --format with the names of its printers.
func completeFormats(cmd *cobra.Command, names []string) {
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
}

// flagCompletions complete the flags, by name, wherever a command has one: --lang with the
// languages, and the flags that name a touchpoint of the command's map (journey whatif's
// --improve T=F and --skip T).
var flagCompletions = map[string]cobra.CompletionFunc{
	"lang":    cobra.FixedCompletions(lang.Tags(), cobra.ShellCompDirectiveNoFileComp),
	"improve": touchpointCompletion("="),
	"skip":    completeTouchpointIDs,
}

// completeTouchpointIDs completes a flag that takes a touchpoint id of the map given as the
// command's first argument.
var completeTouchpointIDs = touchpointCompletion("")

// completionExample is the example of journey completion's help, as every command's help
// has one.
const completionExample = `  journey completion bash > /etc/bash_completion.d/journey   # for every new shell
  source <(journey completion bash)                           # for this shell only
  journey completion zsh --help                               # where zsh wants the script`

// addCompletions registers flagCompletions on every command that has such a flag, and gives
// cobra's completion command its example.
func addCompletions(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Example = completionExample
	}
	for _, c := range root.Commands() {
		for name, complete := range flagCompletions {
			if c.Flags().Lookup(name) != nil {
				_ = c.RegisterFlagCompletionFunc(name, complete)
			}
		}
	}
}

// touchpointCompletion returns the completion of a flag that takes a touchpoint id followed
// by suffix ("=" for T=F, then no space is added): the ids of the touchpoints of the map
// that is the command's first argument, each with its name, that start with what is typed,
// but the goals, which no change can take. Without a readable map there is nothing to
// offer, and no file names either.
func touchpointCompletion(suffix string) cobra.CompletionFunc {
	directive := cobra.ShellCompDirectiveNoFileComp
	if suffix != "" {
		directive |= cobra.ShellCompDirectiveNoSpace
	}
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return nil, directive
		}
		src, err := journey.ReadSource(args[0])
		if err != nil {
			return nil, directive
		}
		m, _ := journey.Parse(args[0], src)
		if m == nil {
			return nil, directive
		}
		var out []cobra.Completion
		for _, t := range m.Touchpoints() {
			if t.ID != "" && !t.Goal && strings.HasPrefix(t.ID, toComplete) {
				out = append(out, cobra.CompletionWithDesc(t.ID+suffix, t.Name))
			}
		}
		return out, directive
	}
}
