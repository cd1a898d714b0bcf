package diff

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/journey-cx/journey/journey"
)

// field is one comparable field of an entity: the value a record shows and the meaning that
// decides whether two versions differ.
type field struct {
	name string
	// shown is the value written in a record; nil where the key is missing.
	shown any
	// meaning is the value with the format's defaults applied (a missing `goal` is false, a
	// missing `order` ordered), in canonical form: equal meanings are no change.
	meaning string
	// list is set for a list of text, compared item by item (items).
	list  bool
	items []string
}

// mapFields are the fields of the map itself.
func mapFields(m *journey.Map) []field {
	return []field{
		{name: "version", shown: m.Version, meaning: canonical(m.Version)},
		textField("title", m.Title),
		textField("description", m.Description),
		textField("owner", m.Owner),
		durationField("window", m.Window),
		textField("identity", m.Identity),
		textField("language", m.Language),
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

func touchpointFields(t *journey.Touchpoint) []field {
	return []field{
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
	}
}

func funnelFields(f *journey.Funnel) []field {
	order := field{name: "order", meaning: canonical(orDefault(f.Order, journey.Ordered))}
	if _, written := f.Keys["order"]; written || order.meaning != canonical(journey.Ordered) {
		order.shown = orDefault(f.Order, journey.Ordered)
	}
	steps := field{name: "steps", meaning: canonical(nonNil(f.Steps))}
	if f.Steps != nil {
		steps.shown = f.Steps
	}
	return []field{steps, durationField("window", f.Window), order, exclusionsField("exclude", f.Exclude)}
}

func kpiFields(k journey.KPI) []field {
	return []field{pointerField("min", k.Min), pointerField("max", k.Max)}
}

// textField is a text value; empty text is a missing key.
func textField(name, s string) field {
	f := field{name: name, meaning: canonical(s)}
	if s != "" {
		f.shown = s
	}
	return f
}

// boolField is true or false; a missing key means false and shows as nil.
func boolField(name string, v bool, n journey.Node) field {
	f := field{name: name, meaning: canonical(v)}
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
	return field{name: name, shown: *v, meaning: canonical(*v)}
}

// durationField is a duration in canonical text ("1h30m"); zero is a missing key.
func durationField(name string, d time.Duration) field {
	secs := int64(d / time.Second)
	if secs == 0 {
		return field{name: name, meaning: "null"}
	}
	text := durationText(secs)
	return field{name: name, shown: text, meaning: canonical(text)}
}

// listField is a list of text, compared item by item: a list that only changed order is no
// change.
func listField(name string, items []string) field {
	sorted := slices.Sorted(slices.Values(items))
	return field{name: name, list: true, items: items, meaning: canonical(nonNil(sorted))}
}

// canonical is the JSON text of a meaning; values are built from strings, numbers, booleans,
// lists and maps, which always encode.
func canonical(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("diff: a value does not encode: " + err.Error())
	}
	return string(b)
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
