package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"
)

// TestTouchpointCompletion completes the flags that name a touchpoint, on a command shaped
// like journey whatif (MAP, then --improve T=F and --skip T).
func TestTouchpointCompletion(t *testing.T) {
	dir := t.TempDir()
	mapPath := filepath.Join(dir, "shop.journey.yaml")
	src := "version: 1\nid: shop\ntitle: Shop\nstages: [{id: s, name: S, touchpoints: [{id: home, name: Home}, " +
		"{id: help, name: Help desk}, {id: order, name: Order, goal: true}]}]\n"
	if err := os.WriteFile(mapPath, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	root := &cobra.Command{Use: "journey"}
	whatif := &cobra.Command{Use: "whatif", RunE: func(*cobra.Command, []string) error { return nil }}
	whatif.Flags().StringArray("improve", nil, "")
	whatif.Flags().StringArray("skip", nil, "")
	root.AddCommand(whatif)
	addCompletions(root)
	tests := []struct {
		flag, typed string
		want        []string
		directive   cobra.ShellCompDirective
	}{
		{"skip", "h", []string{"home\tHome", "help\tHelp desk"}, cobra.ShellCompDirectiveNoFileComp},
		{"skip", "", []string{"home\tHome", "help\tHelp desk"}, cobra.ShellCompDirectiveNoFileComp},
		{"improve", "he", []string{"help=\tHelp desk"}, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace},
		{"improve", "o", nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace},
	}
	for _, tt := range tests {
		complete, ok := whatif.GetFlagCompletionFunc(tt.flag)
		if !ok {
			t.Fatalf("--%s has no completion", tt.flag)
		}
		got, directive := complete(whatif, []string{mapPath}, tt.typed)
		if diff := cmp.Diff(tt.want, got); diff != "" || directive != tt.directive {
			t.Errorf("--%s %q: directive %d, completions (-want +got):\n%s", tt.flag, tt.typed, directive, diff)
		}
	}
	if got, _ := completeTouchpointIDs(whatif, []string{filepath.Join(dir, "none.journey.yaml")}, ""); len(got) != 0 {
		t.Errorf("a map that cannot be read completes %q", got)
	}
}

// TestEveryFormatCompletes fails when a command with --format does not complete it.
func TestEveryFormatCompletes(t *testing.T) {
	root := newRootCmd(&env{})
	for _, c := range root.Commands() {
		if c.Flags().Lookup("format") == nil {
			continue
		}
		if _, ok := c.GetFlagCompletionFunc("format"); !ok {
			t.Errorf("journey %s --format does not complete: call completeFormats with its formats", c.Name())
		}
	}
}
