package journey

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// kebab is the shape of every id: ASCII lower-case words joined by single hyphens.
var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// idDecl records what declared an id and where.
type idDecl struct {
	kind string
	line int
}

// refKind says what a reference may name.
type refKind int

const (
	refNext refKind = iota // a touchpoint
	refStep                // a touchpoint or a stage
)

// ref is a reference to check once every id of the file is known.
type ref struct {
	id   string
	node *yaml.Node
	kind refKind
}

// mapID decodes the map's own id, which must be kebab-case but is not in the element
// namespace.
func (d *decoder) mapID(n *yaml.Node) string {
	id := d.text(n, "id")
	d.checkKebab(n, id, "id")
	return id
}

// declare decodes the id of a stage, touchpoint or funnel and claims it in the file's one
// namespace.
func (d *decoder) declare(n *yaml.Node, kind string) string {
	id := d.text(n, "id")
	if !d.checkKebab(n, id, "id") {
		return id
	}
	if prev, dup := d.ids[id]; dup {
		d.report(ruleDuplicateID, n, "id %q is already used by the %s at line %d; ids are unique across stages, touchpoints and funnels", id, prev.kind, prev.line)
		return id
	}
	d.ids[id] = idDecl{kind: kind, line: resolve(n).Line}
	return id
}

// checkKebab reports an id that is not kebab-case, suggesting one that is.
func (d *decoder) checkKebab(n *yaml.Node, id, what string) bool {
	if id == "" || kebab.MatchString(id) {
		return id != ""
	}
	msg := "%s %q is not kebab-case; expected lower-case ASCII letters and digits joined by single hyphens"
	if s := KebabCase(id); s != "" {
		msg += ", like " + strconv.Quote(s)
	}
	d.report(ruleInvalidID, n, msg, what, id)
	return false
}

// KebabCase turns text into the closest kebab-case id: lower-case ASCII letters and
// digits, every run of other characters a single hyphen, none at either end. Letters
// beyond ASCII are spelled in ASCII first (Oriëntatie is orientatie, Straße strasse). It
// returns "" when nothing usable is left.
func KebabCase(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue // an accent, taken apart from its letter
		}
		spelled, ok := asciiLetters[r]
		if !ok && isASCIIAlnum(r) {
			spelled, ok = string(r), true
		}
		if !ok {
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(spelled)
		hyphen = false
	}
	return b.String()
}

// asciiLetters spells in ASCII the lower-case letters that compatibility decomposition does
// not turn into an ASCII letter and accents.
var asciiLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng",
}

func isASCIIAlnum(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') }

// refList decodes a list of ids and queues each for checking.
func (d *decoder) refList(n *yaml.Node, what string, kind refKind) []string {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.report(ruleWrongType, n, "%s: expected a list of ids like [a, b], found %s", what, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		id := d.text(item, what)
		out = append(out, id)
		d.refs = append(d.refs, ref{id: id, node: resolve(item), kind: kind})
	}
	return out
}

// checkRefs reports every queued reference that names no element of the right kind.
func (d *decoder) checkRefs() {
	for _, r := range d.refs {
		if len(d.diags) >= MaxDiagnostics {
			d.suggest = false // they would not be shown; spare the edit distances
		}
		decl, ok := d.ids[r.id]
		switch {
		case r.kind == refNext && ok && decl.kind != "touchpoint":
			d.report(ruleUnknownRef, r.node, "next: %q is a %s; next lists touchpoint ids", r.id, decl.kind)
		case r.kind == refStep && ok && decl.kind == "funnel":
			d.report(ruleUnknownRef, r.node, "steps: %q is a funnel; steps are touchpoint or stage ids", r.id)
		case !ok && r.kind == refNext:
			d.report(ruleUnknownRef, r.node, "next: no touchpoint has the id %q%s", r.id, d.didYouMean(r.id, "touchpoint"))
		case !ok:
			d.report(ruleUnknownRef, r.node, "steps: no touchpoint or stage has the id %q%s", r.id, d.didYouMean(r.id, "touchpoint", "stage"))
		}
	}
}

// didYouMean returns "; did you mean ...?" naming the declared id of one of kinds closest
// to id, or "".
func (d *decoder) didYouMean(id string, kinds ...string) string {
	if !d.suggest {
		return ""
	}
	var candidates []string
	for c, decl := range d.ids {
		if slices.Contains(kinds, decl.kind) {
			candidates = append(candidates, c)
		}
	}
	slices.Sort(candidates)
	return suggestion(id, candidates)
}
