package lang

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
)

// TestTablesComplete fails when a language leaves a word empty, or writes a format with
// other arguments than English's, so that a new word is added to every table and a new
// language is complete before it ships.
func TestTablesComplete(t *testing.T) {
	en := texts(English().Words)
	if len(en) < 50 {
		t.Fatalf("found only %d texts in the English table; is the walk broken?", len(en))
	}
	for _, tag := range Tags() {
		l, _ := Get(tag)
		got := texts(l.Words)
		for name, want := range en {
			text := got[name]
			if strings.TrimSpace(text) == "" {
				t.Errorf("language %q has no text for %s", tag, name)
				continue
			}
			if a, b := verbs(text), verbs(want); !maps.Equal(a, b) {
				t.Errorf("language %q: %s takes %v, English takes %v", tag, name, a, b)
			}
			if strings.HasSuffix(strings.TrimRight(name, "[0123456789]"), "F") != (len(verbs(want)) > 0) {
				t.Errorf("%s: a name ending in F must be a format with arguments, and only such", name)
			}
		}
	}
}

// texts returns every text of w by field path ("PictureWords.EmotionLevels[0]"), walking
// nested structs and arrays.
func texts(w Words) map[string]string {
	out := map[string]string{}
	var walk func(name string, v reflect.Value)
	walk = func(name string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out[name] = v.String()
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%s]", name, k), v.MapIndex(k))
			}
		case reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", name, i), v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(strings.TrimPrefix(name+"."+v.Type().Field(i).Name, "."), v.Field(i))
			}
		default:
			panic("lang: a Words field of kind " + v.Kind().String())
		}
	}
	walk("", reflect.ValueOf(w))
	return out
}

// verb matches a fmt verb, with an optional argument index.
var verb = regexp.MustCompile(`%(\[(\d+)\])?([a-z%])`)

// verbs returns the verbs of a format by the argument they take: {1: 's', 2: 'd'}.
func verbs(format string) map[int]byte {
	out := map[int]byte{}
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[3] == "%" {
			continue
		}
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		}
		out[next] = m[3][0]
		next++
	}
	return out
}

func TestVerbs(t *testing.T) {
	got := verbs("%s and %[3]d, %[1]s, %s at 100%%")
	want := map[int]byte{1: 's', 2: 's', 3: 'd'}
	if !maps.Equal(got, want) {
		t.Errorf("verbs = %v, want %v", got, want)
	}
}

// TestTagsMatchLoader keeps the languages the loader accepts equal to the tables here.
func TestTagsMatchLoader(t *testing.T) {
	if !slices.Equal(Tags(), journey.Languages) {
		t.Errorf("tables %v, loader accepts %v", Tags(), journey.Languages)
	}
}

func TestNumbers(t *testing.T) {
	en, _ := Get("en")
	nl, _ := Get("nl")
	tests := []struct {
		name      string
		got, want string
	}{
		{"en int", en.Int(1640), "1,640"},
		{"nl int", nl.Int(1640), "1.640"},
		{"small int", nl.Int(999), "999"},
		{"negative int", en.Int(-1234567), "-1,234,567"},
		{"zero", en.Int(0), "0"},
		{"least int", en.Int(math.MinInt64), "-9,223,372,036,854,775,808"},
		{"float beyond int64", nl.Float(2e19, 2), "20.000.000.000.000.000.000,00"},
		{"negative float beyond int64", en.Float(-1e20, 0), "-100,000,000,000,000,000,000"},
		{"negative zero", en.Float(-0.001, 2), "-0.00"},
		{"en percent", en.Percent(0.597), "59.7%"},
		{"nl percent", nl.Percent(0.597), "59,7%"},
		{"nl percent of 100", nl.Percent(1), "100,0%"},
		{"en float grouped", en.Float(12345.678, 2), "12,345.68"},
		{"nl float grouped", nl.Float(12345.678, 2), "12.345,68"},
		{"negative fraction", nl.Float(-0.25, 2), "-0,25"},
		{"nl float shortest", nl.Float(0.05, -1), "0,05"},
		{"en float shortest", en.Float(0.05, -1), "0.05"},
		{"en days", en.Duration(2.4 * 86400), "2.4d"},
		{"nl days", nl.Duration(2.4 * 86400), "2,4 d"},
		{"nl minutes", nl.Duration(17.2 * 60), "17,2 min"},
		{"nl hours", nl.Duration(12.7 * 3600), "12,7 u"},
		{"en seconds", en.Duration(45), "45.0s"},
		{"one", en.Count(en.CardUsersF, 1), "1 user"},
		{"many", nl.Count(nl.CardUsersF, 1640), "1.640 klanten"},
		{"none", en.Count(en.CardUsersF, 0), "0 users"},
		{"more arguments", nl.Count(nl.GoalReachedF, 1, "50,0%"), "doel bereikt door 1 klant (50,0%)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestGet(t *testing.T) {
	if l, err := Get(""); err != nil || l.Tag != Default {
		t.Errorf(`Get("") = %v, %v; want the default`, l, err)
	}
	if _, err := Get("de"); err == nil || err.Error() != `unknown language "de" (valid languages: en, nl)` {
		t.Errorf(`Get("de") error = %v`, err)
	}
	if l, _ := Choose("nl", "en"); l.Tag != "nl" {
		t.Errorf("the flag must win over the map")
	}
	if l, _ := Choose("", "nl"); l.Tag != "nl" {
		t.Errorf("the map's language applies without a flag")
	}
}

// TestFieldNames: every key of the map that a change can name has a Dutch word, and English
// shows the keys as the map writes them.
func TestFieldNames(t *testing.T) {
	nl, _ := Get("nl")
	for _, key := range []string{"version", "title", "description", "owner", "window", "identity", "language", "currency",
		"name", "goals", "frustrations", "goal", "channel", "systems", "expectation", "duration", "emotion", "feeling",
		"pains", "gains", "moment_of_truth", "opportunities", "events", "cost", "steps", "order", "exclude"} {
		if w := nl.Field(key); w == key || w == "" {
			t.Errorf("nl has no word for %q", key)
		}
		if w := English().Field(key); w != key {
			t.Errorf("en: %q for %q, want it as written", w, key)
		}
	}
	if nl.Field("min") != "min" {
		t.Errorf("a key without a word is shown as written: %q", nl.Field("min"))
	}
}
