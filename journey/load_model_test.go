package journey

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

const floristFixture = "../testdata/lint/florist.journey.yaml"

// TestLoadModel loads a map that uses every key and checks what the model holds.
func TestLoadModel(t *testing.T) {
	m, ds, err := Load(floristFixture)
	if err != nil || len(ds) > 0 {
		t.Fatalf("Load: err %v, diagnostics:\n%s", err, diagLines(ds))
	}
	if m.Version != 1 || m.ID != "florist-webshop" || m.Window != 14*24*time.Hour || m.Identity != "user_id" {
		t.Errorf("map header = %d %q %v %q", m.Version, m.ID, m.Window, m.Identity)
	}
	if got, want := m.Persona.Goals, []string{"Snel en betrouwbaar bestellen"}; !cmp.Equal(got, want) {
		t.Errorf("persona goals = %q, want %q", got, want)
	}
	fair, search, order := m.Touchpoint("trade-fair"), m.Touchpoint("search-ad"), m.Touchpoint("order")
	if fair.Duration != 30*time.Minute || *fair.Emotion != 1 || !fair.MomentOfTruth || fair.Stage.ID != "orientation" {
		t.Errorf("trade-fair = %+v", fair)
	}
	if want := (Pos{Line: 27, Column: 18}); fair.At("emotion") != want {
		t.Errorf("trade-fair emotion at %v, want %v", fair.At("emotion"), want)
	}
	if want := []Where{{Column: "campaign", Values: []string{"bloemen", "on"}}}; !cmp.Equal(search.Events[0].Where, want) {
		t.Errorf("search-ad where = %+v, want %+v (on stays text)", search.Events[0].Where, want)
	}
	if order.Next != nil || !order.Goal || order.Index != 3 {
		t.Errorf("order: next %v goal %v index %d", order.Next, order.Goal, order.Index)
	}
	if kpi := m.Touchpoint("webshop-visit").KPIs[0]; kpi.Max == nil || *kpi.Max != 2*24*3600 {
		t.Errorf("median_time_to_next max = %v, want 172800 seconds", kpi.Max)
	}
	f := m.Funnels[0]
	if f.Window != 28*24*time.Hour || f.Exclude[0].From != 1 || f.Exclude[0].To != 3 || m.Funnels[1].Order != Unordered {
		t.Errorf("funnels = %+v %+v", f, m.Funnels[1])
	}
}

// TestLoadMissingFile checks that I/O failures are errors that keep the fs error.
func TestLoadMissingFile(t *testing.T) {
	_, _, err := Load(filepath.Join(t.TempDir(), "none.journey.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) err = %v, want fs.ErrNotExist", err)
	}
}

// TestYAML12Scalars checks that YAML 1.1 booleans and octals stay text where text belongs.
func TestYAML12Scalars(t *testing.T) {
	src := withTouchpointKeys("        feeling: on\n        owner: 012\n        pains: [yes, no, ~]\n")
	m, ds := Parse("m.journey.yaml", []byte(src))
	if len(ds) > 0 {
		t.Fatalf("diagnostics:\n%s", diagLines(ds))
	}
	home := m.Touchpoint("home")
	if home.Feeling != "on" || home.Owner != "012" || !cmp.Equal(home.Pains, []string{"yes", "no", ""}) {
		t.Errorf("feeling %q owner %q pains %q", home.Feeling, home.Owner, home.Pains)
	}
}

// TestCoreNumbers checks that every number the YAML 1.2 core schema writes is a number
// wherever the map takes one: octal and hexadecimal integers as well as signs, exponents and
// leading dots. Text that is no core number stays an error.
func TestCoreNumbers(t *testing.T) {
	tests := []struct {
		emotion, cost, min string
		want               string // emotion, cost, min; or the rules reported
	}{
		{"1", "7.5", "10", "1 7.5 10"},
		{"+1", "1e3", ".5", "1 1000 0.5"},
		{"0o1", "0x10", "0o17", "1 16 15"},
		{"0x2", "0o17", "0xA", "2 15 10"},
		{"-0", "0o0", "0x0", "0 0 0"},
		{"0x3", "0x", "0o8", "emotion-range invalid-cost kpi-target"},
		{"-0x1", "0X10", "0O7", "emotion-range invalid-cost kpi-target"},
		{"1_0", ".inf", "1e400", "emotion-range invalid-cost kpi-target"},
	}
	for _, tt := range tests {
		keys := fmt.Sprintf("        emotion: %s\n        cost: %s\n        kpis: [{metric: users, min: %s}]\n", tt.emotion, tt.cost, tt.min)
		m, ds := Parse("m.journey.yaml", []byte(withTouchpointKeys(keys)))
		var got string
		if len(ds) > 0 {
			rules := make([]string, len(ds))
			for i, d := range SortDiagnostics(ds) {
				rules[i] = d.Rule
			}
			got = strings.Join(rules, " ")
		} else {
			home := m.Touchpoint("home")
			got = fmt.Sprintf("%d %g %g", *home.Emotion, *home.Cost, *home.KPIs[0].Min)
		}
		if got != tt.want {
			t.Errorf("emotion %s, cost %s, min %s: got %s, want %s", tt.emotion, tt.cost, tt.min, got, tt.want)
		}
	}
}

// TestCoreTags checks that a value tagged with a YAML 1.2 core tag takes its tag's type:
// `!!bool "true"` is true, `!!int "1"` the number 1, `!!int 5` where text belongs the text
// "5", `!!null` nothing.
func TestCoreTags(t *testing.T) {
	src := strings.Replace(withTouchpointKeys("        moment_of_truth: !!bool \"true\"\n        emotion: !!int \"1\"\n"+
		"        cost: !!float '7.5'\n        description: !!int 5\n        feeling: !!null\n        owner: !!str null\n"+
		"        pains: !!seq [a]\n        kpis: [{metric: users, min: !!int \"10\"}]\n"), "version: 1", "version: !!int \"1\"", 1)
	m, ds := Parse("m.journey.yaml", []byte(src))
	if len(ds) > 0 {
		t.Fatalf("diagnostics:\n%s", diagLines(ds))
	}
	home := m.Touchpoint("home")
	got := fmt.Sprintf("version %d, moment %v, emotion %d, cost %g, description %q, feeling %q, owner %q, pains %q, min %g",
		m.Version, home.MomentOfTruth, *home.Emotion, *home.Cost, home.Description, home.Feeling, home.Owner, home.Pains, *home.KPIs[0].Min)
	want := `version 1, moment true, emotion 1, cost 7.5, description "5", feeling "", owner "null", pains ["a"], min 10`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestBadTagReportedOnce checks that a value whose tag it does not fit has one diagnostic,
// the tag's, and not a second one about the value the tag spoilt.
func TestBadTagReportedOnce(t *testing.T) {
	for _, keys := range []string{"        emotion: !!int one\n", "        moment_of_truth: !!bool yes\n",
		"        cost: !!float cheap\n", "        emotion: !md 1\n"} {
		_, ds := Check("m.journey.yaml", []byte(withTouchpointKeys(keys)))
		if len(ds) != 1 {
			t.Errorf("%q: want one diagnostic, got:\n%s", keys, diagLines(ds))
		}
	}
}

// TestAliasesAllowed checks that ordinary reuse through anchors decodes.
func TestAliasesAllowed(t *testing.T) {
	src := withTouchpointKeys("        events: [&view {event: page_view, where: {page: /}}]\n" +
		"      - id: other\n        name: Other\n        goal: true\n        events: [*view]\n")
	m, ds := Parse("m.journey.yaml", []byte(src))
	if m == nil || len(m.Touchpoint("other").Events) != 1 || m.Touchpoint("other").Events[0].Event != "page_view" {
		t.Fatalf("alias not decoded; diagnostics:\n%s", diagLines(ds))
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30s", 30 * time.Second, true},
		{"30m", 30 * time.Minute, true},
		{"1h30m", 90 * time.Minute, true},
		{"14d", 14 * 24 * time.Hour, true},
		{"1w", 7 * 24 * time.Hour, true},
		{"2w1d", 15 * 24 * time.Hour, true},
		{"", 0, false},
		{"0d", 0, false},
		{"5", 0, false},
		{"d", 0, false},
		{"1.5h", 0, false},
		{"-1d", 0, false},
		{"1 d", 0, false},
		{"1y", 0, false},
		{"99999999999999999999w", 0, false},
		{"5300w", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		seconds float64
		want    string
	}{
		{14 * 86400, "14d"},
		{90 * 60, "90m"},
		{2 * 3600, "2h"},
		{45, "45s"},
		{1.5, "1.5s"},
		{86400 + 60, "1441m"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.seconds); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.seconds, got, tt.want)
		}
		if d, err := ParseDuration(tt.want); err == nil && d.Seconds() != tt.seconds {
			t.Errorf("ParseDuration(FormatDuration(%v)) = %v", tt.seconds, d)
		}
	}
}

// FuzzParse checks that no input makes the loader panic or hang.
func FuzzParse(f *testing.F) {
	fixtures, _ := filepath.Glob("../testdata/lint/*.journey.yaml")
	for _, path := range fixtures {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, r := range Rules() {
		if r.source == nil {
			f.Add([]byte(r.Example))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, ds := Check("fuzz.journey.yaml", src)
		if m == nil && len(ds) == 0 {
			t.Errorf("no map and no diagnostic")
		}
		for _, d := range ds {
			if d.Line < 1 || d.Column < 1 || d.Message == "" {
				t.Errorf("diagnostic without position or message: %+v", d)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src := generateMap(50)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, ds := Check("bench.journey.yaml", src); len(ds) > 0 {
			b.Fatal(diagLines(ds))
		}
	}
}

// generateMap writes a clean map of n touchpoints over five stages, each with an event
// matcher, an emotion and a KPI, for benchmarks.
func generateMap(n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nid: generated\ntitle: Generated journey\nwindow: 14d\nstages:\n")
	for i := range n {
		if i%(n/5) == 0 {
			fmt.Fprintf(&b, "  - id: stage-%d\n    name: Stage %d\n    touchpoints:\n", i, i)
		}
		fmt.Fprintf(&b, "      - id: tp-%d\n        name: Touchpoint %d\n        channel: website\n"+
			"        emotion: %d\n        pains: [slow, unclear]\n        events:\n"+
			"          - event: view_%d\n            where: {page: [/p%d, /q%d]}\n"+
			"        kpis:\n          - metric: conversion\n            min: 0.5\n", i, i, i%5-2, i, i, i)
	}
	fmt.Fprintf(&b, "        goal: true\nfunnels:\n  - id: main\n    steps: [tp-0, tp-%d]\n", n-1)
	return b.Bytes()
}

// BenchmarkParseYAMLOnly is the floor BenchmarkParse is measured against: yaml.v3 parsing
// the same map into nodes, with no checks and no model.
func BenchmarkParseYAMLOnly(b *testing.B) {
	src := generateMap(50)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(src, &n); err != nil {
			b.Fatal(err)
		}
	}
}
