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

// TestWhatifAnswer: the answer says nothing changed only when the outcome table shows no
// change, counts one user in the singular (more of them, and all of them), a loss as fewer
// users, and a fraction of a user with the digits that show it.
func TestWhatifAnswer(t *testing.T) {
	en, _ := lang.Get("en")
	nl, _ := lang.Get("nl")
	for _, tc := range []struct {
		l          *lang.Language
		users      int64
		base, scen float64
		want       string
	}{
		{en, 2, 0.5, 0.51, "Skipping “X” gives about 0.02 more users reaching “G” per 2 users (50.0% -> 51.0%)."},
		{en, 2, 0.5, 0.5, "Skipping “X” changes nothing measurable: 50.0% reach “G” either way."},
		{en, 10, 0.5, 0.6, "Skipping “X” gives about 1 more user reaching “G” per 10 users (50.0% -> 60.0%)."},
		{en, 100, 0.5, 0.4, "Skipping “X” gives about 10 fewer users reaching “G” per 100 users (50.0% -> 40.0%)."},
		{nl, 10, 0.5, 0.4, "‘X’ overslaan levert ongeveer 1 klant minder op die ‘G’ bereikt, per 10 klanten (50,0% -> 40,0%)."},
		{nl, 100, 0.5, 0.6, "‘X’ overslaan levert ongeveer 10 klanten meer op die ‘G’ bereiken, per 100 klanten (50,0% -> 60,0%)."},
		{en, 1, 0, 1, "Skipping “X” gives about 1 more user reaching “G” per 1 user (0.0% -> 100.0%)."},
		{nl, 1, 0, 1, "‘X’ overslaan levert ongeveer 1 klant meer op die ‘G’ bereikt, per 1 klant (0,0% -> 100,0%)."},
	} {
		n := float64(tc.users)
		r := &whatif.Report{Journey: "j", Users: tc.users, Goal: "G", Changes: []whatif.Change{{Skip: "x"}}, ChangeNames: []string{"X"},
			Baseline: whatif.Outcome{P: tc.base, GoalUsers: n * tc.base}, Scenario: whatif.Outcome{P: tc.scen, GoalUsers: n * tc.scen},
			Difference: whatif.Outcome{P: tc.scen - tc.base, GoalUsers: n*tc.scen - n*tc.base}}
		if _, got, _ := whatifLines(r, tc.l); got != tc.want {
			t.Errorf("%d users, %v -> %v:\n got %s\nwant %s", tc.users, tc.base, tc.scen, got, tc.want)
		}
	}
}

// TestKPISummary: one KPI target met is said in the singular, in both languages.
func TestKPISummary(t *testing.T) {
	en, _ := lang.Get("en")
	nl, _ := lang.Get("nl")
	same := func(s string) string { return s }
	one, two := []analysis.KPIResult{{OK: true}}, []analysis.KPIResult{{OK: true}, {OK: true}}
	for _, tc := range []struct {
		l    *lang.Language
		ks   []analysis.KPIResult
		want string
	}{
		{en, one, "KPI target: 1 met"}, {en, two, "KPI targets: all 2 met"},
		{nl, one, "KPI-norm: 1 gehaald"}, {nl, two, "KPI-normen: alle 2 gehaald"},
	} {
		if got := (human{tc.l}).kpiSummary(tc.ks, same); got != tc.want {
			t.Errorf("%s, %d met: %q, want %q", tc.l.Tag, len(tc.ks), got, tc.want)
		}
	}
}

// TestAbout pins how the whatif answer rounds a number of users: whole from 1 up, one
// decimal below, and below 0.05 to its first digit, also for a number a little under it as
// floating point computes it (6 * 1/600 is 0.009999…).
func TestAbout(t *testing.T) {
	en := mustLang(t, "en")
	for v, want := range map[float64]string{
		6.4: "6", 1: "1", 0.44: "0.4", 0.05: "0.1", 0.02: "0.02", 6 * (1.0 / 600): "0.01",
		0.0099999999999: "0.01", 0.0004: "0.0004", -0.02: "-0.02", 0: "0.0",
	} {
		if got := about(en, v); got != want {
			t.Errorf("about(%v) = %q, want %q", v, got, want)
		}
	}
}
