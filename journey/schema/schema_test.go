package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/schema"
	"github.com/journey-cx/journey/journey/starter"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// compile compiles the embedded schema with a validator independent of this project.
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSON()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.ID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schema.ID)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestDocument(t *testing.T) {
	var doc struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID != schema.ID || doc.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$id = %q, $schema = %q; want %q and draft 2020-12", doc.ID, doc.Schema, schema.ID)
	}
	if want := "# yaml-language-server: $schema=" + schema.ID; schema.ModelineComment() != want {
		t.Errorf("ModelineComment() = %q, want %q", schema.ModelineComment(), want)
	}
}

// TestAcceptedMapsValidate checks that every example and test map the loader accepts is
// valid against the schema, so that editors never flag a map journey reads.
func TestAcceptedMapsValidate(t *testing.T) {
	sch := compile(t)
	files, err := journey.FindMaps([]string{"../../examples", "../../testdata"})
	if err != nil {
		t.Fatal(err)
	}
	accepted := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, diags := journey.Parse(file, src); journey.HasErrors(diags, false) {
			continue
		}
		accepted++
		if err := sch.Validate(instance(t, src)); err != nil {
			t.Errorf("%s: the loader accepts it, the schema does not:\n%v", file, err)
		}
	}
	if err := sch.Validate(instance(t, starter.Map("starter", "en"))); err != nil {
		t.Errorf("the starter map of journey init does not validate:\n%v", err)
	}
	if accepted < 3 {
		t.Errorf("only %d accepted maps found in %d files; the test proves little", accepted, len(files))
	}
}

// base is a valid map; the rejection cases replace one of its lines.
const base = `version: 1
id: shop
title: Shop
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home
        channel: website
        duration: 5m
        emotion: 1
        events:
          - event: page_view
            where: {page: /}
        kpis:
          - metric: conversion
            min: 0.5
      - id: order
        name: Order
        goal: true
funnels:
  - id: main
    steps: [home, order]
    order: ordered
    exclude:
      - event: unsubscribe
        between: [1, 2]
`

// TestRejectedMaps checks that maps the loader rejects for a reason a schema can express
// are rejected by the schema too.
func TestRejectedMaps(t *testing.T) {
	sch := compile(t)
	tests := []struct{ name, old, new string }{
		{"unknown root key", "title: Shop", "titel: Shop"},
		{"unknown touchpoint key", "        channel: website", "        chanel: website"},
		{"unknown matcher key", "            where: {page: /}", "            wehre: {page: /}"},
		{"emotion 3", "emotion: 1", "emotion: 3"},
		{"emotion -3", "emotion: 1", "emotion: -3"},
		{"emotion fraction", "emotion: 1", "emotion: 1.5"},
		{"emotion text", "emotion: 1", "emotion: happy"},
		{"bad map id", "id: shop", "id: Shop_Map"},
		{"bad touchpoint id", "id: home", "id: home page"},
		{"bad duration", "duration: 5m", "duration: 5 minutes"},
		{"zero duration", "duration: 5m", "duration: 0m"},
		{"unknown metric", "metric: conversion", "metric: convertion"},
		{"ratio target above 1", "min: 0.5", "min: 50"},
		{"negative target", "min: 0.5", "min: -0.1"},
		{"unknown order", "order: ordered", "order: random"},
		{"version 2", "version: 1", "version: 2"},
		{"version text", "version: 1", "version: one"},
		{"missing title", "title: Shop\n", ""},
		{"null title", "title: Shop", "title: null"},
		{"empty stage name", "name: Visit", "name: ''"},
		{"blank touchpoint name", "name: Home", "name: '  '"},
		{"null event", "event: page_view", "event: ~"},
		{"negative id", "id: shop", "id: -1"},
		{"goal not boolean", "goal: true", "goal: yes"},
		{"channel with spaces", "channel: website", "channel: Web Site"},
		{"between one step", "between: [1, 2]", "between: [1]"},
		{"empty stages", "", "version: 1\nid: a\ntitle: A\nstages: []\n"},
		{"empty touchpoints", "", "version: 1\nid: a\ntitle: A\nstages: [{id: s, name: S, touchpoints: []}]\n"},
		{"unknown persona key", "", "version: 1\nid: a\ntitle: A\npersona: {nam: x}\nstages: [{id: s, name: S, touchpoints: [{id: t, name: T}]}]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.new)
			if tt.old != "" {
				if !strings.Contains(base, tt.old) {
					t.Fatalf("base map has no %q", tt.old)
				}
				src = []byte(strings.Replace(base, tt.old, tt.new, 1))
			}
			if _, diags := journey.Parse("m.journey.yaml", src); !journey.HasErrors(diags, false) {
				t.Fatalf("the loader accepts the map; the case is wrong:\n%s", src)
			}
			if err := sch.Validate(instance(t, src)); err == nil {
				t.Errorf("the schema accepts a map the loader rejects:\n%s", src)
			}
		})
	}
	if err := sch.Validate(instance(t, []byte(base))); err != nil {
		t.Errorf("the schema rejects the base map: %v", err)
	}
}

// TestAcceptedVariants checks that values the loader reads as text where an id or text
// is expected, and null where text is optional, validate too.
func TestAcceptedVariants(t *testing.T) {
	sch := compile(t)
	tests := []struct {
		name     string
		old, new []string
	}{
		{"numeric map id", []string{"id: shop"}, []string{"id: 2024"}},
		{"numeric touchpoint id", []string{"id: home", "steps: [home, order]"}, []string{"id: 1", "steps: [1, order]"}},
		{"boolean id", []string{"id: order", "[home, order]"}, []string{"id: true", "[home, true]"}},
		{"numeric channel", []string{"channel: website"}, []string{"channel: 5"}},
		{"null channel", []string{"channel: website"}, []string{"channel: null"}},
		{"null description", []string{"title: Shop"}, []string{"title: Shop\ndescription: null"}},
		{"numeric title", []string{"title: Shop"}, []string{"title: 2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := base
			for i, old := range tt.old {
				if !strings.Contains(src, old) {
					t.Fatalf("base map has no %q", old)
				}
				src = strings.Replace(src, old, tt.new[i], 1)
			}
			if _, diags := journey.Parse("m.journey.yaml", []byte(src)); journey.HasErrors(diags, false) {
				t.Fatalf("the loader rejects the map; the case is wrong: %v\n%s", diags, src)
			}
			if err := sch.Validate(instance(t, []byte(src))); err != nil {
				t.Errorf("the schema rejects a map the loader accepts: %v\n%s", err, src)
			}
		})
	}
}

// instance decodes a YAML map into the JSON values the validator takes, scalars typed by
// their YAML tags as a YAML language server types them.
func instance(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	return value(&doc)
}

func value(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return value(n.Content[0])
	case yaml.AliasNode:
		return value(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = value(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, value(c))
		}
		return s
	}
	return scalar(n)
}

func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, _ := strconv.ParseBool(n.Value)
		return b
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return n.Value
}
