package main

import (
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/spf13/pflag"
)

// langFlag is the value of --lang: a language tag, checked when the flag is parsed, so that
// an unknown language is a usage error (exit 2) before any file is read.
type langFlag struct{ p *string }

func (f langFlag) String() string { return *f.p }

func (f langFlag) Set(v string) error {
	if _, err := lang.Get(v); err != nil || v == "" {
		return lang.UnknownError(v)
	}
	*f.p = v
	return nil
}

func (langFlag) Type() string { return "LANG" }

// addLangFlag registers --lang on a command that writes for people (tables, markdown,
// pictures, pages, summaries), storing the tag in p. Every such command registers it through
// here, so that they all take the same values and refuse the same way.
func addLangFlag(fs *pflag.FlagSet, p *string) {
	fs.Var(langFlag{p}, "lang", "language of the output for people: "+strings.Join(lang.Tags(), ", ")+
		" (default: the map's language, else "+lang.Default+"); machine formats never change")
}

// chooseLang returns the language a command writes in: --lang when given, else the map's
// language (m may be nil for a command without a map), else English. A flag value the
// flag did not check (a command that stored it by hand) is still a usage error.
func chooseLang(flag string, m *journey.Map) (*lang.Language, error) {
	mapLang := ""
	if m != nil {
		mapLang = m.Language
	}
	l, err := lang.Choose(flag, mapLang)
	if err != nil {
		return nil, usageError{err}
	}
	return l, nil
}
