package main

import (
	"bufio"
	"fmt"

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

// printResult prints v with p to standard output in language l.
func printResult[T any](e *env, p output.Printer[T], v T, l *lang.Language) error {
	w := bufio.NewWriter(e.stdout)
	if err := p(w, v, e.printOptions(l)); err != nil {
		return err
	}
	return w.Flush()
}
