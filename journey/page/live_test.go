package page

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

// served is a live view on a real loopback listener, stopped when the test ends.
type served struct {
	*Live
	url string
}

func serveLive(t *testing.T) served {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	lv := NewLive(LiveConfig{Host: "127.0.0.1", Addr: ln.Addr(), Name: "shop.journey.yaml"})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- lv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Serve did not return after its context ended")
		}
	})
	return served{lv, lv.URL()}
}

// get requests path from lv with the given Host header and returns the response.
func get(lv *Live, method, host, path string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	r.Host = host
	w := httptest.NewRecorder()
	lv.ServeHTTP(w, r)
	return w
}

func shopPage(t *testing.T) Page {
	m, r := loadShop(t, true)
	return Page{Map: m, Report: r, Events: []string{"events.csv"}, Picture: []byte(tinySVG)}
}

func TestLiveServesOnlyItsThreeThings(t *testing.T) {
	lv := NewLive(LiveConfig{Host: "127.0.0.1", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}})
	if err := lv.Update(shopPage(t)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		code         int
		contentType  string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"HEAD", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/picture.svg", 200, "image/svg+xml"},
		{"GET", "/index.html", 404, ""},
		{"GET", "/shop.journey.yaml", 404, ""},
		{"GET", "/testdata/shop.journey.yaml", 404, ""},
		{"GET", "/page_test.go", 404, ""},
		{"GET", "/../page_test.go", 307, ""}, // to /page_test.go, not served
		{"GET", "/%2e%2e/page_test.go", 404, ""},
		{"GET", "/picture.svg/x", 404, ""},
		{"POST", "/", 405, ""},
		{"PUT", "/picture.svg", 405, ""},
		{"DELETE", "/events", 405, ""},
	}
	for _, tt := range tests {
		w := get(lv, tt.method, "127.0.0.1:8080", tt.path)
		if w.Code != tt.code {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, w.Code, tt.code)
		}
		if ct := w.Header().Get("Content-Type"); tt.contentType != "" && ct != tt.contentType {
			t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.path, ct, tt.contentType)
		}
		if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s %s: no Content-Security-Policy or caching allowed", tt.method, tt.path)
		}
	}
}

func TestLiveRefusesOtherHosts(t *testing.T) {
	loopback := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	every := &net.TCPAddr{IP: net.IPv4zero, Port: 8080}
	tests := []struct {
		name, host string
		bound      *net.TCPAddr
		hostHeader string
		allowed    bool
	}{
		{"its address", "127.0.0.1", loopback, "127.0.0.1:8080", true},
		{"localhost on loopback", "127.0.0.1", loopback, "localhost:8080", true},
		{"localhost in capitals", "127.0.0.1", loopback, "LocalHost:8080", true},
		{"a rebound name", "127.0.0.1", loopback, "attacker.example:8080", false},
		{"a name ending in localhost", "127.0.0.1", loopback, "evil.localhost.example:8080", false},
		{"another port", "127.0.0.1", loopback, "127.0.0.1:8081", false},
		{"no port", "127.0.0.1", loopback, "127.0.0.1", false},
		{"empty", "127.0.0.1", loopback, "", false},
		{"another loopback address", "127.0.0.1", loopback, "127.0.0.2:8080", false},
		{"every interface: an address", "0.0.0.0", every, "192.168.1.20:8080", true},
		{"every interface: IPv6", "", every, "[fe80::1]:8080", true},
		{"every interface: a name", "0.0.0.0", every, "attacker.example:8080", false},
		{"every interface: another port", "0.0.0.0", every, "192.168.1.20:9000", false},
		{"a name as --addr", "workshop.local", &net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 8080}, "workshop.local:8080", true},
		{"a name as --addr, by address", "workshop.local", &net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 8080}, "192.168.1.20:8080", true},
		{"a name as --addr, another name", "workshop.local", &net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 8080}, "localhost:8080", false},
	}
	for _, tt := range tests {
		lv := NewLive(LiveConfig{Host: tt.host, Addr: tt.bound})
		paths := []string{"/", "/picture.svg", "/events"}
		if tt.allowed {
			paths = paths[:2] // an allowed event stream would not end
		}
		for _, path := range paths {
			w := get(lv, "GET", tt.hostHeader, path)
			if refused := w.Code == http.StatusForbidden; refused == tt.allowed {
				t.Errorf("%s: Host %q, %s: status %d", tt.name, tt.hostHeader, path, w.Code)
			}
		}
	}
}

func TestLiveURL(t *testing.T) {
	tests := []struct {
		host  string
		bound *net.TCPAddr
		want  string
	}{
		{"127.0.0.1", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{"localhost", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9000}, "http://localhost:9000/"},
		{"", &net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "http://127.0.0.1:8080/"},
		{"::", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "http://[::1]:8080/"},
		{"0.0.0.0", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "http://127.0.0.1:8080/"},
		{"", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "http://127.0.0.1:8080/"},
	}
	for _, tt := range tests {
		if got := NewLive(LiveConfig{Host: tt.host, Addr: tt.bound}).URL(); got != tt.want {
			t.Errorf("--addr host %q on %v: URL %q, want %q", tt.host, tt.bound, got, tt.want)
		}
	}
}

// TestLiveKeepsTheLastGoodPage breaks the map and fixes it again: the problems show over
// the last good page, picture included, and go away with the next good page. Before the
// first good page the heading does not claim a last version, nor links a picture; problems
// outside the map (an event file's) are not said to be the map's.
func TestLiveKeepsTheLastGoodPage(t *testing.T) {
	lv := NewLive(LiveConfig{Host: "127.0.0.1", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, Name: "shop.journey.yaml"})
	page := func() string { return get(lv, "GET", "127.0.0.1:8080", "/").Body.String() }
	if got := page(); !strings.Contains(got, "shop.journey.yaml") || !strings.Contains(got, "No picture yet") {
		t.Errorf("before the first page, the view should name the map and say there is no picture:\n%s", got)
	}
	if over := lv.Fail("shop.journey.yaml:3:1: unknown key \"titel\" [unknown-key]", true); over {
		t.Error("Fail says it showed the problems over a good page before there was one")
	}
	got := page()
	if !strings.Contains(got, "[unknown-key]") || !strings.Contains(got, "No picture yet") || !strings.Contains(got, "The map has errors. Fix them") {
		t.Errorf("a broken map before any good page should show its diagnostics:\n%s", got)
	}
	if strings.Contains(got, "last version") || strings.Contains(got, "picture.svg") {
		t.Errorf("before any good page, the page should claim no last version and link no picture:\n%s", got)
	}
	lv.Fail("events.csv:3: the file ends inside a quoted field", false)
	if got := page(); !strings.Contains(got, "The page could not be drawn.") || strings.Contains(got, "The map has errors") {
		t.Errorf("an event file's problem before any good page should not be said to be the map's:\n%s", got)
	}
	if err := lv.Update(shopPage(t)); err != nil {
		t.Fatal(err)
	}
	if over := lv.Fail("shop.journey.yaml:12:9: emotion must be a whole number from -2 to +2, found \"<b>9</b>\" [emotion-range]", true); !over {
		t.Error("Fail does not say it showed the problems over the last good page")
	}
	got = page()
	for _, want := range []string{"The map has errors. This is the last version", "picture.svg", "shop.journey.yaml:12:9:", "[emotion-range]", "&lt;b&gt;9&lt;/b&gt;",
		"the picture", "Trade fair", "Klant worden"} {
		if !strings.Contains(got, want) {
			t.Errorf("a broken map should show %q over the last good page", want)
		}
	}
	if w := get(lv, "GET", "127.0.0.1:8080", "/picture.svg"); w.Code != 200 || !strings.Contains(w.Body.String(), "the picture") {
		t.Errorf("the last good picture should still be served: %d", w.Code)
	}
	lv.Fail("events.csv:3: the file ends inside a quoted field", false)
	if got := page(); !strings.Contains(got, "The page could not be brought up to date. This is the last version") || !strings.Contains(got, "Trade fair") {
		t.Errorf("an event file's problem should show over the last good page, not as the map's:\n%.500s", got)
	}
	if err := lv.Update(shopPage(t)); err != nil {
		t.Fatal(err)
	}
	if got := page(); strings.Contains(got, "The map has errors") || strings.Contains(got, "[emotion-range]") {
		t.Error("the problems should go away with the next good page")
	}
}

// TestLiveStreamsChanges reads the event stream over a real connection: the first event
// brings the current page when the browser shows another version, the next one every change.
func TestLiveStreamsChanges(t *testing.T) {
	s := serveLive(t)
	p := shopPage(t)
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	events := openStream(t, s.url+"events?v=old")
	first := nextEvent(t, events)
	if !strings.Contains(first.HTML, "Trade fair") || first.Lang != "en" || first.Title != "Klant worden" {
		t.Fatalf("the first event should bring the current page: %+v", first)
	}
	p.Map.Stages[0].Touchpoints[0].Name = "Vakbeurs Utrecht"
	if err := s.Update(p); err != nil {
		t.Fatal(err)
	}
	if next := nextEvent(t, events); !strings.Contains(next.HTML, "Vakbeurs Utrecht") {
		t.Errorf("a change should bring the new page: %.200s", next.HTML)
	}
	s.Fail("shop.journey.yaml:1:1: broken [yaml-syntax]", true)
	if next := nextEvent(t, events); !strings.Contains(next.HTML, "[yaml-syntax]") || !strings.Contains(next.HTML, "Vakbeurs Utrecht") {
		t.Errorf("a broken map should bring its diagnostics over the last page: %.300s", next.HTML)
	}
}

// TestLiveStreamSendsNothingCurrent checks that a browser showing the current version is
// sent nothing until something changes.
func TestLiveStreamSendsNothingCurrent(t *testing.T) {
	s := serveLive(t)
	if err := s.Update(shopPage(t)); err != nil {
		t.Fatal(err)
	}
	cur, _, _ := s.current()
	events := openStream(t, s.url+"events?v="+cur.version)
	s.Fail("x.journey.yaml:1:1: broken [yaml-syntax]", true)
	if next := nextEvent(t, events); !strings.Contains(next.HTML, "[yaml-syntax]") {
		t.Errorf("the first event should be the change, not the page the browser has: %.200s", next.HTML)
	}
}

type pageEvent struct {
	ID, Lang, Title, HTML string
}

// openStream connects to an event stream and returns its events as they come.
func openStream(t *testing.T, url string) <-chan pageEvent {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("event stream: status %d, Content-Type %q", resp.StatusCode, ct)
	}
	out := make(chan pageEvent)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 16<<20)
		var e pageEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "id: "):
				e.ID = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e)
			case line == "" && e.ID != "":
				out <- e
				e = pageEvent{}
			}
		}
	}()
	return out
}

func nextEvent(t *testing.T, events <-chan pageEvent) pageEvent {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no event in 10 s")
	}
	return pageEvent{}
}

// TestServeStopsWithStreamsOpen ends Serve while a browser holds the event stream open:
// Serve must return promptly and the stream must end.
func TestServeStopsWithStreamsOpen(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	lv := NewLive(LiveConfig{Host: "127.0.0.1", Addr: ln.Addr()})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- lv.Serve(ctx, ln) }()
	events := openStream(t, lv.URL()+"events?v=old")
	nextEvent(t, events)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(shutdownGrace + 5*time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("shutting down with a stream open took %s", took)
	}
	select {
	case _, ok := <-events:
		if ok {
			t.Error("the stream sent an event after shutting down")
		}
	case <-time.After(5 * time.Second):
		t.Error("the stream did not end when the server shut down")
	}
}

// FuzzHostHeader checks that no Host header makes the guard panic, and that one it allows
// names the port served and one of the names it knows, or an address when it listens on
// every interface.
func FuzzHostHeader(f *testing.F) {
	for _, s := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "evil.example:8080", "", ":8080", "[", "127.0.0.1:8080:1", "LOCALHOST.:8080"} {
		f.Add(s)
	}
	loopback := newHostGuard("127.0.0.1", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
	every := newHostGuard("", &net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	f.Fuzz(func(t *testing.T, host string) {
		for _, g := range []hostGuard{loopback, every} {
			if !g.allows(host) {
				continue
			}
			h, port, err := net.SplitHostPort(host)
			if err != nil || port != "8080" {
				t.Fatalf("allowed %q, which does not name port 8080", host)
			}
			h = strings.ToLower(h)
			if h != "localhost" && h != "127.0.0.1" && !(g.anyIP && net.ParseIP(h) != nil) {
				t.Fatalf("allowed %q, which names neither localhost nor the address served", host)
			}
		}
	})
}

// TestHeadingsInOrder: the report and the live view, problems shown or not, open with their
// one h1, the map's title, and never skip a level going down, so that a screen reader's list
// of headings reads as an outline of the page.
func TestHeadingsInOrder(t *testing.T) {
	lv := NewLive(LiveConfig{Host: "127.0.0.1", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, Name: "shop.journey.yaml"})
	page := func() string { return get(lv, "GET", "127.0.0.1:8080", "/").Body.String() }
	pages := map[string]string{"the report": string(write(t, shopPage(t)))}
	lv.Fail("shop.journey.yaml:3:1: unknown key \"titel\" [unknown-key]", true)
	pages["the live view before its first page"] = page()
	if err := lv.Update(shopPage(t)); err != nil {
		t.Fatal(err)
	}
	pages["the live view"] = page()
	lv.Fail("events.csv:3: the file ends inside a quoted field", false)
	pages["the live view with a problem"] = page()
	for name, doc := range pages {
		levels := headingLevels(doc)
		if len(levels) == 0 || levels[0] != 1 || strings.Count(doc, "<h1") != 1 {
			t.Errorf("%s: headings %v; want one h1, first", name, levels)
			continue
		}
		for i := 1; i < len(levels); i++ {
			if levels[i] > levels[i-1]+1 {
				t.Errorf("%s: headings %v skip from h%d to h%d", name, levels, levels[i-1], levels[i])
			}
		}
	}
}

// headingLevels returns the level of every heading of doc, in document order.
func headingLevels(doc string) []int {
	var out []int
	for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(doc, -1) {
		out = append(out, int(m[1][0]-'0'))
	}
	return out
}
