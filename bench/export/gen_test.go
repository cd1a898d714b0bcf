package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
)

// export runs the command with args and returns what it writes.
func export(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if err := run(args, &out, &errs); err != nil {
		t.Fatalf("export %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	return out.Bytes()
}

// TestExport checks, for every kind of identity and time, that the export is deterministic,
// well-formed CSV in time order, with identities of the asked length.
func TestExport(t *testing.T) {
	idLen := map[string]int{"uuid": 36, "ga4": 21}
	for _, ids := range []string{"uuid", "ga4", "short"} {
		for _, times := range []string{"millis", "seconds", "micros"} {
			args := []string{"-rows", "3000", "-users", "500", "-active", "50", "-names", "40", "-ids", ids, "-times", times}
			a, b := export(t, args...), export(t, args...)
			if !bytes.Equal(a, b) {
				t.Fatalf("%v: two runs differ", args)
			}
			rows, err := csv.NewReader(bytes.NewReader(a)).ReadAll()
			if err != nil || len(rows) != 3001 {
				t.Fatalf("%v: %d records, %v", args, len(rows), err)
			}
			for i, r := range rows[1:] {
				if n := idLen[ids]; n > 0 && len(r[0]) != n {
					t.Fatalf("%v: identity %q, want %d bytes", args, r[0], n)
				}
				if i > 0 && times != "micros" && r[1] < rows[i][1] {
					t.Fatalf("%v: row %d goes back in time: %s after %s", args, i+2, r[1], rows[i][1])
				}
			}
		}
	}
}

// TestShopMap reads an export against the shop map, as the benchmark does: the map lints
// cleanly, every row is read, and the funnel and the exclusion see events.
func TestShopMap(t *testing.T) {
	src, err := os.ReadFile("shop.journey.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, diags := journey.Check("shop.journey.yaml", src)
	if m == nil || journey.HasErrors(diags, true) {
		t.Fatalf("the shop map has problems: %v", diags)
	}
	data := export(t, "-rows", "20000", "-users", "2000", "-active", "200")
	opts := events.Options{ID: m.Identity, Time: "event_timestamp", Event: "event_name"}
	if err := analysis.Prepare(m, &opts); err != nil {
		t.Fatal(err)
	}
	log, err := events.Read(context.Background(), []events.Source{events.ReaderSource("export.csv", bytes.NewReader(data))}, opts)
	if err != nil {
		t.Fatal(err)
	}
	r := analysis.Analyze(m, log, analysis.Options{Identity: opts.ID})
	if r.Input.Rows != 20000 || r.Input.Skipped != 0 || r.Input.Mapped == 0 {
		t.Errorf("input %+v; want 20000 rows, none skipped, some mapped", r.Input)
	}
	for _, f := range r.Funnels {
		if last := f.Steps[len(f.Steps)-1]; last.Users == 0 {
			t.Errorf("no user completes funnel %s", f.ID)
		}
	}
}

// TestFlags refuses flags that give no export.
func TestFlags(t *testing.T) {
	for _, args := range [][]string{{"-ids", "email"}, {"-times", "days"}, {"-names", "3"}, {"-users", "0"}} {
		var out, errs bytes.Buffer
		if err := run(args, &out, &errs); err == nil {
			t.Errorf("export %v did not fail", args)
		}
	}
}
