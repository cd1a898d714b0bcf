package journey

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// minimal is a clean map the hygiene cases below break one way or another.
const minimal = `version: 1
id: shop
title: Shop
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home
        goal: true
`

// withTouchpointKeys returns minimal with extra lines added to its touchpoint.
func withTouchpointKeys(lines string) string { return minimal + lines }

func TestParseProblems(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range minimal {
		utf16 = append(utf16, byte(c), 0)
	}
	tests := []struct {
		name string
		src  string
		want string // "line:col rule message-substring"
	}{
		{"empty file", "", "1:1 not-a-map file holds no map"},
		{"comments only", "# nothing yet\n\n", "1:1 not-a-map file holds no map"},
		{"top-level list", "- a\n- b\n", "1:1 not-a-map file holds a list"},
		{"top-level scalar", "hello\n", "1:1 not-a-map file holds text"},
		{"utf-16 with bom", string(utf16), "1:1 encoding save it as UTF-8"},
		{"utf-16 without bom", string(utf16[2:]), "1:1 encoding save it as UTF-8"},
		{"nul byte", "version: 1\nid: a\x00b\n", "2:6 encoding NUL byte"},
		{"invalid utf-8", "version: 1\ntitle: caf\xe9\n", "2:11 encoding invalid UTF-8 byte 0xE9"},
		{"raw control character", "version: 1\ntitle: a\x07b\n", "2:9 control-character U+0007"},
		{"escaped control character", withTouchpointKeys("        description: \"a\\x1bb\"\n"), "11:22 control-character U+001B"},
		{"c1 control character", withTouchpointKeys("        description: \"a\\x85b\"\n"), "11:22 control-character U+0085"},
		{"bidi control", withTouchpointKeys("        description: \"a\u202eb\"\n"), "11:22 invisible-character U+202E"},
		{"text too long", withTouchpointKeys("        description: " + strings.Repeat("é", MaxTextLength+1) + "\n"), "11:22 text-too-long 10001 characters"},
		{"file too large", minimal + "#" + strings.Repeat("x", MaxFileSize), "1:1 file-too-large larger than 10 MB"},
		{"tab in indentation", strings.Replace(minimal, "        goal", "\tgoal", 1), "10:1 yaml-syntax tab character in indentation"},
		{"tab on a line of its own after a blank line", strings.Replace(minimal, "        goal", "\n\t\n        goal", 1),
			"11:1 yaml-syntax tab character in indentation"},
		{"tab at the end after a blank line", minimal + "\n\t\n", "12:1 yaml-syntax tab character in indentation"},
		{"tab first in a block text", withTouchpointKeys("        description: |\n          \tindented\n"),
			"12:11 yaml-syntax write its indentation after the | or >: |2"},
		{"tab first in a list item's block text", withTouchpointKeys("        pains:\n          - |\n            \tx\n"),
			"13:13 yaml-syntax write its indentation after the | or >: |2"},
		{"tab first in a block text after a valid one", withTouchpointKeys(
			"        pains:\n          - |2\n            \tx\n          - d: >-\n              \ty\n"),
			"15:15 yaml-syntax after the | or >: |2"},
		{"syntax error", "version: 1\nid: shop\n  title: x\n", "3:3 yaml-syntax invalid YAML: mapping values are not allowed"},
		{"a key among list items", minimal + "funnels:\n  - id: f\n    steps: [home]\n\n  # a comment\n  stray: 1\n",
			"16:3 yaml-syntax expected a list item (- ...) here, as in the list that starts at line 12"},
		{"a list item among keys", minimal + "    - id: x\n", "11:5 yaml-syntax expected a key (name: value) here, as in the mapping that starts at line 5"},
		{"a key indented between", strings.Replace(minimal, "    name: Visit", "    name: Visit\n   note: x", 1),
			"7:4 yaml-syntax indented less than the keys of the list item above it and more than the list's dashes (line 5)"},
		{"unclosed flow list", "version: 1\nid: shop\ntitle: [Shop\nstages: []\n", "3:8 yaml-syntax did not find expected ',' or ']' in the collection that starts here"},
		{"unclosed flow list after a closed one", "version: 1\nid: shop\ntitle: Shop\nstages: [{id: a}, [b\n",
			"4:19 yaml-syntax did not find expected ',' or ']' in the collection that starts here"},
		{"unclosed flow mapping", "version: 1\nid: shop\ntitle: Shop\nstages: [{id: a, name: '[x]' # a [\n",
			"4:10 yaml-syntax did not find expected ',' or '}' in the collection that starts here"},
		{"unclosed double quote", "version: 1\nid: shop\ntitle: \"Shop \\\" here\nstages: []\n",
			"3:8 yaml-syntax the quoted text that starts here is never closed"},
		{"unclosed single quote", "version: 1\nid: shop\ntitle: 'Shop''s\nstages: []\n",
			"3:8 yaml-syntax the quoted text that starts here is never closed"},
		{"bad sequence indentation", "version: 1\nstages:\n  - id: a\n   name: b\n", "4:4 yaml-syntax indented less than the keys of the list item above it"},
		{"unknown anchor", "version: 1\nid: *nope\n", "2:5 yaml-syntax alias *nope names no anchor"},
		{"second document", minimal + "---\nversion: 1\n", "11:1 yaml-syntax a second YAML document"},
		{"deep flow nesting", "version: 1\nid: " + strings.Repeat("[", 200) + "\n", "2:" + "68 yaml-syntax nested more than 64 levels"},
		{"deep block nesting", "version: 1\nid:\n" + strings.Repeat("- ", 100) + "x\n", "3:" + "127 yaml-syntax nested more than 64 levels"},
		{"merge key", "version: 1\nbase: &b {id: shop}\n<<: *b\n", "3:1 unsupported-yaml merge keys"},
		{"custom tag", withTouchpointKeys("        description: !md '*x*'\n"), "11:22 unsupported-yaml tag \"!md\""},
		{"binary tag", withTouchpointKeys("        description: !!binary aGk=\n"), "11:22 unsupported-yaml tag \"!!binary\""},
		{"duplicate key", withTouchpointKeys("        name: Again\n"), "11:9 duplicate-key key \"name\" is already defined at line 9"},
		{"alias cycle", withTouchpointKeys("        pains: &p [*p]\n"), "11:20 alias-budget repeats a node that contains it"},
		{"alias bomb", "version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
			"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
			"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
			"6:36 alias-budget more than 100000 nodes"},
		{"missing version", strings.TrimPrefix(minimal, "version: 1\n"), "1:1 version missing the required key \"version\""},
		{"text version", strings.Replace(minimal, "version: 1", "version: \"1\"", 1), "1:10 version expected an integer, found the text \"1\""},
		{"unknown version", strings.Replace(minimal, "version: 1", "version: 3", 1), "1:10 version version 3 is not supported; this build reads version 1"},
		{"unknown key", strings.Replace(minimal, "title:", "titel:", 1), "3:1 unknown-key did you mean \"title\"?"},
		{"list as a top-level key", strings.Replace(minimal, "title: Shop\n", "title: Shop\n? [a, b]\n: complex\n", 1), "4:3 unknown-key unknown key in map: expected a key name, found a list"},
		{"mapping as a stage key", strings.Replace(minimal, "    name: Visit\n", "    name: Visit\n    ? {a: b}\n    : complex\n", 1), "7:7 unknown-key unknown key in stage: expected a key name, found a mapping"},
		{"list as a touchpoint key", withTouchpointKeys("        ? [a]\n        : complex\n"), "11:11 unknown-key unknown key in touchpoint: expected a key name, found a list"},
		{"aliased list as a key", withTouchpointKeys("        pains: &p [a]\n        ? *p\n        : complex\n"), "12:11 unknown-key found a list"},
		{"list as a column", withTouchpointKeys("        events:\n          - event: view\n            where: {? [a]: b}\n"), "13:23 wrong-type where: expected a column name, found a list"},
		{"missing required key", strings.Replace(minimal, "title: Shop\n", "", 1), "1:1 required-key map is missing the required key \"title\""},
		{"empty required value", strings.Replace(minimal, "title: Shop", "title:", 1), "3:7 required-key \"title\" needs a value"},
		{"blank required value", strings.Replace(minimal, "name: Home", "name: \"  \u00a0\"", 1), "9:15 required-key \"name\" needs a value; it holds only white space"},
		{"emotion too high", withTouchpointKeys("        emotion: 3\n"), "11:18 emotion-range found \"3\""},
		{"utf-8 bom", "\ufeff" + withTouchpointKeys("        emotion: 5\n"), "11:18 emotion-range found \"5\""},
		{"crlf line ends", strings.ReplaceAll(withTouchpointKeys("        emotion: 5\n"), "\n", "\r\n"), "11:18 emotion-range found \"5\""},
		{"emotion fraction", withTouchpointKeys("        emotion: 1.5\n"), "11:18 emotion-range found \"1.5\""},
		{"emotion quoted", withTouchpointKeys("        emotion: \"1\"\n"), "11:18 emotion-range found the text \"1\""},
		{"str-tagged version", strings.Replace(minimal, "version: 1", "version: !!str 1", 1), "1:10 version expected an integer, found the text \"1\""},
		{"str-tagged boolean", strings.Replace(minimal, "goal: true", "goal: !!str true", 1), "10:15 wrong-type goal: expected true or false, found the text \"true\""},
		{"str-tagged emotion", withTouchpointKeys("        emotion: !!str 1\n"), "11:18 emotion-range found the text \"1\""},
		{"int tag on a word", withTouchpointKeys("        emotion: !!int one\n"), "11:18 wrong-type tag !!int: expected an integer, found \"one\"; fix the value or remove the tag"},
		{"bool tag on yes", strings.Replace(minimal, "goal: true", "goal: !!bool yes", 1), "10:15 wrong-type tag !!bool: expected true or false, found \"yes\""},
		{"float tag on a word", withTouchpointKeys("        cost: !!float cheap\n"), "11:15 wrong-type tag !!float: expected a number, found \"cheap\""},
		{"null tag on text", withTouchpointKeys("        feeling: !!null happy\n"), "11:18 wrong-type tag !!null: expected nothing (null or ~), found \"happy\""},
		{"str tag on a list", withTouchpointKeys("        pains: !!str [a]\n"), "11:16 wrong-type tag !!str: expected text, found a list"},
		{"seq tag on text", withTouchpointKeys("        description: !!seq x\n"), "11:22 wrong-type tag !!seq: expected a list, found text"},
		{"yes is no boolean", strings.Replace(minimal, "goal: true", "goal: yes", 1), "10:15 wrong-type expected true or false, found \"yes\""},
		{"list where text belongs", strings.Replace(minimal, "title: Shop", "title: [a]", 1), "3:8 wrong-type title: expected text, found a list"},
		{"where null", withTouchpointKeys("        events:\n          - event: view\n            where: {coupon: null}\n"), "13:29 where-null column \"coupon\": null matches the text \"null\", not an empty cell"},
		{"where tilde in a list", withTouchpointKeys("        events:\n          - event: view\n            where: {coupon: [a, ~]}\n"), "13:33 where-null ~ matches the text \"~\""},
		{"where empty list", withTouchpointKeys("        events:\n          - event: view\n            where: {page: []}\n"), "13:27 empty-list column \"page\""},
		{"bad duration", withTouchpointKeys("        duration: 5 minutes\n"), "11:19 invalid-duration invalid duration \"5 minutes\""},
		{"kpi duration not whole", withTouchpointKeys("        kpis:\n          - {metric: median_time_to_next, max: 1.5h}\n"), "12:48 kpi-target max of KPI \"median_time_to_next\" must be a number of seconds or a duration above zero in whole units like 90m or 2d, found \"1.5h\""},
		{"kpi without target", withTouchpointKeys("        kpis:\n          - metric: users\n"), "12:13 kpi-target no target for KPI \"users\""},
		{"kpi min above max", withTouchpointKeys("        kpis:\n          - {metric: users, min: 5, max: 2}\n"), "12:34 kpi-target min 5 of KPI \"users\" is above its max 2"},
		{"next names a funnel", withTouchpointKeys("        next: [main]\nfunnels:\n  - id: main\n    steps: [home]\n"), "11:16 unknown-ref \"main\" is a funnel"},
		{"step names a funnel", minimal + "funnels:\n  - id: main\n    steps: [main]\n", "13:13 unknown-ref \"main\" is a funnel"},
		{"funnel without steps", minimal + "funnels:\n  - id: main\n    steps: []\n", "12:5 empty-list funnel \"main\" has no steps"},
		{"between not a pair", minimal + "funnels:\n  - id: main\n    steps: [home]\n    exclude:\n      - {event: x, between: [1]}\n", "15:29 wrong-type two whole step numbers"},
		{"between zero to zero", minimal + "funnels:\n  - id: main\n    steps: [home, visit]\n    exclude:\n      - {event: x, between: [0, 0]}\n", "15:29 exclude-range between [0, 0] does not fit funnel \"main\""},
		{"between in unordered funnel", minimal + "funnels:\n  - id: main\n    steps: [home, visit, home]\n    order: unordered\n    exclude:\n      - {event: x, between: [1, 2]}\n", "16:29 exclude-range between [1, 2] is not allowed in the unordered funnel \"main\"; its exclusions apply to the whole funnel: leave between out or write [1, 3]"},
		{"stage id reused by funnel", minimal + "funnels:\n  - id: visit\n    steps: [home]\n", "12:9 duplicate-id id \"visit\" is already used by the stage at line 5"},
		// A problem in repeated content is reported where an alias repeats it.
		{"touchpoint repeated by an alias", strings.Replace(minimal, "      - id: home", "      - &tp\n        id: home", 1) +
			"  - id: buy\n    name: Buy\n    touchpoints:\n      - *tp\n", "15:9 duplicate-id id \"home\" is already used by the touchpoint at line 9"},
		{"steps repeated by an alias", minimal + "funnels:\n  - id: f\n    steps: &s [home, nope]\n  - id: g\n    steps: *s\n",
			"15:12 unknown-ref no touchpoint or stage has the id \"nope\""},
		{"matcher repeated by an alias", withTouchpointKeys("        events: [&m {event: e, wehre: {a: 1}}]\n") +
			"      - id: two\n        name: Two\n        events: [*m]\n", "14:18 unknown-key unknown key \"wehre\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, ds := Check("m.journey.yaml", []byte(tt.src))
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v, want < 1s", d)
			}
			if !hasDiagnostic(ds, tt.want) {
				t.Errorf("want a diagnostic %q, got:\n%s", tt.want, diagLines(ds))
			}
		})
	}
}

// hasDiagnostic reports whether ds holds a diagnostic described as "line:col rule text",
// where text is part of the message.
func hasDiagnostic(ds []Diagnostic, want string) bool {
	parts := strings.SplitN(want, " ", 3)
	for _, d := range ds {
		pos := strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column)
		if pos == parts[0] && d.Rule == parts[1] && strings.Contains(d.Message, parts[2]) {
			return true
		}
	}
	return false
}

// TestNoFalseDepth checks that brackets in text, comments and block scalars do not count
// as nesting.
func TestNoFalseDepth(t *testing.T) {
	brackets := strings.Repeat("[", 100)
	for _, extra := range []string{
		"        description: |\n          " + brackets + "\n          more " + brackets + "\n",
		"        description: \"" + brackets + "\"\n",
		"        description: '" + brackets + "'\n",
		"        description: x " + brackets + "\n",
		"        # " + brackets + "\n",
	} {
		src := withTouchpointKeys(extra)
		if _, ds := Check("m.journey.yaml", []byte(src)); len(ds) > 0 {
			t.Errorf("%q:\n%s", extra, diagLines(ds))
		}
	}
}

func TestScanStructure(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want structureProblem
	}{
		{"balanced flow lines", strings.Repeat("a: [[[x]], {b: [y]}]\n", 100), structureOK},
		{"quoted keys", strings.Repeat("\"a\": [[['x']]]\n", 100), structureOK},
		{"open flow", "a: " + strings.Repeat("[", MaxDepth+1), structureTooDeep},
		{"compact sequences", strings.Repeat("- ", MaxDepth+1) + "x\n", structureTooDeep},
		{"indentation", nested(MaxDepth + 1), structureTooDeep},
		{"many values", strings.Repeat("a: b\n", MaxValues), structureTooMany},
		{"many flow items", "a: [" + strings.Repeat("x, ", MaxValues) + "]\n", structureTooMany},
		{"long block scalar", "a: |\n" + strings.Repeat("  a: b, c, [d\n", MaxValues), structureOK},
	}
	for _, tt := range tests {
		if _, got := scanStructure([]byte(tt.src)); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

// nested returns a block mapping nested depth levels deep.
func nested(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

// TestUnorderedWholeRange: in an unordered funnel, between [1, N] is the whole funnel and
// is accepted; in an ordered one it is a range like any other.
func TestUnorderedWholeRange(t *testing.T) {
	for _, order := range []string{"unordered", "ordered"} {
		src := minimal + "funnels:\n  - id: main\n    steps: [home, visit, home]\n    order: " + order +
			"\n    exclude:\n      - {event: x, between: [1, 3]}\n"
		if _, ds := Check("m.journey.yaml", []byte(src)); len(ds) > 0 {
			t.Errorf("%s funnel with between [1, 3]:\n%s", order, diagLines(ds))
		}
	}
}

// TestLimitDiagnostics keeps MaxDiagnostics problems of a file, errors first and in order,
// and counts the rest with a diagnostic that is an error only when an error is among them:
// warnings alone, however many, never make a map invalid.
func TestLimitDiagnostics(t *testing.T) {
	problems := func(warnings, errors int) []Diagnostic {
		var ds []Diagnostic
		for i := range warnings {
			ds = append(ds, Diagnostic{File: "m.journey.yaml", Line: i + 1, Column: 1, Severity: Warning, Rule: "overlapping-events"})
		}
		for i := range errors {
			ds = append(ds, Diagnostic{File: "m.journey.yaml", Line: warnings + i + 1, Column: 1, Severity: Error, Rule: "unknown-key"})
		}
		return ds
	}
	tests := []struct {
		name             string
		warnings, errors int
		wantErrors       int // errors among the shown problems, the count excluded
		countSeverity    Severity
	}{
		{"warnings only", 120, 0, 0, Warning},
		{"an error after many warnings", 120, 1, 1, Warning},
		{"more errors than are shown", 30, 130, MaxDiagnostics, Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := limitDiagnostics("m.journey.yaml", problems(tt.warnings, tt.errors))
			if len(got) != MaxDiagnostics+1 {
				t.Fatalf("%d diagnostics, want %d and the count", len(got), MaxDiagnostics)
			}
			shown, count := got[:MaxDiagnostics], got[MaxDiagnostics]
			errs := 0
			for i, d := range shown {
				if d.Severity == Error {
					errs++
				}
				if i > 0 && d.Line < shown[i-1].Line {
					t.Fatalf("diagnostic %d at line %d after line %d: not in order", i, d.Line, shown[i-1].Line)
				}
			}
			if errs != tt.wantErrors {
				t.Errorf("%d errors shown, want %d", errs, tt.wantErrors)
			}
			if count.Rule != "too-many-problems" || count.Severity != tt.countSeverity {
				t.Errorf("the count is %s %v, want too-many-problems %v", count.Rule, count.Severity, tt.countSeverity)
			}
			want := fmt.Sprintf("file has %d more problems not shown; fix these first", tt.warnings+tt.errors-MaxDiagnostics)
			if count.Message != want {
				t.Errorf("count says %q, want %q", count.Message, want)
			}
		})
	}
}

// TestCountBehindTooManyProblems: the totals of a file with more problems than are shown
// are the problems found, shown or not, and not the notice that says some are not shown.
func TestCountBehindTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimal)
	for i := range 119 {
		fmt.Fprintf(&b, "      - id: t%d\n        name: Home\n", i) // duplicate-name
		if i < 110 {
			b.WriteString("        emotion: 3\n") // emotion-range
		}
	}
	_, ds := Check("m.journey.yaml", []byte(b.String()))
	if len(ds) != MaxDiagnostics+1 || ds[MaxDiagnostics].Rule != "too-many-problems" {
		t.Fatalf("%d diagnostics, want %d and the notice", len(ds), MaxDiagnostics)
	}
	// 119 duplicate names, and the last touchpoint is a dead end.
	if got, want := Count(ds), (Counts{Errors: 110, Warnings: 120}); got != want {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
}

// TestTooManyProblemsNoticeLast: the notice stands at the place of the last problem shown
// and, sorted again as the outputs sort every file's diagnostics, still comes after it,
// whatever that problem's rule (unknown-key sorts after too-many-problems).
func TestTooManyProblemsNoticeLast(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimal)
	for i := range 105 {
		fmt.Fprintf(&b, "      - {id: t%d, name: T%d, colour: red}\n", i, i) // unknown-key
	}
	_, ds := Check("m.journey.yaml", []byte(b.String()))
	for _, got := range [][]Diagnostic{ds, SortDiagnostics(slices.Clone(ds))} {
		if last := got[len(got)-1]; last.Rule != "too-many-problems" {
			t.Errorf("the last diagnostic is %v, want the notice", last)
		}
	}
}

// TestYAMLDirective: a map may say which YAML it is written in; %YAML 1.2, the version
// whose core schema maps are read by, is taken as well as 1.1, and positions stay right.
func TestYAMLDirective(t *testing.T) {
	for _, head := range []string{"%YAML 1.2\n---\n", "%YAML 1.1\n---\n", "%YAML 1.2 # the core schema\n---\n"} {
		_, ds := Check("m.journey.yaml", []byte(head+minimal+"        emotion: 3\n"))
		if len(ds) != 1 || ds[0].Rule != "emotion-range" || ds[0].Line != 13 {
			t.Errorf("%q: diagnostics %v, want only emotion-range at line 13", head, ds)
		}
	}
}

// TestMomentWithBadEmotion: a moment of truth whose emotion is out of range has that error,
// not also the warning that it has no emotion.
func TestMomentWithBadEmotion(t *testing.T) {
	_, ds := Check("m.journey.yaml", []byte(withTouchpointKeys("        moment_of_truth: true\n        emotion: -3\n")))
	var rules []string
	for _, d := range ds {
		rules = append(rules, d.Rule)
	}
	if !slices.Equal(rules, []string{"emotion-range"}) {
		t.Errorf("rules %v, want only emotion-range", rules)
	}
}

// TestWhereNullQuoted: a null in quotes, or nothing at all, is no warning: the one is the
// text, the other the empty cell.
func TestWhereNullQuoted(t *testing.T) {
	for _, v := range []string{`"null"`, `'~'`, `""`, ``} {
		_, ds := Check("m.journey.yaml", []byte(withTouchpointKeys("        events:\n          - event: view\n            where: {coupon: "+v+"}\n")))
		for _, d := range ds {
			if d.Rule == "where-null" {
				t.Errorf("where: {coupon: %s}: %s", v, d.Message)
			}
		}
	}
}

// TestNegativeZeroCost: `cost: -0` is a cost of 0, which the outputs write without a sign.
func TestNegativeZeroCost(t *testing.T) {
	for _, v := range []string{"-0", "-0.0", "0"} {
		m, ds := Check("m.journey.yaml", []byte(withTouchpointKeys("        cost: "+v+"\n")))
		if HasErrors(ds, false) || m == nil {
			t.Fatalf("cost: %s: %v", v, ds)
		}
		if c := m.Touchpoints()[0].Cost; c == nil || math.Signbit(*c) || *c != 0 {
			t.Errorf("cost: %s read as %v, want 0 without a sign", v, c)
		}
	}
}
