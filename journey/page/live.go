package page

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"net"
	"net/http"
	"sync"

	"github.com/journey-cx/journey/journey/lang"
)

// LiveConfig says where a live view is served and what it shows before its first good page.
type LiveConfig struct {
	// Host is the host part of the address to serve, as the user wrote it: "127.0.0.1",
	// "localhost", a name, or "" or "0.0.0.0" for every interface.
	Host string
	// Addr is the address the listener has; requests must name its port.
	Addr net.Addr
	// Name titles the page until the map first loads (its file name).
	Name string
	// Lang is the language until the map first loads; nil means English.
	Lang *lang.Language
}

// Live is the live view of one map. It keeps the last good page and the problems of the
// latest attempt, serves them to browsers (see ServeHTTP) and pushes every change to them.
// Its methods are safe for concurrent use.
type Live struct {
	guard    hostGuard
	fallback view
	mux      *http.ServeMux

	mu      sync.Mutex
	good    *view     // the last good page, nil before the first
	svg     []byte    // its picture
	shown   *snapshot // what browsers are shown
	changed chan struct{}
	done    chan struct{}
	stop    sync.Once
}

// liveView is what the live view adds to a page: the problems that keep the page from
// being current, under a heading that says what they keep from it, and, once the content is
// drawn, the content and its version (the event stream's id).
type liveView struct {
	Problems string
	Heading  string
	Content  template.HTML
	Version  string
}

// snapshot is one version of the live view, ready to send: the whole document, the event
// stream's message and the version.
type snapshot struct {
	doc, msg []byte
	version  string
}

// NewLive returns the live view described by c, showing an empty page until Update.
func NewLive(c LiveConfig) *Live {
	l := c.Lang
	if l == nil {
		l = lang.English()
	}
	lv := &Live{
		guard:    newHostGuard(c.Host, c.Addr),
		fallback: view{Lang: l.Tag, W: l, Title: c.Name},
		changed:  make(chan struct{}),
		done:     make(chan struct{}),
	}
	lv.mux = lv.routes()
	lv.show(lv.fallback, "", "")
	return lv
}

// URL is the address to open in a browser.
func (lv *Live) URL() string { return lv.guard.url() }

// Update shows p: the map loaded and drew, so the page is current again.
func (lv *Live) Update(p Page) error {
	v, err := newView(p)
	if err != nil {
		return err
	}
	lv.mu.Lock()
	lv.good, lv.svg = v, p.Picture
	lv.mu.Unlock()
	lv.show(*v, "", "")
	return nil
}

// Fail shows problems over the last good page, or over an empty page when there has been
// none, and reports whether there was one. problems is text for people, in English, like
// the diagnostics `journey lint` prints (file:line:col: message [rule], the source line and
// a marker); inMap says they are the map's (it has errors) rather than a problem outside
// the map, such as an event file's or a map file that cannot be read.
func (lv *Live) Fail(problems string, inMap bool) (overGood bool) {
	lv.mu.Lock()
	v := lv.fallback
	if lv.good != nil {
		v = *lv.good
	}
	lv.mu.Unlock()
	lv.show(v, problems, failHeading(v.W, inMap, lv.good != nil))
	return lv.good != nil
}

// failHeading says what problems keep from the page: the map's, or another input's, over
// the last good page or before there was one.
func failHeading(w *lang.Language, inMap, overGood bool) string {
	switch {
	case inMap && overGood:
		return w.PageErrors
	case inMap:
		return w.PageErrorsFirst
	case overGood:
		return w.PageStale
	}
	return w.PageStaleFirst
}

// show renders v with problems under heading and makes it what browsers see, waking every
// event stream when it differs from what they were shown.
func (lv *Live) show(v view, problems, heading string) {
	v.Live = &liveView{Problems: problems, Heading: heading}
	var frag bytes.Buffer
	must(templates.ExecuteTemplate(&frag, "content", &v))
	sum := sha256.Sum256(frag.Bytes())
	v.Live.Version = hex.EncodeToString(sum[:8])
	v.Live.Content = template.HTML(frag.String()) // drawn by the templates, user text escaped
	var doc bytes.Buffer
	must(templates.ExecuteTemplate(&doc, "live", &v))
	msg, err := json.Marshal(struct {
		Lang  string `json:"lang"`
		Title string `json:"title"`
		HTML  string `json:"html"`
	}{v.Lang, v.Title, frag.String()})
	must(err)
	s := &snapshot{doc: doc.Bytes(), msg: msg, version: v.Live.Version}

	lv.mu.Lock()
	defer lv.mu.Unlock()
	if lv.shown != nil && lv.shown.version == s.version {
		return
	}
	lv.shown = s
	close(lv.changed)
	lv.changed = make(chan struct{})
}

// current returns what browsers are shown, the picture, and a channel closed at the next
// change.
func (lv *Live) current() (*snapshot, []byte, <-chan struct{}) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	return lv.shown, lv.svg, lv.changed
}

// must panics on an error that only a broken template can cause: the templates are
// parsed when the program starts and every test executes them.
func must(err error) {
	if err != nil {
		panic("page: " + err.Error())
	}
}
