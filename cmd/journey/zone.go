package main

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// loadZone loads the --tz zone name from the IANA database built into the binary. "Local",
// the machine's own zone, is refused: results would depend on where journey runs. A name
// that does not load is refused with the spelling that does, when one differs in case only.
func loadZone(name string) (*time.Location, error) {
	if strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("--tz %q is the zone of the machine journey runs on, so results would differ between machines; name an IANA zone instead, like \"Europe/Amsterdam\"", name)
	}
	loc, err := time.LoadLocation(name)
	if err == nil {
		return loc, nil
	}
	msg := fmt.Sprintf("--tz %q is not a time zone name like Europe/Amsterdam", name)
	if s := zoneSpelling(name); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return nil, fmt.Errorf("%s", msg)
}

// maxSpellings bounds how many spellings zoneSpelling tries.
const maxSpellings = 64

// zoneSpelling returns the spelling of name, differing in case only, that loads as a zone
// the way the IANA database writes its names ("Europe/Amsterdam", "America/New_York",
// "America/Port_of_Spain", "UTC"), or "" when none does.
func zoneSpelling(name string) string {
	for _, s := range spellings(name) {
		if s == name || strings.EqualFold(s, "Local") {
			continue
		}
		if _, err := time.LoadLocation(s); err == nil {
			return s
		}
	}
	return ""
}

// spellings lists the spellings of a zone name to try, the likeliest first: each word
// capitalised (after the start, a "/", "_" or "-"), the rest kept; then all upper case;
// then, segment by segment, words after the first left in lower case ("Port_of_Spain") or
// the segment in upper case ("Etc/GMT+1").
func spellings(name string) []string {
	out := []string{capitalise(name), strings.ToUpper(name)}
	var variants [][]string
	for _, seg := range strings.Split(name, "/") {
		variants = append(variants, segmentSpellings(seg))
	}
	combos := []string{""}
	for i, vs := range variants {
		var next []string
		for _, c := range combos {
			for _, v := range vs {
				if i > 0 {
					v = c + "/" + v
				}
				if len(next) < maxSpellings {
					next = append(next, v)
				}
			}
		}
		combos = next
	}
	return append(out, combos...)
}

// segmentSpellings lists the spellings of one segment of a zone name: every choice of which
// words after the first start with a capital (the first always does), with the other
// letters as typed and then in lower case, and the segment in upper case.
func segmentSpellings(seg string) []string {
	words := 0
	for _, r := range seg {
		if r == '_' || r == '-' {
			words++
		}
	}
	words = min(words, 5)
	var out []string
	for _, lower := range []bool{false, true} {
		base := seg
		if lower {
			base = strings.ToLower(seg)
		}
		for mask := range 1 << words {
			out = append(out, capitaliseWords(base, mask))
		}
	}
	return append(out, strings.ToUpper(seg))
}

// capitalise upper-cases the first letter of s and each letter after a "/", "_" or "-",
// keeping the others as they are.
func capitalise(s string) string {
	b := []rune(s)
	for i := range b {
		if i == 0 || b[i-1] == '/' || b[i-1] == '_' || b[i-1] == '-' {
			b[i] = unicode.ToUpper(b[i])
		}
	}
	return string(b)
}

// capitaliseWords upper-cases the first letter of seg, and the first letter of its k-th
// word after the first (words are separated by "_" or "-") when bit k-1 of mask is set.
func capitaliseWords(seg string, mask int) string {
	b := []rune(seg)
	k := 0
	for i := range b {
		switch {
		case i == 0:
			b[i] = unicode.ToUpper(b[i])
		case b[i-1] == '_' || b[i-1] == '-':
			k++
			if k <= 5 && mask&(1<<(k-1)) != 0 {
				b[i] = unicode.ToUpper(b[i])
			}
		}
	}
	return string(b)
}
