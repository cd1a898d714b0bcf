package journey

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// coreTags are the explicit tags format 1 accepts, those of the YAML 1.2 core schema, and
// what a node so tagged must be: its kind, and for a scalar the text the core schema
// allows (nil: any text). A tagged node takes its tag's type: `!!str true` is text,
// `!!int "1"` the number 1.
var coreTags = map[string]tagRule{
	strTag:   {yaml.ScalarNode, nil, "text"},
	intTag:   {yaml.ScalarNode, coreInt, "an integer"},
	floatTag: {yaml.ScalarNode, coreFloat, "a number"},
	boolTag:  {yaml.ScalarNode, regexp.MustCompile(`^(?:true|True|TRUE|false|False|FALSE)$`), "true or false"},
	nullTag:  {yaml.ScalarNode, regexp.MustCompile(`^(?:~|null|Null|NULL|)$`), "nothing (null or ~)"},
	"!!seq":  {yaml.SequenceNode, nil, "a list"},
	"!!map":  {yaml.MappingNode, nil, "a mapping"},
}

// The numbers of the YAML 1.2 core schema, the one place that says how a map writes a
// number: integers in decimal with an optional sign, octal (0o17) or hexadecimal (0x10), and
// floats, infinities and not-a-number included.
var (
	coreInt   = regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`)
	coreFloat = regexp.MustCompile(`^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
)

// parseCoreInt reads text the core schema takes for an integer: 010 is ten, 0o10 eight and
// 0x10 sixteen. ok is false for any other text and for integers beyond int64.
func parseCoreInt(s string) (int64, bool) {
	if !coreInt.MatchString(s) {
		return 0, false
	}
	base, digits := 10, s
	switch {
	case strings.HasPrefix(s, "0o"):
		base, digits = 8, s[2:]
	case strings.HasPrefix(s, "0x"):
		base, digits = 16, s[2:]
	}
	i, err := strconv.ParseInt(digits, base, 64)
	return i, err == nil
}

// parseCoreNumber reads text the core schema takes for a number, an integer or a float,
// as a finite float64 of magnitude at most 1e300.
func parseCoreNumber(s string) (float64, bool) {
	if i, ok := parseCoreInt(s); ok {
		return float64(i), true
	}
	if !coreFloat.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return 0, false
	}
	return f, true
}

// tagRule is what a core tag requires of the node it tags.
type tagRule struct {
	kind     yaml.Kind
	text     *regexp.Regexp
	expected string
}

// tagProblem returns the rule and the message for an explicit tag that n may not carry: a
// tag outside the core schema, or a core tag on a node that is not of its type (`!!int abc`,
// `!!seq x`). It returns nil for an untagged node or a fitting tag.
func tagProblem(n *yaml.Node) (*Rule, string) {
	if n.Style&yaml.TaggedStyle == 0 {
		return nil, ""
	}
	tr, core := coreTags[n.ShortTag()]
	switch {
	case !core:
		return ruleUnsupportedYAML, "tag " + strconv.Quote(n.Tag) + " is not supported; format 1 allows only the YAML core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)"
	case n.Kind != tr.kind:
		return ruleWrongType, "tag " + n.ShortTag() + ": expected " + tr.expected + ", found " + kindName(n)
	case tr.text != nil && !tr.text.MatchString(n.Value):
		return ruleWrongType, "tag " + n.ShortTag() + ": expected " + tr.expected + ", found " + strconv.Quote(n.Value) + "; fix the value or remove the tag"
	}
	return nil, ""
}

// badlyTagged reports a scalar whose explicit tag checkTree refused: whatever else is wrong
// with its value follows from the tag, and is not reported a second time.
func badlyTagged(n *yaml.Node) bool {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		return false
	}
	r, _ := tagProblem(n)
	return r != nil
}
