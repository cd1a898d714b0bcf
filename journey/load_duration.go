package journey

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// durationUnits are the units of map durations and windows; a week is seven days.
var durationUnits = map[byte]time.Duration{
	's': time.Second, 'm': time.Minute, 'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour,
}

// maxDuration bounds durations far beyond any journey, so that sums cannot overflow.
const maxDuration = 100 * 365 * 24 * time.Hour

// ParseDuration parses a map duration or window: one or more whole numbers each followed
// by a unit, s, m, h, d or w (1w = 7d), like "30m", "14d" or "1h30m". It must be positive
// and at most a hundred years. The error message says what was expected.
func ParseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, errors.New(`empty duration; expected a number and a unit (s, m, h, d, w), like "30m" or "14d"`)
	}
	var total time.Duration
	for i := 0; i < len(s); {
		n, j := 0, i
		for ; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
			n = min(n*10+int(s[j]-'0'), 1<<40)
		}
		unit, ok := time.Duration(0), false
		if j < len(s) {
			unit, ok = durationUnits[s[j]]
		}
		if j == i || !ok {
			return 0, fmt.Errorf(`invalid duration %q; expected whole numbers each with a unit (s, m, h, d, w), like "30m", "14d" or "1h30m"`, s)
		}
		if time.Duration(n) > maxDuration/unit {
			return 0, fmt.Errorf("duration %q is longer than a hundred years", s)
		}
		if total += time.Duration(n) * unit; total > maxDuration {
			return 0, fmt.Errorf("duration %q is longer than a hundred years", s)
		}
		i = j + 1
	}
	if total == 0 {
		return 0, fmt.Errorf("duration %q is zero; expected a positive duration", s)
	}
	return total, nil
}

// FormatDuration writes seconds the way maps write a duration, in the largest unit that
// divides them: "14d", "90m", "45s". Reports use it for windows, which ParseDuration read.
func FormatDuration(seconds float64) string {
	for _, u := range []struct {
		unit string
		secs float64
	}{{"d", 86400}, {"h", 3600}, {"m", 60}} {
		if seconds >= u.secs && math.Mod(seconds, u.secs) == 0 {
			return strconv.FormatFloat(seconds/u.secs, 'f', -1, 64) + u.unit
		}
	}
	return strconv.FormatFloat(seconds, 'f', -1, 64) + "s"
}
