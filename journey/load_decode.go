package journey

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decoder turns YAML nodes into the model, collecting every problem as a diagnostic rather
// than stopping at the first.
type decoder struct {
	file  string
	diags []Diagnostic
	// ids maps every id declared in the file to where it is declared.
	ids map[string]idDecl
	// refs are the references to check once every id is known.
	refs []ref
	// suggest is cleared once so many problems are found that suggestions would be wasted.
	suggest bool
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, ids: map[string]idDecl{}, suggest: true}
}

// report records a problem at n, unless n is a scalar whose tag checkTree refused, the
// cause of any problem with its value.
func (d *decoder) report(r *Rule, n *yaml.Node, format string, args ...any) {
	if badlyTagged(n) {
		return
	}
	d.diags = append(d.diags, r.diag(d.file, nodePos(n), format, args...))
}

// field is one key a mapping may hold: its name, whether it must be present, and the
// function that decodes its value.
type field struct {
	key      string
	required bool
	decode   func(v *yaml.Node)
}

// fields decodes the mapping n described as what ("touchpoint"), recording the position of
// every key's value in node. It reports unknown keys (with a close match), missing and empty
// required keys, and returns false when n is not a mapping at all.
func (d *decoder) fields(n *yaml.Node, what string, node *Node, fs []field) bool {
	n = resolve(n)
	node.Pos, node.Keys = nodePos(n), map[string]Pos{}
	if n.Kind != yaml.MappingNode {
		d.report(ruleWrongType, n, "%s: expected a mapping, found %s", what, kindName(n))
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		d.field(n.Content[i], n.Content[i+1], what, node, fs)
	}
	for _, f := range fs {
		if _, ok := node.Keys[f.key]; !ok && f.required {
			d.report(ruleRequiredKey, n, "%s is missing the required key %q", what, f.key)
		}
	}
	return true
}

// field decodes one key/value pair of a mapping. A key that is a list or a mapping (YAML's
// `? [a, b]`) is no key of the format.
func (d *decoder) field(key, v *yaml.Node, what string, node *Node, fs []field) {
	k := resolve(key)
	if k.Kind != yaml.ScalarNode {
		d.report(ruleUnknownKey, key, "unknown key in %s: expected a key name, found %s", what, kindName(k))
		return
	}
	if k.Tag == "!!merge" {
		return // reported by checkTree
	}
	if _, dup := node.Keys[k.Value]; dup {
		return // duplicate-key, reported by checkTree
	}
	for _, f := range fs {
		if f.key != k.Value {
			continue
		}
		node.Keys[f.key] = nodePos(v)
		if f.required && isEmpty(v) {
			d.report(ruleRequiredKey, v, "%s: %q needs a value", what, f.key)
			return
		}
		if f.required && isBlank(v) {
			d.report(ruleRequiredKey, v, "%s: %q needs a value; it holds only white space", what, f.key)
			return
		}
		f.decode(v)
		return
	}
	known := make([]string, len(fs))
	for i, f := range fs {
		known[i] = f.key
	}
	d.report(ruleUnknownKey, k, "unknown key %q in %s%s", k.Value, what, suggestion(k.Value, known))
}

// resolve follows aliases to the node they repeat.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// isEmpty reports a null or empty scalar, or an empty mapping; an empty list is a value
// (`next: []` says the journey may end).
func isEmpty(n *yaml.Node) bool {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		return n.Tag == "!!null" || n.Value == ""
	}
	return len(n.Content) == 0 && n.Kind != yaml.SequenceNode
}

// isBlank reports a scalar that holds only white space: a name of spaces draws nothing.
func isBlank(n *yaml.Node) bool {
	n = resolve(n)
	return n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == ""
}

// text decodes a scalar taken as written (YAML 1.2: `on`, `yes` and `012` stay text, and so
// do `!!int 5` and `!!bool true`); null is the empty text.
func (d *decoder) text(n *yaml.Node, what string) string {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		d.report(ruleWrongType, n, "%s: expected text, found %s", what, kindName(n))
		return ""
	}
	if isNull(n) {
		return ""
	}
	return n.Value
}

// texts decodes a list of text values.
func (d *decoder) texts(n *yaml.Node, what string) []string {
	out := make([]string, 0, len(resolve(n).Content))
	d.list(n, what, func(item *yaml.Node) { out = append(out, d.text(item, what)) })
	return out
}

// list calls each for every item of a sequence node.
func (d *decoder) list(n *yaml.Node, what string, each func(item *yaml.Node)) {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.report(ruleWrongType, n, "%s: expected a list, found %s", what, kindName(n))
		return
	}
	for _, item := range n.Content {
		each(item)
	}
}

// scalar returns the text of scalar n and the type a tag gives it: its explicit tag when
// the file writes one (`!!str true` is text, `!!int "1"` a number), "!!str" for a quoted or
// block scalar, and "" for a plain one, whose text decides what it is. ok is false when n
// is not a scalar.
func scalar(n *yaml.Node) (text, tag string, ok bool) {
	n = resolve(n)
	switch {
	case n.Kind != yaml.ScalarNode:
		return "", "", false
	case n.Style&yaml.TaggedStyle != 0:
		return n.Value, n.ShortTag(), true
	case n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return n.Value, strTag, true
	}
	return n.Value, "", true
}

// The core tags whose meaning the loader reads.
const (
	strTag   = "!!str"
	intTag   = "!!int"
	floatTag = "!!float"
	boolTag  = "!!bool"
	nullTag  = "!!null"
)

// isNull reports a scalar that means nothing: plain `~`, `null` or no text, or one tagged
// !!null. A quoted "null" is text.
func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n.Kind == yaml.ScalarNode && n.ShortTag() == nullTag
}

// integer decodes a whole number of the YAML 1.2 core schema (12, +1, 0o17, 0x10), plain or
// tagged !!int; ok is false (nothing reported) otherwise.
func integer(n *yaml.Node) (int, bool) {
	s, tag, ok := scalar(n)
	if !ok || (tag != "" && tag != intTag) {
		return 0, false
	}
	i, ok := parseCoreInt(s)
	if !ok || int64(int(i)) != i {
		return 0, false
	}
	return int(i), true
}

// boolean decodes true or false, the only booleans of YAML 1.2 as format 1 reads it, plain
// or tagged !!bool.
func (d *decoder) boolean(n *yaml.Node, what string) bool {
	s, tag, ok := scalar(n)
	if !ok || (tag != "" && tag != boolTag) || (s != "true" && s != "false") {
		d.report(ruleWrongType, n, "%s: expected true or false, found %s", what, describe(n))
		return false
	}
	return s == "true"
}

// number decodes a finite number of the YAML 1.2 core schema (7.5, .5, 1e3, 0x10), plain or
// tagged !!int or !!float.
func number(n *yaml.Node) (float64, bool) {
	s, tag, ok := scalar(n)
	if !ok || (tag != "" && tag != intTag && tag != floatTag) {
		return 0, false
	}
	return parseCoreNumber(s)
}

// describe quotes a scalar's text for a message, or names the node's kind. Text that is
// text by its quotes or its tag is called so, since "true" and the boolean true read alike.
func describe(n *yaml.Node) string {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return kindName(n)
	}
	if _, tag, _ := scalar(n); tag == strTag {
		return "the text " + strconv.Quote(n.Value)
	}
	return strconv.Quote(n.Value)
}
