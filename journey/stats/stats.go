package stats

import "math"

// Z95 is the standard normal quantile of a two-sided 95% interval.
const Z95 = 1.959963984540054

// Wilson returns the 95% Wilson score interval of x successes in n > 0 trials.
func Wilson(x, n int64) (lo, hi float64) {
	p, nn := float64(x)/float64(n), float64(n)
	z2 := Z95 * Z95
	d := 1 + z2/nn
	centre := (p + z2/(2*nn)) / d
	half := Z95 / d * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn))
	// At x = 0 and x = n the bounds are 0 and 1 exactly; rounding must not leave them a
	// hair outside.
	return max(0, centre-half), min(1, centre+half)
}

// Newcombe returns the 95% interval of the difference pB - pA of xB/nB and xA/nA (both n
// > 0) by Newcombe's hybrid score method (his method 10), from the Wilson intervals of each.
func Newcombe(xA, nA, xB, nB int64) (lo, hi float64) {
	pA, pB := float64(xA)/float64(nA), float64(xB)/float64(nB)
	lA, uA := Wilson(xA, nA)
	lB, uB := Wilson(xB, nB)
	d := pB - pA
	return d - math.Hypot(pB-lB, uA-pA), d + math.Hypot(uB-pB, pA-lA)
}

// ZTest returns the two-sided p-value of the pooled two-proportion z-test of xA/nA against
// xB/nB (both n > 0); ok is false when the pooled rate is 0 or 1, where the test does not
// exist.
func ZTest(xA, nA, xB, nB int64) (p float64, ok bool) {
	pooled := float64(xA+xB) / float64(nA+nB)
	if pooled <= 0 || pooled >= 1 {
		return 0, false
	}
	pA, pB := float64(xA)/float64(nA), float64(xB)/float64(nB)
	z := (pB - pA) / math.Sqrt(pooled*(1-pooled)*(1/float64(nA)+1/float64(nB)))
	return math.Erfc(math.Abs(z) / math.Sqrt2), true
}
