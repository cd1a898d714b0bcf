package lang

import (
	"reflect"
	"slices"
	"testing"

	"github.com/journey-cx/journey/journey"
)

// TestTablesComplete fails when a language leaves a word empty, so that a new word is added
// to every table and a new language is complete before it ships.
func TestTablesComplete(t *testing.T) {
	for _, tag := range Tags() {
		l, _ := Get(tag)
		checkComplete(t, tag, reflect.ValueOf(l.Words))
	}
}

// checkComplete reports every empty text of v, a Words value or a group of words in it.
func checkComplete(t *testing.T, tag string, v reflect.Value) {
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			if f.String() == "" {
				t.Errorf("language %q has no text for %s", tag, v.Type().Field(i).Name)
			}
		case reflect.Struct:
			checkComplete(t, tag, f)
		}
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
		{"en percent", en.Percent(0.597), "59.7%"},
		{"nl percent", nl.Percent(0.597), "59,7%"},
		{"nl percent of 100", nl.Percent(1), "100,0%"},
		{"en float grouped", en.Float(12345.678, 2), "12,345.68"},
		{"nl float grouped", nl.Float(12345.678, 2), "12.345,68"},
		{"negative fraction", nl.Float(-0.25, 2), "-0,25"},
		{"en days", en.Duration(2.4 * 86400), "2.4d"},
		{"nl days", nl.Duration(2.4 * 86400), "2,4 d"},
		{"nl minutes", nl.Duration(17.2 * 60), "17,2 min"},
		{"nl hours", nl.Duration(12.7 * 3600), "12,7 u"},
		{"en seconds", en.Duration(45), "45.0s"},
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
