package main

import (
	"bufio"
	"fmt"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
)

// What attribute, whatif and compare share: their arguments (a map, then event files),
// the language of their tables and how they print.

// mapAndEvents takes a command's arguments, MAP [FILE...], adding the files to those of
// --events; it refuses files both ways at once, and no files at all.
func mapAndEvents(name string, args []string, files *[]string) (string, error) {
	if len(args) > 1 && len(*files) > 0 {
		return "", usageError{fmt.Errorf("unexpected argument %q: %s takes one map; event files go after --events", args[1], name)}
	}
	*files = append(*files, args[1:]...)
	if len(*files) == 0 {
		return "", usageError{fmt.Errorf("no event files: give one or more with --events FILE (- reads standard input)")}
	}
	return args[0], nil
}

// tableLanguage is the language of a command's tables: --lang when given, else the map's.
// An unknown --lang is a usage error.
func tableLanguage(flag string, m *journey.Map) (*lang.Language, error) {
	l, err := lang.Choose(flag, m.Language)
	if err != nil {
		return nil, usageError{fmt.Errorf("--lang: %w", err)}
	}
	return l, nil
}

// printResult prints v with p to standard output in language l.
func printResult[T any](e *env, p output.Printer[T], v T, l *lang.Language) error {
	w := bufio.NewWriter(e.stdout)
	if err := p(w, v, e.printOptions(l)); err != nil {
		return err
	}
	return w.Flush()
}

// langUsage is the help of --lang.
const langUsage = "language of the table and markdown output: en or nl (default: the map's language, else en)"
