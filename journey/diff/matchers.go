package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// matchersField is a touchpoint's event matchers, compared as a whole. The order of the
// matchers, and of the values a column may have, does not change which rows match, so it
// does not count (sameMatchers). The value shown is built only when the field changed.
func matchersField(name string, ms []journey.Matcher) field {
	if len(ms) == 0 {
		return field{name: name, meaning: "null"}
	}
	return field{name: name, matchers: ms}
}

// sameMatchers reports whether two lists of matchers match the same rows: the same
// matchers, each with the same columns and values, in any order. Lists written alike, the
// common case, are equal matcher by matcher.
func sameMatchers(a, b []journey.Matcher) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	if slices.EqualFunc(a, b, sameMatcher) {
		return true
	}
	key := func(m journey.Matcher) string { return matcherKey(m) }
	return unordered(a, key) == unordered(b, key)
}

// sameMatcher reports whether two matchers are written alike.
func sameMatcher(a, b journey.Matcher) bool {
	return a.Event == b.Event && slices.EqualFunc(a.Where, b.Where, func(x, y journey.Where) bool {
		return x.Column == y.Column && slices.Equal(x.Values, y.Values)
	})
}

// matchersValue is the value a record shows for matchers.
func matchersValue(ms []journey.Matcher) any {
	shown := make([]map[string]any, len(ms))
	for i, m := range ms {
		shown[i] = matcherValue(m)
	}
	return shown
}

// exclusionsField is the exclusions of a funnel of steps steps, compared as a whole, in any
// order. A range over the whole funnel, [1, steps], means what no range means.
func exclusionsField(name string, es []journey.Exclusion, steps int) field {
	if len(es) == 0 {
		return field{name: name, meaning: "null"}
	}
	return field{name: name, meaning: unordered(es, func(e journey.Exclusion) string {
		from, to := exclusionRange(e, steps)
		return fmt.Sprintf("%s\x05%d\x05%d", matcherKey(e.Matcher), from, to)
	}), lazy: func() any {
		shown := make([]map[string]any, len(es))
		for i, e := range es {
			shown[i] = matcherValue(e.Matcher)
			if e.From != 0 || e.To != 0 {
				shown[i]["between"] = []int{e.From, e.To}
			}
		}
		return shown
	}}
}

// exclusionRange is the step range of e in a funnel of steps steps, 0 and 0 for the whole
// funnel, written or not: `between: [1, steps]` is the default spelt out. The whole funnel
// is kept apart from its bounds so that an exclusion without a range is no change when
// steps are added or removed.
func exclusionRange(e journey.Exclusion, steps int) (from, to int) {
	if e.From == 1 && e.To == steps {
		return 0, 0
	}
	return e.From, e.To
}

// matcherValue is a matcher as a record shows it: {"event": ..., "where": {column: value}},
// a column's value being text when it is one, a list when it is several, as written.
func matcherValue(m journey.Matcher) map[string]any {
	v := map[string]any{"event": m.Event}
	if len(m.Where) == 0 {
		return v
	}
	where := map[string]any{}
	for _, w := range m.Where {
		if len(w.Values) == 1 {
			where[w.Column] = w.Values[0]
		} else {
			where[w.Column] = nonNil(w.Values)
		}
	}
	v["where"] = where
	return v
}

// matcherKey is a matcher's meaning: its event, then each column (the loader sorts them)
// with its distinct values sorted, so that one value is the same as a list of it. The
// separators are control characters, which map text cannot hold.
func matcherKey(m journey.Matcher) string {
	var b strings.Builder
	b.WriteString(m.Event)
	for _, w := range m.Where {
		b.WriteString("\x01" + w.Column + "\x02")
		b.WriteString(strings.Join(slices.Compact(slices.Sorted(slices.Values(w.Values))), "\x03"))
	}
	return b.String()
}

// unordered is the meaning of a list whose order does not matter, nor an item written
// twice: its items' distinct meanings, sorted.
func unordered[T any](items []T, meaning func(T) string) string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = meaning(it)
	}
	slices.Sort(keys)
	return strings.Join(slices.Compact(keys), "\x04")
}
