package main

import (
	"bytes"
	"context"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/page"
	"github.com/journey-cx/journey/render"
	"github.com/spf13/pflag"
)

// pageFlags are the flags of the commands that make an HTML page of a map (report, serve):
// the event files and how to read them, and the page's language.
type pageFlags struct {
	events  []string
	columns columnFlags
	lang    string
}

// add registers the flags on fs.
func (p *pageFlags) add(fs *pflag.FlagSet) {
	fs.StringArrayVar(&p.events, "events", nil, "add the numbers of event `FILE` (repeatable)")
	p.columns.add(fs)
	addLangFlag(fs, &p.lang)
}

// validate refuses column flags that do not parse (a --window, --tz, --since or --until)
// before anything is read; --lang checks itself when parsed.
func (p *pageFlags) validate() error {
	_, _, err := p.columns.options(&journey.Map{})
	return err
}

// pageOf makes the page of m: the numbers of the event files when there are any (through
// readReport, like analyze and render), the picture as render draws it, in the language of
// --lang, else of the map.
func pageOf(ctx context.Context, e *env, m *journey.Map, p *pageFlags) (page.Page, error) {
	l, err := chooseLang(p.lang, m)
	if err != nil {
		return page.Page{}, err
	}
	report, err := mapReport(ctx, e, m, p.events, &p.columns)
	if err != nil {
		return page.Page{}, err
	}
	svg, err := render.Formats.Lookup(string(render.SVG))
	if err != nil {
		return page.Page{}, err
	}
	var buf bytes.Buffer
	if err := svg(&buf, render.Picture{Ctx: ctx, Map: m, Report: report}, e.printOptions(l)); err != nil {
		return page.Page{}, renderFailed(m.File, err)
	}
	return page.Page{Map: m, Report: report, Events: p.events, Picture: buf.Bytes(), Lang: l}, nil
}
