package whatif

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseImprove parses an --improve value, TOUCHPOINT=F, F being a fraction in (0, 1] or a
// percentage ("50%" is 0.5). Its errors are about the command line.
func ParseImprove(s string) (Change, error) {
	id, f, ok := strings.Cut(s, "=")
	if !ok || id == "" {
		return Change{}, fmt.Errorf("--improve %q: expected TOUCHPOINT=F: the id of one of the map's touchpoints, =, and a fraction like 0.5 or a percentage like 50%%", s)
	}
	num, pct := strings.CutSuffix(f, "%")
	v, ok := decimal(num)
	if !ok {
		return Change{}, fmt.Errorf("--improve %q: F must be a number like 0.5 or a percentage like 50%%, found %q", s, f)
	}
	if pct {
		v /= 100
	}
	if !(v > 0 && v <= 1) {
		return Change{}, fmt.Errorf("--improve %q: F must be more than 0 and at most 1 (or 100%%), found %q", s, f)
	}
	return Change{Improve: id, By: v}, nil
}

// decimal parses an optionally signed decimal number: digits with at most one point.
func decimal(s string) (float64, bool) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || strings.Trim(body, "0123456789.") != "" ||
		strings.Count(body, ".") > 1 || strings.Trim(body, ".") == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
