package output

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/attribution"
	"github.com/journey-cx/journey/journey/compare"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/whatif"
)

// decisionsDir holds the goldens of the attribute, whatif and compare printers.
const decisionsDir = "../../testdata/decisions"

// formatExt is the golden file extension of each format.
var formatExt = map[string]string{"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}

// florist loads the florist example and reads its events with opts prepared by prepare.
func florist(t *testing.T, prepare func(*journey.Map, *events.Options)) (*journey.Map, *events.Log) {
	t.Helper()
	m, ds, err := journey.Load("../../examples/florist/florist.journey.yaml")
	if err != nil || journey.HasErrors(ds, false) {
		t.Fatal(err, ds)
	}
	eo := events.Options{ID: m.Identity}
	prepare(m, &eo)
	log, err := events.Read(context.Background(), []events.Source{events.FileSource("../../examples/florist/events.csv")}, eo)
	if err != nil {
		t.Fatal(err)
	}
	return m, log
}

// checkAll prints v in every format of reg, in English and, for the formats for people,
// in Dutch, and compares each with its golden NAME[.nl].EXT.
func checkAll[T any](t *testing.T, reg *Registry[T], name string, v T) {
	t.Helper()
	nl, _ := lang.Get("nl")
	for _, format := range reg.Names() {
		langs := map[string]*lang.Language{"": nil}
		if format == "table" || format == "markdown" {
			langs[".nl"] = nl
		}
		for suffix, l := range langs {
			p, _ := reg.Lookup(format)
			var b bytes.Buffer
			if err := p(&b, v, Options{Lang: l}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(decisionsDir, name+suffix+"."+formatExt[format]), b.Bytes())
		}
	}
}

func TestAttributionPrinters(t *testing.T) {
	m, log := florist(t, func(m *journey.Map, eo *events.Options) { attribution.Prepare(m, eo, "amount") })
	r, err := attribution.Attribute(m, log, attribution.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, &Attribution, "attribute", r)
	if r, err = attribution.Attribute(m, log, attribution.Options{By: attribution.ByOwner, Value: true, ValueColumn: "amount",
		Models: []string{attribution.Markov}}); err != nil {
		t.Fatal(err)
	}
	checkAll(t, &Attribution, "attribute-value", r)
}

func TestWhatifPrinters(t *testing.T) {
	m, log := florist(t, whatif.Prepare)
	r, err := whatif.Fit(m, log, 0).Run([]whatif.Change{{Improve: "account-approved", By: 0.5}, {Skip: "trade-fair"}})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, &Whatif, "whatif", r)
}

func TestComparePrinters(t *testing.T) {
	m, log := florist(t, func(m *journey.Map, eo *events.Options) {
		eo.By = "source"
		if err := analysis.Prepare(m, eo); err != nil {
			t.Fatal(err)
		}
	})
	a := analysis.Analyze(m, log, analysis.Options{By: "source"})
	na, _ := compare.Segment(a, "source", "linkedin")
	nb, _ := compare.Segment(a, "source", "vakbeurs")
	checkAll(t, &Compare, "compare", compare.Compare(m, na, nb, compare.Groups{Column: "source", A: "linkedin", B: "vakbeurs"}, 0.1))
}

// TestHostileNames: user text reaches the outputs escaped: no control characters on a
// terminal or in markdown, no pipe breaking a markdown table, no formula in a CSV cell.
func TestHostileNames(t *testing.T) {
	evil := "=cmd|x\x1b[31m"
	r := &attribution.Report{Journey: "j", By: "channel", Paths: 1, Conversions: 1, Value: 1, Touches: 1,
		Models: []string{attribution.First}, Channels: []attribution.Channel{{Channel: evil, Touches: 1,
			Credit: attribution.Numbers{{Key: attribution.First, Value: 1}}, Value: attribution.Numbers{{Key: attribution.First, Value: 1}}}}}
	checkAll(t, &Attribution, "hostile-attribute", r)
}
