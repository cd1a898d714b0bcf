package analysis

// float returns a pointer to v, for the report's nullable numbers.
func float(v float64) *float64 { return &v }

// ratio returns a/b, or nil when b is zero.
func ratio(a, b int64) *float64 {
	if b == 0 {
		return nil
	}
	return float(float64(a) / float64(b))
}

// seconds converts nanoseconds to seconds.
func seconds(ns int64) float64 { return float64(ns) / 1e9 }

// mean returns the mean of gaps (nanoseconds) in seconds, or nil when there are none. It
// sums whole seconds and remainders apart, so that it neither overflows nor depends on the
// order of gaps.
func mean(gaps []int64) *float64 {
	if len(gaps) == 0 {
		return nil
	}
	var sec, ns int64
	for _, g := range gaps {
		sec += g / 1e9
		ns += g % 1e9
	}
	return float((float64(sec) + float64(ns)/1e9) / float64(len(gaps)))
}

// median returns the median of gaps (nanoseconds) in seconds, or nil when there are none;
// the median of an even count is the mean of the two middle values. It reorders gaps.
func median(gaps []int64) *float64 {
	n := len(gaps)
	if n == 0 {
		return nil
	}
	hi := nth(gaps, n/2)
	if n%2 == 1 {
		return float(seconds(hi))
	}
	lo := gaps[0]
	for _, g := range gaps[1 : n/2] {
		lo = max(lo, g)
	}
	return float((seconds(lo) + seconds(hi)) / 2)
}

// nth reorders xs so that xs[k] is the value a sort would put there, everything before it
// is not greater and everything after not smaller, and returns xs[k] (quickselect with a
// median-of-three pivot).
func nth(xs []int64, k int) int64 {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		pivot := medianOf3(xs[lo], xs[mid], xs[hi])
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}

func medianOf3(a, b, c int64) int64 {
	return max(min(a, b), min(max(a, b), c))
}
