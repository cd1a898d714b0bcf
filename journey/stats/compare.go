package stats

// Group is one group's successes, trials and rate (null when it has no trials).
type Group struct {
	X    int64    `json:"x"`
	N    int64    `json:"n"`
	Rate *float64 `json:"rate"`
}

// Comparison is one rate compared between groups A (the baseline) and B, as SPEC section
// 8 defines it; a number that does not exist is nil.
type Comparison struct {
	A Group `json:"a"`
	B Group `json:"b"`
	// Difference is pB - pA; Relative is Difference / pA.
	Difference *float64 `json:"difference"`
	Relative   *float64 `json:"relative"`
	// CI is the 95% interval of Difference (Newcombe's method 10), whatever alpha.
	CI *[2]float64 `json:"ci"`
	// PValue is the two-sided pooled z-test's; Significant is PValue < alpha.
	PValue      *float64 `json:"p_value"`
	Significant bool     `json:"significant"`
}

// Compare compares xA of nA with xB of nB at significance level alpha.
func Compare(xA, nA, xB, nB int64, alpha float64) Comparison {
	c := Comparison{A: group(xA, nA), B: group(xB, nB)}
	if nA == 0 || nB == 0 {
		return c
	}
	d := *c.B.Rate - *c.A.Rate
	c.Difference = &d
	if *c.A.Rate != 0 {
		rel := d / *c.A.Rate
		c.Relative = &rel
	}
	lo, hi := Newcombe(xA, nA, xB, nB)
	c.CI = &[2]float64{lo, hi}
	if p, ok := ZTest(xA, nA, xB, nB); ok {
		c.PValue = &p
		c.Significant = p < alpha
	}
	return c
}

func group(x, n int64) Group {
	g := Group{X: x, N: n}
	if n > 0 {
		r := float64(x) / float64(n)
		g.Rate = &r
	}
	return g
}
