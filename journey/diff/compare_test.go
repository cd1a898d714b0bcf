package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// base is the map most cases change.
const base = `version: 1
id: shop
title: Shop
window: 1h
persona:
  name: Florist
  goals: [Fast, Fresh]
stages:
  - id: s1
    name: One
    touchpoints:
      - id: a
        name: A
        emotion: 0
        pains: [Slow, Dear]
        events:
          - event: view
            where: {page: [/a, /b]}
        kpis:
          - metric: conversion
            min: 0.5
      - id: b
        name: B
  - id: s2
    name: Two
    touchpoints:
      - id: c
        name: C
        goal: true
funnels:
  - id: main
    steps: [a, c]
`

// load parses src, which must have no errors.
func load(t testing.TB, src string) *journey.Map {
	t.Helper()
	m, ds := journey.Check("t.journey.yaml", []byte(src))
	if journey.HasErrors(ds, false) || m == nil {
		t.Fatalf("map does not load: %v\n%s", ds, src)
	}
	return m
}

// edit applies replacements, old then new text, to base; each must match.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := base
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("base has no %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// records returns each change as its JSON text.
func records(t *testing.T, cs []Change) []string {
	t.Helper()
	var out []string
	for _, c := range cs {
		b, err := c.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// compareCases are the cases of TestCompare: replacements in base for each side, and the
// records they give.
var compareCases = []struct {
	name string
	old  []string // replacements in base; none is base itself
	new  []string
	want []string
}{
	{name: "identical"},
	{name: "layout, quoting, comments and spelling",
		new: []string{"title: Shop", "title: 'Shop' # renamed? no", "window: 1h", "window: 60m",
			"pains: [Slow, Dear]", "pains:\n          - \"Dear\"\n          - Slow",
			"where: {page: [/a, /b]}", "where: {page: [/b, /a]}", "name: B", "name: \"B\"\n        goal: false"}},
	{name: "the default language and identity written out", new: []string{"title: Shop", "title: Shop\nlanguage: en\nidentity: user_id"}},
	{name: "language and identity other than the defaults", new: []string{"title: Shop", "title: Shop\nlanguage: nl\nidentity: klant"},
		want: []string{
			`{"entity":"map","id":"shop","change":"changed","field":"identity","old":null,"new":"klant"}`,
			`{"entity":"map","id":"shop","change":"changed","field":"language","old":null,"new":"nl"}`}},
	{name: "explicit next equal to the document order", new: []string{"name: A\n", "name: A\n        next: [b]\n"}},
	{name: "a where value or a list of it", new: []string{"where: {page: [/a, /b]}", "where: {page: /a}"},
		want: []string{`{"entity":"touchpoint","id":"a","change":"changed","field":"events","old":[{"event":"view","where":{"page":["/a","/b"]}}],"new":[{"event":"view","where":{"page":"/a"}}]}`}},
	{name: "emotion changed and set", new: []string{"emotion: 0", "emotion: -1", "name: B", "name: B\n        emotion: 2"},
		want: []string{
			`{"entity":"touchpoint","id":"a","change":"changed","field":"emotion","old":0,"new":-1}`,
			`{"entity":"touchpoint","id":"b","change":"changed","field":"emotion","old":null,"new":2}`}},
	{name: "list items", new: []string{"pains: [Slow, Dear]", "pains: [Dear, Rude, Rude]"},
		want: []string{`{"entity":"touchpoint","id":"a","change":"changed","field":"pains","added":["Rude","Rude"],"removed":["Slow"]}`}},
	{name: "list emptied", new: []string{"pains: [Slow, Dear]", "pains: []"},
		want: []string{`{"entity":"touchpoint","id":"a","change":"changed","field":"pains","added":[],"removed":["Slow","Dear"]}`}},
	{name: "touchpoint added between two", new: []string{"      - id: b\n", "      - id: n\n        name: N\n      - id: b\n"},
		want: []string{
			`{"entity":"touchpoint","id":"n","change":"added"}`,
			`{"entity":"edge","id":"a->b","change":"removed"}`,
			`{"entity":"edge","id":"a->n","change":"added"}`,
			`{"entity":"edge","id":"n->b","change":"added"}`}},
	{name: "touchpoint removed with its KPI", new: []string{"      - id: a\n        name: A\n        emotion: 0\n        pains: [Slow, Dear]\n" +
		"        events:\n          - event: view\n            where: {page: [/a, /b]}\n        kpis:\n          - metric: conversion\n            min: 0.5\n", "",
		"steps: [a, c]", "steps: [b, c]"},
		want: []string{
			`{"entity":"touchpoint","id":"a","change":"removed"}`,
			`{"entity":"edge","id":"a->b","change":"removed"}`,
			`{"entity":"funnel","id":"main","change":"changed","field":"steps","old":["a","c"],"new":["b","c"]}`,
			`{"entity":"kpi","id":"a/conversion","change":"removed"}`}},
	{name: "moved to another stage", new: []string{"      - id: b\n        name: B\n", "", "      - id: c\n", "      - id: b\n        name: B\n      - id: c\n"},
		want: []string{`{"entity":"touchpoint","id":"b","change":"moved","field":"stage","old":"s1","new":"s2"}`}},
	{name: "moved within its stage", new: []string{"      - id: b\n        name: B\n", "", "      - id: a\n", "      - id: b\n        name: B\n        next: [a]\n      - id: a\n"},
		want: []string{
			`{"entity":"touchpoint","id":"b","change":"moved","field":"position","old":2,"new":1}`,
			`{"entity":"edge","id":"a->b","change":"removed"}`,
			`{"entity":"edge","id":"a->c","change":"added"}`,
			`{"entity":"edge","id":"b->a","change":"added"}`,
			`{"entity":"edge","id":"b->c","change":"removed"}`}},
	{name: "a stage added first moves no stage", new: []string{"stages:\n", "stages:\n  - id: s0\n    name: Zero\n    touchpoints: [{id: z, name: Z, next: []}]\n"},
		want: []string{
			`{"entity":"stage","id":"s0","change":"added"}`,
			`{"entity":"touchpoint","id":"z","change":"added"}`}},
	{name: "stages swapped", new: []string{"  - id: s2\n    name: Two\n    touchpoints:\n      - id: c\n        name: C\n        goal: true\n", "",
		"stages:\n", "stages:\n  - id: s2\n    name: Two\n    touchpoints:\n      - id: c\n        name: C\n        goal: true\n"},
		want: []string{
			`{"entity":"stage","id":"s2","change":"moved","field":"position","old":2,"new":1}`,
			`{"entity":"edge","id":"b->c","change":"removed"}`,
			`{"entity":"edge","id":"c->a","change":"added"}`}},
	{name: "map, persona, funnel and KPI fields",
		new: []string{"title: Shop", "title: Shop 2", "window: 1h", "window: 1h30m", "goals: [Fast, Fresh]", "goals: [Fresh]",
			"min: 0.5", "min: 0.5\n            max: 0.9", "steps: [a, c]", "steps: [a, c]\n    order: strict\n    window: 2d"},
		want: []string{
			`{"entity":"map","id":"shop","change":"changed","field":"title","old":"Shop","new":"Shop 2"}`,
			`{"entity":"map","id":"shop","change":"changed","field":"window","old":"1h","new":"1h30m"}`,
			`{"entity":"persona","id":"persona","change":"changed","field":"goals","added":[],"removed":["Fast"]}`,
			`{"entity":"funnel","id":"main","change":"changed","field":"order","old":null,"new":"strict"}`,
			`{"entity":"funnel","id":"main","change":"changed","field":"window","old":null,"new":"2d"}`,
			`{"entity":"kpi","id":"a/conversion","change":"changed","field":"max","old":null,"new":0.9}`}},
	{name: "added and removed entities", new: []string{"persona:\n  name: Florist\n  goals: [Fast, Fresh]\n", "",
		"funnels:\n  - id: main\n    steps: [a, c]\n", "funnels:\n  - id: other\n    steps: [s1, s2]\n",
		"          - metric: conversion\n            min: 0.5\n", "          - metric: users\n            min: 10\n"},
		want: []string{
			`{"entity":"persona","id":"persona","change":"removed"}`,
			`{"entity":"funnel","id":"main","change":"removed"}`,
			`{"entity":"funnel","id":"other","change":"added"}`,
			`{"entity":"kpi","id":"a/conversion","change":"removed"}`,
			`{"entity":"kpi","id":"a/users","change":"added"}`}},
	{name: "goal set, a missing key is null", new: []string{"name: B", "name: B\n        goal: true\n        moment_of_truth: false"},
		want: []string{`{"entity":"touchpoint","id":"b","change":"changed","field":"goal","old":null,"new":true}`}},
	{name: "a stage removed brings its touchpoints", new: []string{"  - id: s2\n    name: Two\n    touchpoints:\n      - id: c\n        name: C\n        goal: true\n", "",
		"steps: [a, c]", "steps: [a, b]"},
		want: []string{
			`{"entity":"stage","id":"s2","change":"removed"}`,
			`{"entity":"touchpoint","id":"c","change":"removed"}`,
			`{"entity":"edge","id":"b->c","change":"removed"}`,
			`{"entity":"funnel","id":"main","change":"changed","field":"steps","old":["a","c"],"new":["a","b"]}`}},
	{name: "an exclusion over the whole funnel, written or not",
		old: []string{"steps: [a, c]", "steps: [a, c]\n    exclude: [{event: quit}]"},
		new: []string{"steps: [a, c]", "steps: [a, c]\n    exclude: [{event: quit, between: [1, 2]}]"}},
	{name: "an exclusion without a range, steps added",
		old:  []string{"steps: [a, c]", "steps: [a, c]\n    exclude: [{event: quit}]"},
		new:  []string{"steps: [a, c]", "steps: [a, b, c]\n    exclude: [{event: quit}]"},
		want: []string{`{"entity":"funnel","id":"main","change":"changed","field":"steps","old":["a","c"],"new":["a","b","c"]}`}},
	{name: "an exclusion narrowed to part of the funnel",
		old:  []string{"steps: [a, c]", "steps: [a, b, c]\n    exclude: [{event: quit}]"},
		new:  []string{"steps: [a, c]", "steps: [a, b, c]\n    exclude: [{event: quit, between: [1, 2]}]"},
		want: []string{`{"entity":"funnel","id":"main","change":"changed","field":"exclude","old":[{"event":"quit"}],"new":[{"between":[1,2],"event":"quit"}]}`}},
	{name: "user text is written as is", new: []string{"name: A\n", "name: \"<A & B>\"\n"},
		want: []string{`{"entity":"touchpoint","id":"a","change":"changed","field":"name","old":"A","new":"<A & B>"}`}},
}

func TestCompare(t *testing.T) {
	for _, tt := range compareCases {
		t.Run(tt.name, func(t *testing.T) {
			got := records(t, Compare(load(t, edit(t, tt.old...)), load(t, edit(t, tt.new...))))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMoved moves the fewest items that explain a new order and, of several ways, keeps the
// items whose place is the same on both sides: reversing five keeps the middle one, which no
// record may say moved from 3 to 3.
func TestMoved(t *testing.T) {
	place := func(order []string) map[string]int {
		m := map[string]int{}
		for i, id := range order {
			m[id] = i
		}
		return m
	}
	for _, tc := range []struct {
		old, new, want []string
	}{
		{[]string{"a", "b", "c", "d", "e"}, []string{"e", "d", "c", "b", "a"}, []string{"e", "d", "b", "a"}},
		{[]string{"a", "b"}, []string{"b", "a"}, []string{"b"}},
		{[]string{"a", "b", "c", "d"}, []string{"b", "c", "d", "a"}, []string{"a"}},
		{[]string{"a", "b", "c", "d"}, []string{"a", "b", "c", "d"}, nil},
		{[]string{"a", "b", "c", "d", "e", "f"}, []string{"f", "b", "c", "d", "e", "a"}, []string{"f", "a"}},
	} {
		o, n := place(tc.old), place(tc.new)
		got := moved(tc.old, tc.new, func(id string) (int, int) { return o[id], n[id] })
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v -> %v: moved %v, want %v", tc.old, tc.new, got, tc.want)
		}
	}
}
