package main

import (
	"io"
	"strings"
	"testing"
)

// decisionsMap and decisionsEvents are a small map and its events for the exit-code rows
// of attribute, whatif and compare: a visit, an order (the goal), and a variant column.
const (
	decisionsMap = "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n" +
		"      - {id: visit, name: Visit, events: [{event: view}]}\n" +
		"      - {id: order, name: Order, goal: true, events: [{event: buy}]}\n"
	decisionsEvents = "user_id,timestamp,event,variant,amount\n" +
		"u1,2024-01-02T10:00:00Z,view,a,\nu1,2024-01-02T10:05:00Z,buy,a,10\n" +
		"u2,2024-02-02T10:00:00Z,view,b,\n"
)

// decisionFiles are the files of the exit-code rows.
var decisionFiles = map[string]string{"m.journey.yaml": decisionsMap, "e.csv": decisionsEvents}

// TestDecisionExamples runs every example of the help of attribute, whatif and compare
// from the repository's root, as a reader of the help would: each must succeed on the
// bundled maps.
func TestDecisionExamples(t *testing.T) {
	root := newRootCmd(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard})
	t.Chdir("../..")
	for _, name := range []string{"attribute", "whatif", "compare"} {
		cmd, _, err := root.Find([]string{name})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for line := range strings.Lines(cmd.Example) {
			args := strings.Fields(line)
			if len(args) < 2 || args[0] != "journey" {
				continue
			}
			n++
			runOK(t, args[1:]...)
		}
		if n < 3 {
			t.Errorf("%s has %d examples, want at least 3", name, n)
		}
	}
}
