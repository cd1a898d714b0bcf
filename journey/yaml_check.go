package journey

import (
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// AliasBudget is how many nodes aliases may add to a map file in total, counting every
// alias as the full size of the node it repeats (aliases inside that node included).
//
// The policy: anchors and aliases are allowed, so a map can reuse an event matcher or a
// list, but the file expanded must stay within its own size plus AliasBudget nodes. Sizes
// are computed once per anchor, so checking costs time linear in the file, and a
// "billion laughs" alias bomb is refused (naming the line of the alias that passes the
// budget) before anything expands it. An alias to a node that contains it is refused too.
const AliasBudget = 100_000

// aliasPolicyDoc explains the alias policy in docs/rules.md.
const aliasPolicyDoc = "Anchors and aliases are allowed, so a map can reuse an event matcher or a list, " +
	"but aliases may add at most 100,000 nodes to a file in total (each alias counts the full size of what it repeats); " +
	"a file passing that budget (an alias bomb) is refused with an `alias-budget` error naming the line of the alias. " +
	"Merge keys (`<<`) and tags other than the YAML 1.2 core ones are not part of format 1; " +
	"a value with a core tag has the tag's type (`!!str true` is text) and must fit it (`!!int one` is a `wrong-type` error).\n"

// sizeCap bounds computed sizes so that sums of huge expansions cannot overflow.
const sizeCap = 1 << 40

// treeChecker walks the whole YAML tree once, checking what yaml.v3 accepts but format 1
// does not: duplicate keys, merge keys, non-core tags and core tags on values not of their
// type, alias bombs, characters and lengths of text, depth.
type treeChecker struct {
	file     string
	src      []byte
	lines    [][]byte // of src, split when a block text holds an invisible character
	diags    []Diagnostic
	sizes    map[*yaml.Node]int
	visiting map[*yaml.Node]bool
	budget   int
	fatal    bool
}

// checkTree checks doc, parsed from src, and reports whether the problems found make the
// file unusable.
func checkTree(file string, src []byte, doc *yaml.Node) ([]Diagnostic, bool) {
	c := &treeChecker{file: file, src: src, sizes: map[*yaml.Node]int{}, visiting: map[*yaml.Node]bool{}, budget: AliasBudget}
	c.walk(doc, 0)
	return c.diags, c.fatal
}

func (c *treeChecker) report(r *Rule, n *yaml.Node, format string, args ...any) {
	c.diags = append(c.diags, r.diag(c.file, nodePos(n), format, args...))
}

func (c *treeChecker) walk(n *yaml.Node, depth int) {
	if c.fatal {
		return
	}
	if depth > MaxDepth {
		c.report(ruleYAMLSyntax, n, "collections are nested more than %d levels deep", MaxDepth)
		c.fatal = true
		return
	}
	c.checkTag(n)
	switch n.Kind {
	case yaml.ScalarNode:
		c.checkText(n)
	case yaml.AliasNode:
		c.checkAlias(n)
	case yaml.MappingNode:
		c.checkKeys(n)
	}
	for _, child := range n.Content {
		c.walk(child, depth+1)
	}
}

// checkTag reports an explicit tag outside the core schema, or one its node does not fit.
func (c *treeChecker) checkTag(n *yaml.Node) {
	if r, msg := tagProblem(n); r != nil {
		c.report(r, n, "%s", msg)
	}
}

// checkKeys reports merge keys and duplicate keys of a mapping, in time linear in its size.
func (c *treeChecker) checkKeys(n *yaml.Node) {
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			c.report(ruleUnsupportedYAML, k, "merge keys (<<) are not supported in format 1; write the keys out or alias the whole value")
			continue
		}
		if line, dup := seen[k.Value]; dup {
			c.report(ruleDuplicateKey, k, "key %q is already defined at line %d", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
	}
}

// checkText reports control characters, invisible characters and overlong text.
func (c *treeChecker) checkText(n *yaml.Node) {
	if r, ok := firstRune(n.Value, isControl); ok {
		c.report(ruleControlCharacter, n, "text holds the control character %U; remove it", r)
	}
	c.checkInvisible(n)
	if l := utf8.RuneCountInString(n.Value); l > MaxTextLength {
		c.report(ruleTextTooLong, n, "text is %d characters long; expected at most %d", l, MaxTextLength)
	}
}

// checkAlias charges the alias's expanded size to the budget.
func (c *treeChecker) checkAlias(n *yaml.Node) {
	size := c.size(n.Alias)
	if c.fatal {
		c.report(ruleAliasBudget, n, "alias *%s repeats a node that contains it", n.Value)
		return
	}
	c.budget -= size
	if c.budget < 0 {
		c.report(ruleAliasBudget, n, "aliases expand the file by more than %d nodes (an alias bomb?); repeat less", AliasBudget)
		c.fatal = true
	}
}

// size returns the number of nodes n stands for with every alias expanded, memoised per
// anchored node; it sets fatal on an alias cycle.
func (c *treeChecker) size(n *yaml.Node) int {
	if n.Kind == yaml.AliasNode {
		return c.size(n.Alias)
	}
	if s, ok := c.sizes[n]; ok {
		return s
	}
	if c.visiting[n] {
		c.fatal = true
		return 0
	}
	c.visiting[n] = true
	total := 1
	for _, child := range n.Content {
		total = min(total+c.size(child), sizeCap)
	}
	delete(c.visiting, n)
	if n.Anchor != "" {
		c.sizes[n] = total
	}
	return total
}

// firstRune returns the first rune of s for which match holds.
func firstRune(s string, match func(rune) bool) (rune, bool) {
	for _, r := range s {
		if match(r) {
			return r, true
		}
	}
	return 0, false
}

// JoinsEmoji reports whether text[i] is a zero-width joiner inside an emoji sequence, as in
// 👩‍🌾 or 🏳️‍🌈: between a pictograph (with its variation selector or skin tone, if any) and
// another. Such a joiner is part of what the text shows, not hidden in it.
func JoinsEmoji(text []rune, i int) bool {
	if text[i] != 0x200D || i == 0 || i == len(text)-1 {
		return false
	}
	prev := text[i-1]
	return (unicode.Is(unicode.So, prev) || prev == 0xFE0F || prev >= 0x1F3FB && prev <= 0x1F3FF) && unicode.Is(unicode.So, text[i+1])
}

// isControl reports the characters text may not hold: C0 and C1 controls other than tab
// and newline, and the non-characters U+FFFE and U+FFFF.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF
}

// HidesText reports whether text[i] is an invisible character that can hide what text says
// (see isInvisible), and not the joiner of an emoji sequence (see JoinsEmoji).
func HidesText(text []rune, i int) bool { return isInvisible(text[i]) && !JoinsEmoji(text, i) }

// isInvisible reports bidirectional controls and zero-width characters, which are legal
// but can hide what text says (as in "Trojan Source" attacks).
func isInvisible(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r >= 0x200B && r <= 0x200F:
		return true
	}
	return r == 0x061C || r == 0x2060 || r == 0xFEFF
}
