package markov

import "math"

// solve solves a x = b for the square row-major matrix a by Gaussian elimination with
// partial pivoting, leaving x in b; a is overwritten. It reports false when a is singular.
// Products are rounded before they are added (float64(x*y)), which keeps the compiler from
// fusing them into one multiply-add on machines that have it: the same chain gives the same
// bits everywhere.
func solve(a, b []float64) bool {
	m := len(b)
	for col := range m {
		p := pivot(a, m, col)
		if a[p*m+col] == 0 {
			return false
		}
		swapRows(a, b, m, p, col)
		for r := col + 1; r < m; r++ {
			f := a[r*m+col] / a[col*m+col]
			if f == 0 {
				continue
			}
			for j := col; j < m; j++ {
				a[r*m+j] -= float64(f * a[col*m+j])
			}
			b[r] -= float64(f * b[col])
		}
	}
	for r := m - 1; r >= 0; r-- {
		s := b[r]
		for j := r + 1; j < m; j++ {
			s -= float64(a[r*m+j] * b[j])
		}
		b[r] = s / a[r*m+r]
	}
	return true
}

// pivot returns the row, from col down, with the largest magnitude in column col.
func pivot(a []float64, m, col int) int {
	best := col
	for r := col + 1; r < m; r++ {
		if math.Abs(a[r*m+col]) > math.Abs(a[best*m+col]) {
			best = r
		}
	}
	return best
}

// swapRows swaps rows i and j of a and of b.
func swapRows(a, b []float64, m, i, j int) {
	if i == j {
		return
	}
	for c := range m {
		a[i*m+c], a[j*m+c] = a[j*m+c], a[i*m+c]
	}
	b[i], b[j] = b[j], b[i]
}
