package events

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/journey-cx/journey/journey"
)

// generate writes a deterministic event file of rows rows with the columns
// user_id,timestamp,event,page: about 55 bytes a row, users visiting in time order.
func generate(w io.Writer, rows int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintln(bw, "user_id,timestamp,event,page")
	events := []string{"page_view", "page_view", "page_view", "add_to_cart", "checkout", "purchase", "signup"}
	pages := []string{"/", "/products", "/products/roses", "/cart", "/checkout", "/account"}
	users := max(rows/50, 1)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	x := uint64(88172645463325252)
	for i := range rows {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		t := time.Unix(start+int64(i)*3, 0).UTC()
		fmt.Fprintf(bw, "u%07d,%s,%s,%s\n", x%uint64(users), t.Format("2006-01-02T15:04:05Z"),
			events[(x>>20)%uint64(len(events))], pages[(x>>30)%uint64(len(pages))])
	}
	return bw.Flush()
}

// generateExport writes a deterministic export of rows rows with the columns
// user_pseudo_id,event_timestamp,event_name,page: about 100 bytes a row, in time order
// with millisecond times, 36-byte identities of rows/5 users drawn at random, so that a
// user's rows lie far apart, and 300 event names, most of which no touchpoint maps.
func generateExport(w io.Writer, rows int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintln(bw, "user_pseudo_id,event_timestamp,event_name,page")
	events := []string{"page_view", "page_view", "add_to_cart", "checkout", "purchase", "signup"}
	pages := []string{"/", "/products", "/products/roses", "/cart", "/checkout", "/account"}
	users := uint64(max(rows/5, 1))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	x := uint64(88172645463325252)
	for i := range rows {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		u := x % users * 0x9e3779b97f4a7c15
		name := fmt.Sprintf("custom_%03d", (x>>20)%300)
		if (x>>40)%2 == 0 {
			name = events[(x>>20)%uint64(len(events))]
		}
		t := time.UnixMilli(start + int64(i)*250).UTC()
		fmt.Fprintf(bw, "%08x-%04x-4%03x-8%03x-%012x,%s,%s,%s\n", u>>32, u>>16&0xffff, u>>4&0xfff, u&0xfff, u>>16&0xffffffffffff,
			t.Format("2006-01-02T15:04:05.000Z"), name, pages[(x>>30)%uint64(len(pages))])
	}
	return bw.Flush()
}

// benchTouchpoints maps most generated rows: page views by page, then the other events.
func benchTouchpoints() [][]journey.Matcher {
	view := func(pages ...string) []journey.Matcher {
		return []journey.Matcher{{Event: "page_view", Where: []journey.Where{{Column: "page", Values: pages}}}}
	}
	return [][]journey.Matcher{
		view("/"), view("/products", "/products/roses"), {{Event: "signup"}},
		{{Event: "add_to_cart"}}, view("/cart", "/checkout"), {{Event: "checkout"}}, {{Event: "purchase"}},
	}
}
