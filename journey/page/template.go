package page

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/journey-cx/journey/render"
)

//go:embed page.gohtml style.css live.js
var files embed.FS

// style is the page's stylesheet: style.css and the colours of the picture's emotion scale.
var style = func() string {
	css, _ := files.ReadFile("style.css")
	var b strings.Builder
	b.Write(css)
	for e := -2; e <= 2; e++ {
		fill, text := render.EmotionColour(e)
		fmt.Fprintf(&b, ".e%d { background: %s; color: %s; }\n", e+2, fill, text)
	}
	return b.String()
}()

// script is the live view's script; the report has none.
var script = func() string {
	js, _ := files.ReadFile("live.js")
	return string(js)
}()

// Content-Security-Policies. The report may load nothing at all: its one stylesheet is
// allowed by its hash, and it has no script. The live view may also run its one script and
// connect to its own event stream.
var (
	reportPolicy = "default-src 'none'; style-src " + hash(style) + "; base-uri 'none'; form-action 'none'"
	livePolicy   = "default-src 'none'; style-src " + hash(style) + "; script-src " + hash(script) +
		"; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

// hash is the CSP source that allows an inline element whose text is s.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// templates are the page's templates (page.gohtml); style and script are constants, not
// user text, and go into the page as they are, so that their hashes match.
var templates = template.Must(template.New("page").Funcs(template.FuncMap{
	"style":        func() template.CSS { return template.CSS(style) },
	"script":       func() template.JS { return template.JS(script) },
	"reportPolicy": func() string { return reportPolicy },
}).ParseFS(files, "page.gohtml"))

// emotionClass is the class of a cell that shows emotion score e on its colour.
func emotionClass(e int) string { return fmt.Sprintf("emotion e%d", min(max(e, -2), 2)+2) }

// Write writes p as one self-contained HTML document, the report: nothing in it is fetched,
// it needs no script, and the same page gives the same bytes.
func Write(w io.Writer, p Page) error {
	v, err := newView(p)
	if err != nil {
		return err
	}
	return templates.ExecuteTemplate(w, "report", v)
}
