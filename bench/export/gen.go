package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// options are the command's flags.
type options struct {
	users, rows, names, active int
	ids, times                 string
	seed                       uint64
}

// check refuses flags that cannot give an export.
func (o *options) check() error {
	switch {
	case o.users < 1 || o.rows < 0 || o.active < 1:
		return errors.New("-users and -active must be at least 1, -rows at least 0")
	case o.names < len(shopEvents):
		return fmt.Errorf("-names must be at least %d, the shop's own event names", len(shopEvents))
	case o.ids != "uuid" && o.ids != "ga4" && o.ids != "short":
		return fmt.Errorf("unknown -ids %q; expected uuid, ga4 or short", o.ids)
	case o.times != "millis" && o.times != "seconds" && o.times != "micros":
		return fmt.Errorf("unknown -times %q; expected millis, seconds or micros", o.times)
	}
	return nil
}

// start is the time of the first row; the rows span period.
var (
	start  = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)
	period = 30 * 24 * time.Hour
)

// The events of the shop's sessions: the funnel shop.journey.yaml maps, and the events
// every GA4 export is full of. The other names are custom events, drawn with a skew.
const (
	evPageView = iota
	evSearch
	evViewItem
	evAddToCart
	evRemove
	evCheckout
	evPayment
	evPurchase
	evSessionStart
	evScroll
	evEngagement
	evClick
)

var shopEvents = []string{"page_view", "view_search_results", "view_item", "add_to_cart", "remove_from_cart",
	"begin_checkout", "add_payment_info", "purchase", "session_start", "scroll", "user_engagement", "click"}

var (
	sources = []string{"google", "(direct)", "newsletter", "facebook", "bing", "instagram"}
	devices = []string{"mobile", "desktop", "tablet"}
)

// session is a visit under way: its user and the next event it does.
type session struct {
	user int
	next int
	item int
}

// generator writes the rows of the sessions under way, one row at a time, each of a
// session drawn at random, so that a user's rows lie far apart in the file.
type generator struct {
	o        options
	rng      *rand.Rand
	sessions []session
	names    []string
	buf      []byte
}

// write writes the header and o.rows rows to w.
func write(w io.Writer, o options) error {
	g := &generator{o: o, rng: rand.New(rand.NewPCG(o.seed, o.seed^0x2545f4914f6cdd1d)), buf: make([]byte, 0, 512)}
	g.names = append(g.names, shopEvents...)
	for i := len(shopEvents); i < o.names; i++ {
		g.names = append(g.names, fmt.Sprintf("custom_event_%04d", i))
	}
	for range o.active {
		g.sessions = append(g.sessions, g.newSession())
	}
	if _, err := io.WriteString(w, "user_pseudo_id,event_timestamp,event_name,page_type,page_location,traffic_source,device_category\n"); err != nil {
		return err
	}
	step := float64(period) / float64(max(o.rows, 1))
	for i := range o.rows {
		at := start.Add(time.Duration(float64(i) * step))
		if _, err := w.Write(g.row(at)); err != nil {
			return err
		}
	}
	return nil
}

// newSession starts a session of a user drawn at random.
func (g *generator) newSession() session {
	return session{user: g.rng.IntN(g.o.users), next: evSessionStart, item: 1 + g.rng.IntN(5000)}
}

// row writes the next event of a session drawn at random, at time at, and moves it on.
func (g *generator) row(at time.Time) []byte {
	k := g.rng.IntN(len(g.sessions))
	s := &g.sessions[k]
	ev := s.next
	if ev < 0 {
		ev = g.noise()
	}
	b := g.appendID(g.buf[:0], s.user)
	b = append(b, ',')
	b = g.appendTime(b, at)
	b = append(b, ',')
	b = append(b, g.names[ev]...)
	b = append(b, ',')
	b = g.appendPage(b, ev, s)
	b = append(b, ',')
	b = append(b, sources[s.user%len(sources)]...)
	b = append(b, ',')
	b = append(b, devices[(s.user/7)%len(devices)]...)
	b = append(b, '\n')
	g.buf = b
	if s.next = g.after(s.next); s.next == done {
		*s = g.newSession()
	}
	return b
}

// done ends a session.
const done = -2

// after returns the event a session does after ev (-1 for a noise event), or done.
func (g *generator) after(ev int) int {
	r := g.rng.Float64()
	switch ev {
	case evSessionStart:
		return evPageView
	case evViewItem:
		return pick(r, 0.3, evAddToCart, 0.3, evViewItem, 0.25, -1)
	case evAddToCart:
		return pick(r, 0.12, evRemove, 0.5, evCheckout, 0.2, -1)
	case evRemove:
		return pick(r, 0.4, evViewItem, 0.3, evCheckout, 0, -1)
	case evCheckout:
		return pick(r, 0.7, evPayment, 0.1, -1, 0, -1)
	case evPayment:
		return pick(r, 0.8, evPurchase, 0, -1, 0, -1)
	case evPurchase:
		return pick(r, 0.3, -1, 0, -1, 0, -1)
	}
	return pick(r, 0.1, evSearch, 0.4, evViewItem, 0.35, -1) // page views, searches, noise
}

// pick returns a with chance pa, b with chance pb, c with chance pc, else done.
func pick(r, pa float64, a int, pb float64, b int, pc float64, c int) int {
	switch {
	case r < pa:
		return a
	case r < pa+pb:
		return b
	case r < pa+pb+pc:
		return c
	}
	return done
}

// noise returns a noise event: mostly the common ones, then custom events with a skew.
func (g *generator) noise() int {
	if r := g.rng.Float64(); r < 0.6 {
		return evScroll + g.rng.IntN(3)
	}
	if len(g.names) == len(shopEvents) {
		return evClick
	}
	custom := len(g.names) - len(shopEvents)
	k := int(math.Pow(g.rng.Float64(), 3) * float64(custom)) // low numbers are common
	return len(shopEvents) + min(k, custom-1)
}

// appendPage appends the page type and location of an event.
func (g *generator) appendPage(b []byte, ev int, s *session) []byte {
	switch ev {
	case evPageView:
		if s.item%3 == 0 {
			return append(b, "category,https://shop.example.com/c/"...)
		}
		return append(b, "home,https://shop.example.com/"...)
	case evViewItem, evAddToCart, evRemove:
		b = append(b, "product,https://shop.example.com/p/"...)
		return strconv.AppendInt(b, int64(s.item), 10)
	case evCheckout, evPayment, evPurchase:
		return append(b, "checkout,https://shop.example.com/checkout"...)
	}
	return append(b, ',')
}

// appendID appends user u's identity.
func (g *generator) appendID(b []byte, u int) []byte {
	x := mix(uint64(u) ^ g.o.seed<<32)
	switch g.o.ids {
	case "short":
		return strconv.AppendInt(append(b, 'u'), int64(u), 10)
	case "ga4":
		b = strconv.AppendUint(b, 1_000_000_000+x%9_000_000_000, 10)
		b = append(b, '.')
		return strconv.AppendUint(b, 1_700_000_000+mix(x)%100_000_000, 10)
	}
	var raw [16]byte
	for i := range 8 {
		raw[i], raw[8+i] = byte(x>>(8*i)), byte(mix(x)>>(8*i))
	}
	raw[6], raw[8] = raw[6]&0x0f|0x40, raw[8]&0x3f|0x80
	var h [32]byte
	hex.Encode(h[:], raw[:])
	b = append(b, h[:8]...)
	for _, part := range [][]byte{h[8:12], h[12:16], h[16:20], h[20:]} {
		b = append(append(b, '-'), part...)
	}
	return b
}

// mix is splitmix64's finaliser: it spreads the bits of x.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// appendTime appends t as the -times flag says.
func (g *generator) appendTime(b []byte, t time.Time) []byte {
	switch g.o.times {
	case "micros":
		return strconv.AppendInt(b, t.UnixMicro(), 10)
	case "seconds":
		return t.AppendFormat(b, time.RFC3339)
	}
	return t.AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
}
