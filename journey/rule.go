package journey

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Rule is one check of `journey lint`, with a stable kebab-case id that diagnostics carry and
// users may search for. Loader rules are enforced while parsing (Check is nil); graph and
// workshop rules inspect a parsed Map.
type Rule struct {
	// ID is the stable kebab-case id printed with every diagnostic of the rule.
	ID string
	// Severity is the severity of every diagnostic of the rule.
	Severity Severity
	// Summary is a one-line description of what the rule checks.
	Summary string
	// Example is a map file that breaks the rule, shown in the documentation.
	Example string
	// Message is the message linting Example yields; a test keeps the two in step.
	Message string
	// check finds the rule's problems in a parsed map; nil for loader rules.
	check func(r *Rule, m *Map) []Diagnostic
	// source builds the example file when it is too big to show; Example then describes it.
	source func() []byte
}

// exampleSource returns the bytes of the rule's example file.
func (r *Rule) exampleSource() []byte {
	if r.source != nil {
		return r.source()
	}
	return []byte(r.Example)
}

// rules is the registry filled by the rule_*.go files.
var rules []*Rule

// registerRule adds r to the registry and returns it, so rule files can keep a handle.
func registerRule(r *Rule) *Rule {
	rules = append(rules, r)
	return r
}

// Rules returns every lint rule, sorted by id.
func Rules() []*Rule {
	out := slices.Clone(rules)
	slices.SortFunc(out, func(a, b *Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// diag builds a diagnostic of rule r at pos in file.
func (r *Rule) diag(file string, pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: pos.Line, Column: pos.Column, Severity: r.Severity,
		Rule: r.ID, Message: fmt.Sprintf(format, args...)}
}

// RulesMarkdown renders the documentation of every rule, the content of docs/rules.md.
func RulesMarkdown() []byte {
	var b bytes.Buffer
	b.WriteString("# Lint rules\n\n")
	b.WriteString("<!-- Generated from the rule registry in journey/rule_*.go; " +
		"run JOURNEY_UPDATE=1 go test ./journey/ to refresh. -->\n\n")
	b.WriteString("`journey lint` reports every problem it finds as `file:line:col: message [rule]`.\n")
	b.WriteString("Errors make a map invalid (exit 1); warnings fail only under `--strict`.\n\n")
	b.WriteString("| rule | severity | checks |\n| --- | --- | --- |\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Summary)
	}
	b.WriteString("\n" + aliasPolicyDoc)
	for _, r := range Rules() {
		writeRuleDoc(&b, r)
	}
	return b.Bytes()
}

func writeRuleDoc(b *bytes.Buffer, r *Rule) {
	fmt.Fprintf(b, "\n## %s\n\n%s: %s.\n\n", r.ID, r.Severity, r.Summary)
	switch {
	case r.source != nil:
		fmt.Fprintf(b, "%s\n\n", r.Example)
	case printable(r.Example):
		fmt.Fprintf(b, "```yaml\n%s```\n\n", r.Example)
	default:
		fmt.Fprintf(b, "A file with these bytes (Go string syntax):\n\n```\n%q\n```\n\n", r.Example)
	}
	fmt.Fprintf(b, "```\nexample.journey.yaml:%s [%s]\n```\n", r.exampleLocation(), r.ID)
}

// exampleLocation is "line:col: message" of the example's diagnostic, as lint prints it.
func (r *Rule) exampleLocation() string {
	_, ds := Check("example.journey.yaml", r.exampleSource())
	for _, d := range ds {
		if d.Rule == r.ID {
			return fmt.Sprintf("%d:%d: %s%s", d.Line, d.Column, d.Severity.Prefix(), d.Message)
		}
	}
	return "?: " + r.Severity.Prefix() + r.Message
}

// printable reports whether s can be shown verbatim in a Markdown code block.
func printable(s string) bool {
	return !strings.ContainsFunc(s, func(c rune) bool {
		return c == 0xFFFD || (c < ' ' && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) ||
			isInvisible(c)
	})
}
