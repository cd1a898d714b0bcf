// Package output holds the printers of every output format (lint diagnostics, analysis
// reports) behind one generic registry, so that an unknown format is refused the same way
// everywhere, with the list of valid names.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/journey-cx/journey/journey/lang"
)

// Printer writes v to w in one format.
type Printer[T any] func(w io.Writer, v T, o Options) error

// Options say how a printer writes for the person reading it. Machine formats (JSON, CSV,
// SARIF, GitHub annotations) ignore them, so their bytes never depend on them.
type Options struct {
	// Lang is the language of the formats meant for people; nil means English.
	Lang *lang.Language
	// Color asks the terminal formats for ANSI colours (only on a terminal, never with
	// NO_COLOR: the command decides).
	Color bool
}

// Language returns the language to write in: Lang, or English when it is nil.
func (o Options) Language() *lang.Language {
	if o.Lang == nil {
		return lang.English()
	}
	return o.Lang
}

// Registry maps format names to printers, in the order they were registered; the first one
// registered is the default.
type Registry[T any] struct {
	names    []string
	printers map[string]Printer[T]
}

// Register adds a printer under name.
func (r *Registry[T]) Register(name string, p Printer[T]) {
	if r.printers == nil {
		r.printers = map[string]Printer[T]{}
	}
	if _, dup := r.printers[name]; dup {
		panic("output: format registered twice: " + name)
	}
	r.names = append(r.names, name)
	r.printers[name] = p
}

// Names returns the registered format names, default first.
func (r *Registry[T]) Names() []string { return append([]string(nil), r.names...) }

// Lookup returns the printer registered under name, or an *UnknownFormatError.
func (r *Registry[T]) Lookup(name string) (Printer[T], error) {
	if p, ok := r.printers[name]; ok {
		return p, nil
	}
	return nil, &UnknownFormatError{Name: name, Valid: r.Names()}
}

// UnknownFormatError is returned for a format name no printer is registered under.
type UnknownFormatError struct {
	Name  string
	Valid []string
}

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown format %q (valid formats: %s)", e.Name, strings.Join(e.Valid, ", "))
}
