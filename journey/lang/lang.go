package lang

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Default is the tag of the language used when neither the map nor a flag names one.
const Default = "en"

// Language is one language's words and number format.
type Language struct {
	// Tag is the language's code, as maps and --lang write it: "en", "nl".
	Tag string
	// Words are the language's texts.
	Words
	// decimal and group are the decimal separator and the thousands separator.
	decimal, group string
}

// tables are the registered languages by tag.
var tables = map[string]*Language{}

// register adds a language; each table's file calls it from init.
func register(tag, decimal, group string, w Words) {
	tables[tag] = &Language{Tag: tag, Words: w, decimal: decimal, group: group}
}

// Tags returns the tags of every language, sorted.
func Tags() []string {
	var out []string
	for t := range tables {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Get returns the language with the given tag; "" is the default language. An unknown tag
// is an error that lists the known ones.
func Get(tag string) (*Language, error) {
	if tag == "" {
		tag = Default
	}
	if l, ok := tables[tag]; ok {
		return l, nil
	}
	return nil, UnknownError(tag)
}

// UnknownError is the error for a language tag that has no table; it lists the known ones.
func UnknownError(tag string) error {
	return fmt.Errorf("unknown language %q (valid languages: %s)", tag, strings.Join(Tags(), ", "))
}

// Choose returns the language a command writes in: the flag's when set, else the map's,
// else the default. Only the flag can be unknown here, since the loader checks the map's.
func Choose(flag, mapLanguage string) (*Language, error) {
	if flag != "" {
		return Get(flag)
	}
	return Get(mapLanguage)
}

// Field is the word for a key of the map where a change names it: FieldNames', else the
// key as the map writes it.
func (l *Language) Field(key string) string {
	if w, ok := l.FieldNames[key]; ok {
		return w
	}
	return key
}

// English returns the default language, for callers that have no choice to make.
func English() *Language { return tables[Default] }

// Int writes n with the language's thousands separator from 1,000 up: "1,640", "1.640".
func (l *Language) Int(n int64) string {
	return l.grouped(strconv.FormatInt(n, 10))
}

// Float writes v with prec decimals (-1: as few as v needs), grouping its whole part:
// "1,234.5", "1.234,5".
func (l *Language) Float(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return s
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac {
		return l.grouped(whole) + l.decimal + frac
	}
	return l.grouped(whole)
}

// grouped writes a whole number given as its digits, with an optional minus sign, with the
// thousands separator from 1,000 up, however many digits it has.
func (l *Language) grouped(s string) string {
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(l.group)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Percent writes a ratio as a percentage with one decimal: "59.7%", "59,7%".
func (l *Language) Percent(ratio float64) string { return l.Float(ratio*100, 1) + "%" }

// Duration writes seconds for people in the largest unit that keeps the number at least 1,
// with one decimal: "45.0s", "12.5m", "3.2h", "2.4d" in English, "2,4 d" in Dutch.
func (l *Language) Duration(seconds float64) string {
	switch {
	case seconds < 60:
		return l.Float(seconds, 1) + l.UnitSeconds
	case seconds < 3600:
		return l.Float(seconds/60, 1) + l.UnitMinutes
	case seconds < 86400:
		return l.Float(seconds/3600, 1) + l.UnitHours
	}
	return l.Float(seconds/86400, 1) + l.UnitDays
}

// Count writes n into the form of c that fits it, with the language's digits: the first
// form for exactly one, the second for any other number (the rule of English and Dutch).
// args are the format's further arguments.
func (l *Language) Count(c Counted, n int64, args ...any) string {
	form := c[1]
	if n == 1 {
		form = c[0]
	}
	return fmt.Sprintf(form, append([]any{l.Int(n)}, args...)...)
}
