package journey

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
)

// TestRuleExamples lints every rule's documented example: it must yield exactly the
// documented message, and nothing else.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			_, ds := Check("example.journey.yaml", r.exampleSource())
			var own []Diagnostic
			for _, d := range ds {
				if d.Rule == r.ID {
					own = append(own, d)
				}
			}
			// Only the too-many-problems example needs other problems to exist.
			alone := len(ds) == 1 || r == ruleTooManyProblems
			if !alone || len(own) != 1 || own[0].Message != r.Message || own[0].Severity != r.Severity {
				t.Errorf("linting the example of %s gave:\n%s\nwant one diagnostic [%s] %q", r.ID, diagLines(ds), r.ID, r.Message)
			}
		})
	}
}

// TestRuleRegistry checks the ids, summaries and messages of the registry.
func TestRuleRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !kebab.MatchString(r.ID) || seen[r.ID] {
			t.Errorf("rule id %q is not kebab-case or is used twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Example == "" || !lowerStart.MatchString(r.Message) {
			t.Errorf("rule %s: needs a summary, an example and a lower-case message", r.ID)
		}
	}
}

var lowerStart = regexp.MustCompile(`^[a-z]`)

// TestRulesDoc keeps docs/rules.md generated from the registry; JOURNEY_UPDATE=1 rewrites it.
func TestRulesDoc(t *testing.T) {
	golden.Check(t, "../docs/rules.md", RulesMarkdown())
}

func diagLines(ds []Diagnostic) string {
	var b bytes.Buffer
	for _, d := range ds {
		b.WriteString("  " + d.Error() + " (" + d.Severity.String() + ")\n")
	}
	return b.String()
}
