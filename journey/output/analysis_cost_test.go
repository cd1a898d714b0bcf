package output

import (
	"testing"

	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// TestCostLine writes the cost sentence in each language's words and number format.
func TestCostLine(t *testing.T) {
	nl, err := lang.Get("nl")
	if err != nil {
		t.Fatal(err)
	}
	eur, per := "EUR", 76.29850746268657
	c := &analysis.Cost{Total: 5112, PerGoalUser: &per, Currency: &eur}
	for _, tc := range []struct {
		l    *lang.Language
		c    *analysis.Cost
		want string
	}{
		{lang.English(), c, "Cost: EUR 5,112.00 in all, EUR 76.30 per user who reached a goal"},
		{nl, c, "Kosten: EUR 5.112,00 in totaal, EUR 76,30 per klant die een doel bereikte"},
		{lang.English(), &analysis.Cost{Total: 0.5}, "Cost: 0.50 in all"},
		{lang.English(), nil, ""},
	} {
		if got := CostLine(tc.l, tc.c); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.l.Tag, got, tc.want)
		}
	}
}
