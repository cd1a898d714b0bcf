package analysis

import (
	"cmp"
	"context"
	"path/filepath"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// crossDir holds the public data sets the engine is checked against (see PROVENANCE.md).
const crossDir = "../../testdata/analysis"

// analyzeFiles loads a map, reads its event file with the given options and analyzes it.
func analyzeFiles(t *testing.T, mapPath, eventsPath string, eo events.Options) *Report {
	t.Helper()
	m, ds, err := journey.Load(mapPath)
	if err != nil || journey.HasErrors(ds, false) {
		t.Fatalf("load %s: %v %v", mapPath, err, ds)
	}
	eo.ID = cmp.Or(m.Identity, events.DefaultID)
	if err := Prepare(m, &eo); err != nil {
		t.Fatal(err)
	}
	log, err := events.Read(context.Background(), []events.Source{events.FileSource(eventsPath)}, eo)
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(m, log, Options{Identity: eo.ID, By: eo.By})
}

// TestRunningExampleDFG pins the directly-follows graph of the process-mining running
// example (6 cases, 42 events), counted by hand from the file: 36 pairs on 16 edges.
func TestRunningExampleDFG(t *testing.T) {
	r := analyzeFiles(t, filepath.Join(crossDir, "pm4py/running-example.journey.yaml"),
		filepath.Join(crossDir, "pm4py/running-example.csv"), events.Options{Time: "time:timestamp", Event: "concept:name"})
	want := []Transition{
		{From: "check-ticket", To: "decide", Count: 6, Users: 4, OnMap: true},
		{From: "examine-casually", To: "check-ticket", Count: 4, Users: 3, OnMap: true},
		{From: "decide", To: "pay-compensation", Count: 3, Users: 3, OnMap: true},
		{From: "decide", To: "reinitiate-request", Count: 3, Users: 2, OnMap: true},
		{From: "decide", To: "reject-request", Count: 3, Users: 3, OnMap: true},
		{From: "register-request", To: "examine-casually", Count: 3, Users: 3, OnMap: true},
		{From: "check-ticket", To: "examine-casually", Count: 2, Users: 2, OnMap: true},
		{From: "examine-casually", To: "decide", Count: 2, Users: 2, OnMap: true},
		{From: "examine-thoroughly", To: "check-ticket", Count: 2, Users: 2, OnMap: true},
		{From: "register-request", To: "check-ticket", Count: 2, Users: 2, OnMap: true},
		{From: "check-ticket", To: "examine-thoroughly", Count: 1, Users: 1, OnMap: true},
		{From: "examine-thoroughly", To: "decide", Count: 1, Users: 1, OnMap: true},
		{From: "register-request", To: "examine-thoroughly", Count: 1, Users: 1, OnMap: true},
		{From: "reinitiate-request", To: "check-ticket", Count: 1, Users: 1, OnMap: true},
		{From: "reinitiate-request", To: "examine-casually", Count: 1, Users: 1, OnMap: true},
		{From: "reinitiate-request", To: "examine-thoroughly", Count: 1, Users: 1, OnMap: true},
	}
	if diff := gocmp.Diff(want, r.Transitions); diff != "" {
		t.Errorf("directly-follows graph (-want +got):\n%s", diff)
	}
	if r.Input.Users != 6 || r.Input.Mapped != 42 || r.Goal.Users != 6 {
		t.Errorf("input %+v, goal %+v; want 6 cases, 42 mapped events, 6 reaching an outcome", r.Input, r.Goal)
	}
}

// TestCliqueBait checks the engine against the figures published for the "8 Week SQL
// Challenge" case study 6, one visit per journey: 3,564 visits, 1,777 (49.86%) with a
// purchase, 2,103 reaching the checkout page (15.50% of them not buying), the page views of
// the top pages, and views, cart adds and purchases per product.
func TestCliqueBait(t *testing.T) {
	r := analyzeFiles(t, filepath.Join(crossDir, "cliquebait/cliquebait.journey.yaml"),
		filepath.Join(crossDir, "cliquebait/events.csv.gz"), events.Options{})
	if r.Input.Rows != 32734 || r.Input.Mapped != 32734 || r.Input.Users != 3564 {
		t.Errorf("input = %+v, want 32734 rows, all mapped, 3564 visits", r.Input)
	}
	if r.Goal.Users != 1777 || r.Goal.Rate == nil || round(*r.Goal.Rate, 4) != 0.4986 {
		t.Errorf("goal = %d visits, rate %v; want 1777, 0.4986", r.Goal.Users, r.Goal.Rate)
	}
	users := map[string]int64{}
	for _, tp := range r.Touchpoints {
		users[tp.ID] = tp.Users
	}
	for id, want := range map[string]int64{"all-products": 3174, "checkout": 2103, "home": 1782} {
		if users[id] != want {
			t.Errorf("visits viewing %s = %d, want %d", id, users[id], want)
		}
	}
	checkout := r.Funnels[0].Steps
	if checkout[1].Users != 1777 || round(1-*checkout[1].ConversionFromPrevious, 4) != 0.1550 {
		t.Errorf("checkout funnel = %+v, want 2103 -> 1777 (15.50%% not buying)", checkout)
	}
	want := map[string][3]int64{
		"buy-oyster": {1568, 943, 726}, "buy-crab": {1564, 949, 719}, "buy-russian-caviar": {1563, 946, 697},
		"buy-kingfish": {1559, 920, 707}, "buy-salmon": {1559, 938, 711}, "buy-lobster": {1547, 968, 754},
		"buy-abalone": {1525, 932, 699}, "buy-tuna": {1515, 931, 697}, "buy-black-truffle": {1469, 924, 707},
	}
	for _, f := range r.Funnels[1:] {
		got := [3]int64{f.Steps[0].Users, f.Steps[1].Users, f.Steps[2].Users}
		if got != want[f.ID] {
			t.Errorf("%s: views, adds, purchases = %v, want %v", f.ID, got, want[f.ID])
		}
	}
}

func round(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(v*p+0.5)) / p
}
