package main

import (
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey"
	"github.com/spf13/pflag"
)

func TestChooseLang(t *testing.T) {
	nl := &journey.Map{Language: "nl"}
	tests := []struct {
		name, flag string
		m          *journey.Map
		want       string
	}{
		{"default", "", nil, "en"},
		{"the map's", "", nl, "nl"},
		{"the flag wins", "en", nl, "en"},
		{"flag without a map", "nl", nil, "nl"},
	}
	for _, tt := range tests {
		l, err := chooseLang(tt.flag, tt.m)
		if err != nil || l.Tag != tt.want {
			t.Errorf("%s: chooseLang(%q) = %v, %v; want %s", tt.name, tt.flag, l, err, tt.want)
		}
	}
	if _, err := chooseLang("fr", nl); exitCode(err) != exitUsage {
		t.Errorf("an unknown language must be a usage error, got %v", err)
	}
}

func TestLangFlag(t *testing.T) {
	var got string
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	addLangFlag(fs, &got)
	if err := fs.Parse([]string{"--lang", "nl"}); err != nil || got != "nl" {
		t.Errorf("--lang nl: %q, %v", got, err)
	}
	for _, bad := range []string{"de", "", "NL"} {
		err := fs.Set("lang", bad)
		if err == nil || !strings.Contains(err.Error(), "valid languages: en, nl") {
			t.Errorf("--lang %q: error %v, want one listing the languages", bad, err)
		}
	}
}
