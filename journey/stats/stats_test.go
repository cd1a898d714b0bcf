package stats

import (
	"math"
	"testing"
)

// round4 rounds to the 4 decimals the literature prints.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// TestNewcombeLiterature checks method 10 against the worked examples of Newcombe (1998),
// "Interval estimation for the difference between independent proportions: comparison of
// eleven methods", Statistics in Medicine 17:873-890, table II, examples (a) and (b), as
// also reproduced by the tests of the R package propint (ci.two.indep.props):
// 56/70 - 48/80 = 0.2000 with 95% interval 0.0524 to 0.3339, and 9/10 - 3/10 = 0.6000 with
// 0.1705 to 0.8090. Group A is the second proportion: the difference is pB - pA.
func TestNewcombeLiterature(t *testing.T) {
	for _, tc := range []struct {
		xB, nB, xA, nA int64
		diff, lo, hi   float64
	}{
		{56, 70, 48, 80, 0.2000, 0.0524, 0.3339},
		{9, 10, 3, 10, 0.6000, 0.1705, 0.8090},
	} {
		lo, hi := Newcombe(tc.xA, tc.nA, tc.xB, tc.nB)
		d := float64(tc.xB)/float64(tc.nB) - float64(tc.xA)/float64(tc.nA)
		if round4(d) != tc.diff || round4(lo) != tc.lo || round4(hi) != tc.hi {
			t.Errorf("%d/%d - %d/%d = %.4f (%.4f to %.4f), want %.4f (%.4f to %.4f)",
				tc.xB, tc.nB, tc.xA, tc.nA, d, lo, hi, tc.diff, tc.lo, tc.hi)
		}
	}
}

// TestWilson: 0 of n has lower bound 0 exactly and n of n upper bound 1; 56 of 70 by hand:
// centre (0.8 + z²/140) / (1 + z²/70), half-width z / (1 + z²/70) * sqrt(0.8*0.2/70 + z²/19600).
func TestWilson(t *testing.T) {
	if lo, hi := Wilson(0, 10); lo != 0 || round4(hi) != 0.2775 {
		t.Errorf("0/10: %v to %v, want 0 to 0.2775", lo, hi)
	}
	if lo, hi := Wilson(10, 10); round4(lo) != 0.7225 || hi != 1 {
		t.Errorf("10/10: %v to %v, want 0.7225 to 1", lo, hi)
	}
	z2 := Z95 * Z95
	centre := (0.8 + z2/140) / (1 + z2/70)
	half := Z95 / (1 + z2/70) * math.Sqrt(0.8*0.2/70+z2/19600)
	if lo, hi := Wilson(56, 70); math.Abs(lo-(centre-half)) > 1e-15 || math.Abs(hi-(centre+half)) > 1e-15 {
		t.Errorf("56/70: %v to %v, want %v to %v", lo, hi, centre-half, centre+half)
	}
}

// TestZTest: 48/80 against 56/70 pools to 104/150, so z = 0.2 / sqrt(104/150 * 46/150 *
// (1/80 + 1/70)) = 2.6502, the statistic at delta 0 that GSK's cicalc prints for the
// same table ("At 0 the statistic is 2.65"), and the two-sided p-value is erfc(z/sqrt 2) =
// 0.0080. Pooled rates of 0 or 1 have no test.
func TestZTest(t *testing.T) {
	p, ok := ZTest(48, 80, 56, 70)
	z := 0.2 / math.Sqrt(104.0/150*46.0/150*(1.0/80+1.0/70))
	if round4(z) != 2.6502 {
		t.Fatalf("hand z = %v", z)
	}
	if !ok || math.Abs(p-math.Erfc(z/math.Sqrt2)) > 1e-15 || round4(p) != 0.0080 {
		t.Errorf("p = %v (%v), want %v", p, ok, math.Erfc(z/math.Sqrt2))
	}
	if p2, _ := ZTest(56, 70, 48, 80); p2 != p {
		t.Errorf("the test is not two-sided: %v and %v", p, p2)
	}
	for _, c := range [][4]int64{{0, 10, 0, 20}, {10, 10, 20, 20}} {
		if _, ok := ZTest(c[0], c[1], c[2], c[3]); ok {
			t.Errorf("%v: a pooled rate of 0 or 1 has no p-value", c)
		}
	}
}

// TestCompare checks the nulls of SPEC section 8 and the assembly of the numbers.
func TestCompare(t *testing.T) {
	r := Compare(48, 80, 56, 70, 0.05)
	if r.A.Rate == nil || *r.A.Rate != 0.6 || *r.B.Rate != 0.8 {
		t.Fatalf("rates %v %v", r.A.Rate, r.B.Rate)
	}
	if round4(*r.Difference) != 0.2 || round4(*r.Relative) != round4(0.2/0.6) {
		t.Errorf("difference %v, relative %v", *r.Difference, *r.Relative)
	}
	if r.CI == nil || round4(r.CI[0]) != 0.0524 || round4(r.CI[1]) != 0.3339 {
		t.Errorf("ci %v", r.CI)
	}
	if !r.Significant || round4(*r.PValue) != 0.0080 {
		t.Errorf("p %v, significant %v", *r.PValue, r.Significant)
	}
	if r := Compare(48, 80, 56, 70, 0.005); r.Significant {
		t.Error("p = 0.008 is significant at alpha 0.005")
	}
	empty := Compare(3, 10, 0, 0, 0.05)
	if empty.B.Rate != nil || empty.Difference != nil || empty.Relative != nil || empty.CI != nil ||
		empty.PValue != nil || empty.Significant || *empty.A.Rate != 0.3 || empty.A.N != 10 {
		t.Errorf("an empty group: %+v", empty)
	}
	zero := Compare(0, 10, 2, 10, 0.05)
	if zero.Relative != nil || zero.Difference == nil || zero.PValue == nil {
		t.Errorf("pA = 0: %+v", zero)
	}
	same := Compare(0, 10, 0, 10, 0.05)
	if same.PValue != nil || same.Significant || same.CI == nil {
		t.Errorf("both 0: %+v", same)
	}
}
