package diff

import (
	"slices"

	"github.com/journey-cx/journey/journey"
)

// matchersField is a touchpoint's event matchers, compared as a whole. The order of the
// matchers, and of the values a column may have, does not change which rows match, so it
// does not count.
func matchersField(name string, ms []journey.Matcher) field {
	if len(ms) == 0 {
		return field{name: name, meaning: "null"}
	}
	shown := make([]map[string]any, len(ms))
	for i, m := range ms {
		shown[i] = matcherValue(m)
	}
	return field{name: name, shown: shown, meaning: unordered(ms, func(m journey.Matcher) map[string]any {
		return sortedMatcher(m)
	})}
}

// exclusionsField is a funnel's exclusions, compared as a whole, in any order.
func exclusionsField(name string, es []journey.Exclusion) field {
	if len(es) == 0 {
		return field{name: name, meaning: "null"}
	}
	shown := make([]map[string]any, len(es))
	for i, e := range es {
		shown[i] = exclusionValue(e, matcherValue(e.Matcher))
	}
	return field{name: name, shown: shown, meaning: unordered(es, func(e journey.Exclusion) map[string]any {
		return exclusionValue(e, sortedMatcher(e.Matcher))
	})}
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

// sortedMatcher is a matcher's meaning: its values sorted, one value the same as a list of it.
func sortedMatcher(m journey.Matcher) map[string]any {
	v := map[string]any{"event": m.Event}
	where := map[string]any{}
	for _, w := range m.Where {
		where[w.Column] = slices.Compact(slices.Sorted(slices.Values(nonNil(w.Values))))
	}
	v["where"] = where
	return v
}

// exclusionValue adds an exclusion's step range to its matcher's value.
func exclusionValue(e journey.Exclusion, v map[string]any) map[string]any {
	if e.From != 0 || e.To != 0 {
		v["between"] = []int{e.From, e.To}
	}
	return v
}

// unordered is the canonical text of a list whose order does not matter, nor an item written
// twice: its items' distinct texts, sorted.
func unordered[T any](items []T, meaning func(T) map[string]any) string {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = canonical(meaning(it))
	}
	slices.Sort(texts)
	return canonical(slices.Compact(texts))
}
