package diff

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/lang"
)

// field is one comparable field of an entity: the value a record shows and the meaning that
// decides whether two versions differ.
type field struct {
	name string
	// shown is the value written in a record; nil where the key is missing. lazy, when set,
	// builds it: for values that cost something to build and are shown only when changed.
	shown any
	lazy  func() any
	// meaning is the value with the format's defaults applied (a missing `goal` is false, a
	// missing `order` ordered), in canonical form: equal meanings are no change. A missing
	// number is "null"; meanings are only compared with those of the same field.
	meaning string
	// list is set for a list of text, compared item by item, in any order (items).
	list  bool
	items []string
	// matchers are a touchpoint's event matchers, compared as a set (sameMatchers).
	matchers []journey.Matcher
}

// same reports whether two versions of a field mean the same.
func (f field) same(g field) bool {
	switch {
	case f.list:
		return sameItems(f.items, g.items)
	case f.matchers != nil || g.matchers != nil:
		return sameMatchers(f.matchers, g.matchers)
	}
	return f.meaning == g.meaning
}

// value is the value a record shows for the field.
func (f field) value() any {
	switch {
	case f.matchers != nil:
		return matchersValue(f.matchers)
	case f.lazy != nil:
		return f.lazy()
	}
	return f.shown
}

// sameItems reports whether two lists of text hold the same items, each as many times, in
// any order; most lists are equal item by item, which costs nothing to find.
func sameItems(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	if slices.Equal(a, b) {
		return true
	}
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// mapFields are the fields of the map itself.
func mapFields(m *journey.Map) []field {
	return []field{
		{name: "version", shown: m.Version, meaning: strconv.Itoa(m.Version)},
		textField("title", m.Title),
		textField("description", m.Description),
		textField("owner", m.Owner),
		durationField("window", m.Window),
		defaultField(textField("identity", m.Identity), events.DefaultID),
		defaultField(textField("language", m.Language), lang.Default),
		textField("currency", m.Currency),
	}
}

func personaFields(p *journey.Persona) []field {
	return []field{
		textField("name", p.Name),
		textField("description", p.Description),
		listField("goals", p.Goals),
		listField("frustrations", p.Frustrations),
	}
}

func stageFields(s *journey.Stage) []field {
	return []field{textField("name", s.Name), textField("goal", s.Goal)}
}

// touchpointFields appends the fields of t to dst, which the comparer reuses: touchpoints
// are many, and their fields are compared once.
func touchpointFields(dst []field, t *journey.Touchpoint) []field {
	return append(dst,
		textField("name", t.Name),
		textField("channel", t.Channel),
		textField("owner", t.Owner),
		listField("systems", t.Systems),
		textField("description", t.Description),
		textField("expectation", t.Expectation),
		durationField("duration", t.Duration),
		pointerField("emotion", t.Emotion),
		textField("feeling", t.Feeling),
		listField("pains", t.Pains),
		listField("gains", t.Gains),
		boolField("moment_of_truth", t.MomentOfTruth, t.Node),
		listField("opportunities", t.Opportunities),
		matchersField("events", t.Events),
		boolField("goal", t.Goal, t.Node),
		pointerField("cost", t.Cost),
	)
}

func funnelFields(f *journey.Funnel) []field {
	order := field{name: "order", meaning: orDefault(f.Order, journey.Ordered)}
	if _, written := f.Keys["order"]; written || order.meaning != journey.Ordered {
		order.shown = order.meaning
	}
	steps := field{name: "steps", meaning: strings.Join(f.Steps, "\x00")} // NUL: ids cannot hold it
	if f.Steps != nil {
		steps.shown = f.Steps
	}
	return []field{steps, durationField("window", f.Window), order, exclusionsField("exclude", f.Exclude, len(f.Steps))}
}

func kpiFields(k journey.KPI) []field {
	return []field{pointerField("min", k.Min), pointerField("max", k.Max)}
}

// textField is a text value; empty text is a missing key.
func textField(name, s string) field {
	f := field{name: name, meaning: s}
	if s != "" {
		f.shown = s
	}
	return f
}

// defaultField gives a text field the meaning def when its key is missing: writing out the
// default (`language: en`) is no change.
func defaultField(f field, def string) field {
	if f.meaning == "" {
		f.meaning = def
	}
	return f
}

// boolField is true or false; a missing key means false and shows as nil.
func boolField(name string, v bool, n journey.Node) field {
	f := field{name: name, meaning: strconv.FormatBool(v)}
	if _, written := n.Keys[name]; written || v {
		f.shown = v
	}
	return f
}

// pointerField is an optional number (an emotion, a cost, a KPI bound).
func pointerField[T int | float64](name string, v *T) field {
	if v == nil {
		return field{name: name, meaning: "null"}
	}
	return field{name: name, shown: *v, meaning: strconv.FormatFloat(float64(*v), 'g', -1, 64)}
}

// durationField is a duration in canonical text ("1h30m"); zero is a missing key.
func durationField(name string, d time.Duration) field {
	secs := int64(d / time.Second)
	if secs == 0 {
		return field{name: name, meaning: "null"}
	}
	text := durationText(secs)
	return field{name: name, shown: text, meaning: text}
}

// listField is a list of text, compared item by item: a list that only changed order is no
// change.
func listField(name string, items []string) field {
	return field{name: name, list: true, items: items}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// durationText writes seconds as a map writes a duration, largest unit first, weeks as days:
// 1209600 is "14d", 5400 "1h30m".
func durationText(secs int64) string {
	var out []byte
	for _, u := range []struct {
		unit byte
		secs int64
	}{{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}} {
		if n := secs / u.secs; n > 0 {
			out = append(strconv.AppendInt(out, n, 10), u.unit)
			secs -= n * u.secs
		}
	}
	return string(out)
}
