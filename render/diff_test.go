package render

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
)

// loadExample loads an example map, which must be valid.
func loadExample(t *testing.T, path string) *journey.Map {
	t.Helper()
	m, ds, err := journey.Load(filepath.Join("..", path))
	if err != nil || journey.HasErrors(ds, false) {
		t.Fatalf("%s does not load: %v %v", path, err, ds)
	}
	return m
}

// TestDiffDOTGolden draws the florist example with what changed since its version before
// the second workshop, in English and Dutch, with and without numbers: the DOT is golden and
// the SVG passes the check.
func TestDiffDOTGolden(t *testing.T) {
	m := loadExample(t, "examples/florist/florist.journey.yaml")
	old := loadExample(t, "examples/florist/before/florist.journey.yaml")
	nl, _ := lang.Get("nl")
	c := Change{Old: old, Since: "examples/florist/before/florist.journey.yaml"}
	tests := []struct {
		name string
		l    *lang.Language
	}{{"florist-diff.dot", nil}, {"florist-diff-nl.dot", nl}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DiffDOT(m, nil, c, tt.l)
			if again := DiffDOT(m, nil, c, tt.l); !bytes.Equal(got, again) {
				t.Fatal("DiffDOT is not deterministic")
			}
			checkGolden(t, tt.name, got)
			image(t, got)
		})
	}
}

// TestDiffDOTMarks checks what the picture of a change draws for each kind of change.
func TestDiffDOTMarks(t *testing.T) {
	m := loadExample(t, "examples/florist/florist.journey.yaml")
	old := loadExample(t, "examples/florist/before/florist.journey.yaml")
	dot := string(DiffDOT(m, nil, Change{Old: old, Since: "HEAD~1"}, nil))
	for _, want := range []string{
		"Changes since HEAD~1",
		"<S>Nieuwsbrief</S>",                      // the removed touchpoint, a ghost
		markAdded + " ADDED",                      // account-approved
		markChanged + " CHANGED: emotion -1 → -2", // delivery-question and complaint
		markChanged + " CHANGED: pains",           // trade-fair
		markMoved + " MOVED: place 2 → 1",         // trade-fair
		`PORT="o"`,                                // old emotion points
		`style=dashed, penwidth=1.5`,              // a removed edge, the old curve
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("the picture of the change lacks %q", want)
		}
	}
	same := string(DiffDOT(m, nil, Change{Old: m, Since: "HEAD"}, nil))
	for _, none := range []string{"<S>", markAdded + " ADDED", markChanged, markMoved + " MOVED", `PORT="o"`, "style=dashed"} {
		if strings.Contains(same, none) {
			t.Errorf("a map compared with itself is drawn with %q", none)
		}
	}
	if !strings.Contains(same, "no changes") {
		t.Error("a map compared with itself does not say it has no changes")
	}
}

// TestDiffDOTHostile draws a change of a map whose every text is an attack: the SVG passes
// the check, and the removed touchpoint's name shows as written.
func TestDiffDOTHostile(t *testing.T) {
	old := hostile()
	m := hostile()
	m.Stages[0].Touchpoints = m.Stages[0].Touchpoints[1:]
	m.Stages[0].Touchpoints[0].Index = 0
	svg := image(t, DiffDOT(m, nil, Change{Old: old, Since: `<b>"rev"</b>`}, nil))
	text := strings.Join(svgText(t, svg), "\n")
	for _, want := range []string{`R&D &amp; "quotes"`, `Changes since <b>"rev"</b>`} {
		if !strings.Contains(text, want) {
			t.Errorf("the svg does not show %q", want)
		}
	}
}

// FuzzDiffPicture draws the change between any two maps the loader accepts: Graphviz must lay
// it out (it fails silently on some tables, which Image turns into an error) and the SVG must
// pass the check.
func FuzzDiffPicture(f *testing.F) {
	f.Add([]byte(small("a b c", "1 0 -1")), []byte(small("a c d", "2 0 1")))
	f.Add([]byte(small("a b c d", "1 0 0 -2")), []byte(small("d b", "-2 -1")))
	f.Add([]byte(small("a b", "1 1")), []byte(small("b a", "2 -")))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, ds := journey.Check("old.journey.yaml", a)
		if old == nil || journey.HasErrors(ds, false) || len(old.Touchpoints()) > 30 {
			return
		}
		m, ds := journey.Check("new.journey.yaml", b)
		if m == nil || journey.HasErrors(ds, false) || len(m.Touchpoints()) > 30 {
			return
		}
		image(t, DiffDOT(m, nil, Change{Old: old, Since: "old"}, nil))
	})
}

// small writes a one-stage map of the touchpoints ids, with the emotions (- for none).
func small(ids, emotions string) string {
	var b strings.Builder
	b.WriteString("version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n")
	es := strings.Fields(emotions)
	for i, id := range strings.Fields(ids) {
		b.WriteString("      - {id: " + id + ", name: " + id)
		if es[i] != "-" {
			b.WriteString(", emotion: " + es[i])
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// TestDiffGlyphsInDejaVu checks that every character the picture of a change draws (its
// marks, bands and legend, in every language) exists in DejaVu Sans, bold ones in DejaVu
// Sans Bold, as TestGlyphsInDejaVu does for the picture.
func TestDiffGlyphsInDejaVu(t *testing.T) {
	fonts := map[bool]charset{false: readCharset(t, "DejaVuSans"), true: readCharset(t, "DejaVuSans-Bold")}
	m, old := florist(), florist()
	m.Touchpoints()[6].Name = "Eerste bestelling"
	old.Touchpoints()[6].Name = "Eerste bestelling"
	// A changed emotion, a touchpoint removed, two swapped and one added.
	*m.Touchpoints()[2].Emotion = -1
	m.Stages[0].Touchpoints = m.Stages[0].Touchpoints[1:]
	s1 := m.Stages[1].Touchpoints
	s1[0], s1[1] = s1[1], s1[0]
	m.Stages[2].Touchpoints = append(m.Stages[2].Touchpoints, &journey.Touchpoint{ID: "review", Name: "Review", Stage: m.Stages[2]})
	for i, tp := range m.Touchpoints() {
		tp.Index = i
	}
	for _, tag := range lang.Tags() {
		l, _ := lang.Get(tag)
		regular, bold := svgRunes(t, image(t, DiffDOT(m, nil, Change{Old: old, Since: "HEAD~1"}, l)))
		for isBold, runes := range map[bool]map[rune]string{false: regular, true: bold} {
			for c, text := range runes {
				if !fonts[isBold].has(c) {
					t.Errorf("%s: %U %q (bold %v) is not in DejaVu Sans, in %q", tag, c, c, isBold, text)
				}
			}
		}
	}
}

// TestDiffLegendOfRemovedMarks: a removed touchpoint's card is drawn without its pains,
// gains, moment of truth or goal, so the legend of the picture of a change does not explain
// those marks when only removed touchpoints had them; its edges name no port the card lacks.
func TestDiffLegendOfRemovedMarks(t *testing.T) {
	old, ds := journey.Check("old.journey.yaml", []byte(`version: 1
id: m
title: M
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A}
      - {id: x, name: X, pains: [Slow], gains: [Nice], moment_of_truth: true}
      - {id: g, name: G, goal: true}
`))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	m, ds := journey.Check("new.journey.yaml", []byte("version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A}\n      - {id: b, name: B, next: []}\n"))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	en := lang.English()
	dot := string(DiffDOT(m, nil, Change{Old: old, Since: "old"}, en))
	for _, mark := range []string{">" + en.Pain + "<", ">" + en.Gain + "<", en.MomentOfTruth, en.GoalMark} {
		if strings.Contains(dot, mark) {
			t.Errorf("the legend explains %q, which no card shows", mark)
		}
	}
	if _, err := Image(context.Background(), []byte(dot), SVG, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	ghosts := map[string]bool{}
	for _, g := range regexp.MustCompile(`(?m)^\s*(t\d+) \[label=<<TABLE[^>]*STYLE="rounded,dashed"`).FindAllStringSubmatch(dot, -1) {
		ghosts[g[1]] = true
	}
	if len(ghosts) != 2 {
		t.Fatalf("%d removed cards drawn, want 2", len(ghosts))
	}
	for _, e := range regexp.MustCompile(`(?m)^\s*(t\d+) -> (t\d+) \[tailport=("h:e"|e), headport=("b:w"|w)`).FindAllStringSubmatch(dot, -1) {
		if ghosts[e[1]] == (e[3] != "e") || ghosts[e[2]] == (e[4] != "w") {
			t.Errorf("edge %s -> %s leaves at %s and enters at %s", e[1], e[2], e[3], e[4])
		}
	}
}

// changedCardsOld and changedCardsNew are two versions of a map whose cards have long bands:
// many fields changed (on a moment of truth, with its thicker border, too) and a move
// between stages with long ids.
const (
	changedCardsOld = `version: 1
id: m
title: M
stages:
  - id: aanvragen-en-registreren
    name: Aanvragen
    touchpoints:
      - {id: a, name: A, channel: app, owner: verhuur, emotion: 1}
      - {id: b, name: B, channel: app, emotion: -1, moment_of_truth: true}
      - {id: c, name: C, emotion: 0}
  - id: reageren-op-het-aanbod
    name: Reageren
    touchpoints:
      - {id: d, name: D, emotion: 1}
`
	changedCardsNew = `version: 1
id: m
title: M
stages:
  - id: aanvragen-en-registreren
    name: Aanvragen
    touchpoints:
      - {id: a, name: A, channel: chat, owner: verhuur, emotion: 1, feeling: hoopvol, systems: [crm], duration: 5m,
         expectation: Snel antwoord, opportunities: [Push-bericht], gains: [Eindelijk kans]}
      - {id: b, name: B, channel: app, emotion: -2, moment_of_truth: true, cost: 3, pains: [Traag]}
  - id: reageren-op-het-aanbod
    name: Reageren
    touchpoints:
      - {id: d, name: D, emotion: 1}
      - {id: c, name: C, emotion: 0}
`
)

// TestDiffCardsShareOneWidth draws cards whose bands say much, in every language, and
// wants every card cardWidth wide and centred on its column, as TestCardsShareOneWidth
// wants the cards of a map: a long band wraps inside its card.
func TestDiffCardsShareOneWidth(t *testing.T) {
	old, ds := journey.Check("old.journey.yaml", []byte(changedCardsOld))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	m, ds := journey.Check("new.journey.yaml", []byte(changedCardsNew))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	for _, code := range []string{"en", "nl"} {
		l, _ := lang.Get(code)
		dot := DiffDOT(m, nil, Change{Old: old, Since: "old"}, l)
		for _, want := range []string{markChanged, markMoved} {
			if !bytes.Contains(dot, []byte(want)) {
				t.Fatalf("%s: the picture lacks the band %q", code, want)
			}
		}
		nodes := nodeShapes(t, image(t, dot))
		for _, tp := range m.Touchpoints() {
			k := strconv.Itoa(tp.Index)
			checkCard(t, code, false, tp, nodes["t"+k], span(nodes["e"+k]), nodes["p"+k])
		}
	}
}

// kpiMap is a one-touchpoint map with the KPI targets kpis (YAML flow), none when "".
func kpiMap(kpis string) string {
	m := "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A, emotion: 1"
	if kpis != "" {
		m += ", kpis: " + kpis
	}
	return m + "}\n"
}

// TestDiffDOTKPIs wants a card to say what happened to its KPI targets as journey diff says
// it, in the language's words: added or removed with the target, or which bound changed.
func TestDiffDOTKPIs(t *testing.T) {
	nl, _ := lang.Get("nl")
	for _, tt := range []struct {
		name, old, new string
		l              *lang.Language
		want, not      string
	}{
		{"added", "", "[{metric: conversion, min: 0.25}]", nl,
			markAdded + " TOEGEVOEGD: KPI conversion (min 0,25)", markChanged},
		{"added en", "", "[{metric: conversion, min: 0.25}]", lang.English(),
			markAdded + " ADDED: KPI conversion (min 0.25)", markChanged},
		{"removed", "[{metric: conversion, min: 0.25, max: 0.9}]", "", nl,
			markRemoved + " VERWIJDERD: KPI conversion (min 0,25, max 0,9)", markChanged},
		{"bound changed", "[{metric: conversion, min: 0.25}]", "[{metric: conversion, min: 0.3}]", nl,
			markChanged + " GEWIJZIGD: KPI conversion min", markAdded + " TOEGEVOEGD"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old, ds := journey.Check("old.journey.yaml", []byte(kpiMap(tt.old)))
			if journey.HasErrors(ds, false) {
				t.Fatal(ds)
			}
			m, ds := journey.Check("new.journey.yaml", []byte(kpiMap(tt.new)))
			if journey.HasErrors(ds, false) {
				t.Fatal(ds)
			}
			dot := string(DiffDOT(m, nil, Change{Old: old, Since: "old"}, tt.l))
			if !strings.Contains(strings.ReplaceAll(dot, "<BR/>", " "), tt.want) {
				t.Errorf("the card lacks %q", tt.want)
			}
			for _, not := range []string{tt.not, "kpis"} {
				if strings.Contains(dot, not) {
					t.Errorf("the card says %q", not)
				}
			}
			image(t, []byte(dot))
		})
	}
}

// TestDiffStageBorders: an added stage is drawn with its green border and a removed one with
// its dashed grey one, though the cluster around the stages has none.
func TestDiffStageBorders(t *testing.T) {
	const head = "version: 1\nid: m\ntitle: M\nstages:\n  - id: keep\n    name: Keep\n    touchpoints:\n      - {id: a, name: A, goal: true}\n"
	old := loadMap(t, head+"  - id: gone\n    name: Gone\n    touchpoints:\n      - {id: b, name: B}\n")
	m := loadMap(t, head+"  - id: new\n    name: New\n    touchpoints:\n      - {id: c, name: C}\n")
	svg := image(t, DiffDOT(m, nil, Change{Old: old, Since: "HEAD"}, nil))
	borders := map[string]string{} // each stage cluster's path
	for _, c := range clusterPath.FindAllSubmatch(svg, -1) {
		borders[string(c[1])] = string(c[2])
	}
	for stage, want := range map[string]string{
		"cluster_s0": `stroke="none"`,                                                  // kept: no border
		"cluster_s1": `stroke="` + ghostLine + `" stroke-width="1.5" stroke-dasharray`, // removed, where it was
		"cluster_s2": `stroke="` + addedLine + `" stroke-width="2.5"`,
	} {
		if !strings.Contains(borders[stage], want) {
			t.Errorf("%s is drawn %q, want %s", stage, borders[stage], want)
		}
	}
}

// clusterPath matches a cluster's title and the attributes of the path that draws it.
var clusterPath = regexp.MustCompile(`<title>(cluster_s\d+)</title>\s*<path ([^>]*)>`)

// loadMap loads a map from YAML text that must have no errors.
func loadMap(t *testing.T, src string) *journey.Map {
	t.Helper()
	m, ds := journey.Check("m.journey.yaml", []byte(src))
	if journey.HasErrors(ds, false) {
		t.Fatalf("the map has errors: %v", ds)
	}
	return m
}
