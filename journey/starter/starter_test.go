package starter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/format"
	"github.com/journey-cx/journey/journey/schema"
	"github.com/journey-cx/journey/journey/simulate"
)

// TestMapIsClean checks that the starter map loads without a single diagnostic, warnings
// included, and is already in canonical form.
func TestMapIsClean(t *testing.T) {
	for _, l := range journey.Languages {
		if m, diags := journey.Check("starter.journey.yaml", Map("starter", l)); len(diags) > 0 || m == nil || m.Language != l {
			t.Fatalf("the starter map in %q has diagnostics %v or another language", l, diags)
		}
	}
	src := Map("starter", "en")
	m, diags := journey.Check("starter.journey.yaml", src)
	if len(diags) > 0 || m == nil {
		t.Fatalf("the starter map has diagnostics: %v", diags)
	}
	if m.ID != "starter" {
		t.Errorf("map id = %q, want %q", m.ID, "starter")
	}
	if got := strings.SplitN(string(src), "\n", 2)[0]; got != schema.ModelineComment() {
		t.Errorf("first line = %q, want the schema modeline", got)
	}
	for _, l := range journey.Languages {
		src := Map("starter", l)
		out, diags := format.Source("starter.journey.yaml", src)
		if len(diags) > 0 || !bytes.Equal(out, src) {
			t.Errorf("the starter map in %q is not formatted (diagnostics %v):\n%s", l, diags, cmp.Diff(string(src), string(out)))
		}
	}
	if n := len(m.Touchpoints()); len(m.Stages) != 3 || n < 5 || n > 8 || len(m.Funnels) != 1 {
		t.Errorf("the starter map has %d stages, %d touchpoints and %d funnels; want 3, about 6 and 1", len(m.Stages), n, len(m.Funnels))
	}
}

// TestEvents checks that events.csv is what the simulator writes for the starter map in
// every language (the same map, its texts translated), and that it is small;
// JOURNEY_UPDATE=1 regenerates it.
func TestEvents(t *testing.T) {
	for _, l := range journey.Languages {
		m, diags := journey.Check("starter.journey.yaml", Map("starter", l))
		if m == nil || journey.HasErrors(diags, false) {
			t.Fatalf("the starter map in %q does not load: %v", l, diags)
		}
		var b bytes.Buffer
		stats, err := simulate.Write(&b, m, simulate.Options{Users: Users, Seed: Seed})
		if err != nil {
			t.Fatal(err)
		}
		if stats.Rows < 40 || stats.Rows > 70 {
			t.Errorf("the starter event file has %d rows; want about 50", stats.Rows)
		}
		golden.Check(t, "events.csv", b.Bytes())
	}
}

// TestTranslated: the starter map in Dutch is the English one with its texts and comments
// in Dutch: the same lines but for them, and no English text left.
func TestTranslated(t *testing.T) {
	en, nl := strings.Split(string(Map("s", "en")), "\n"), strings.Split(string(Map("s", "nl")), "\n")
	if len(en) != len(nl) {
		t.Fatalf("%d lines in English, %d in Dutch; want the same map", len(en), len(nl))
	}
	for i := range en {
		key := func(line string) string {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				return "#"
			}
			k, _, _ := strings.Cut(strings.TrimSpace(line), ":")
			return k
		}
		if key(en[i]) != key(nl[i]) {
			t.Errorf("line %d: %q in English, %q in Dutch", i+1, en[i], nl[i])
		}
		if text := strings.TrimSpace(en[i]); strings.HasPrefix(text, "name:") && en[i] == nl[i] {
			t.Errorf("line %d is not translated: %q", i+1, en[i])
		}
	}
}

func TestID(t *testing.T) {
	tests := map[string]string{
		"shop":             "shop",
		"My Shop":          "my-shop",
		"florist_webshop2": "florist-webshop2",
		"--Oriëntatie--":   "orientatie",
		".":                DefaultID,
		"":                 DefaultID,
		"日本":               DefaultID,
	}
	for in, want := range tests {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}
