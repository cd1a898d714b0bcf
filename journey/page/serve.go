package page

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// keepAlive is how often an idle event stream sends a comment, so that a browser that went
// away is noticed and its stream ended.
const keepAlive = 15 * time.Second

// shutdownGrace is how long requests under way may take to finish once serving stops.
const shutdownGrace = 5 * time.Second

// Serve serves the live view on ln until ctx ends, then shuts the server down: event
// streams end, requests under way get a few seconds to finish, and Serve returns nil.
func (lv *Live) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           lv,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	srv.RegisterOnShutdown(lv.close)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving the live view: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

// close ends every event stream.
func (lv *Live) close() { lv.stop.Do(func() { close(lv.done) }) }

// routes are the only things the live view serves: the page, its picture and its event
// stream. GET patterns answer HEAD too; other methods get 405, other paths 404.
func (lv *Live) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", lv.page)
	mux.HandleFunc("GET /picture.svg", lv.picture)
	mux.HandleFunc("GET /events", lv.events)
	return mux
}

// ServeHTTP refuses a request whose Host header does not name the address served, with
// 403: a page on another site that a DNS name rebound to this machine must not read the
// map. Every answer forbids caching, sniffing and framing.
func (lv *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", livePolicy)
	if !lv.guard.allows(r.Host) {
		http.Error(w, fmt.Sprintf("403 forbidden: host %q is not the address journey serve listens on (%s)", r.Host, lv.guard.url()), http.StatusForbidden)
		return
	}
	lv.mux.ServeHTTP(w, r)
}

func (lv *Live) page(w http.ResponseWriter, _ *http.Request) {
	s, _, _ := lv.current()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(s.doc)
}

// picture serves the last good picture alone.
func (lv *Live) picture(w http.ResponseWriter, _ *http.Request) {
	_, svg, _ := lv.current()
	if len(svg) == 0 {
		http.Error(w, "no picture yet: the map has not loaded without errors", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	w.Write(svg)
}

// events is the event stream: a "page" event with the new content at every change, and
// at once when the browser shows another version than the current one (it names the
// version it shows in ?v= and, when reconnecting, in Last-Event-ID).
func (lv *Live) events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	rc := http.NewResponseController(w)
	seen := r.Header.Get("Last-Event-ID")
	if seen == "" {
		seen = r.URL.Query().Get("v")
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	_, err := io.WriteString(w, "retry: 1000\n\n")
	for err == nil {
		s, _, changed := lv.current()
		if s.version != seen {
			_, err = fmt.Fprintf(w, "id: %s\nevent: page\ndata: %s\n\n", s.version, s.msg)
			seen = s.version
		}
		if err == nil {
			err = rc.Flush()
		}
		select {
		case <-changed:
		case <-tick.C:
			_, err = io.WriteString(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-lv.done:
			return
		}
	}
}
