package simulate

import (
	"bufio"
	"errors"
	"io"
	"math/rand/v2"
	"time"

	"github.com/journey-cx/journey/journey"
)

// DefaultStart is the time the first simulated user may start: a fixed date, so that the
// same seed gives the same file on any day.
var DefaultStart = time.Date(2026, time.January, 5, 8, 0, 0, 0, time.UTC)

// Chances of the things users do besides following the flow, per visited touchpoint.
const (
	offMapChance = 0.03 // jump to a touchpoint the flow does not lead to
	noiseChance  = 0.05 // do an event the map does not know
	// arrivalSpread is the period over which users start their journeys.
	arrivalSpread = 28 * 24 * time.Hour
)

// Order is the order Write writes rows in.
type Order int

const (
	// ByTime writes all rows in time order, as real exports are; rows of the same second
	// come in the order of their users' numbers, so the file is the ByUser file sorted
	// stably by its timestamp column.
	ByTime Order = iota
	// ByUser writes the rows user by user, each user's in time order.
	ByUser
)

// Options control a simulation.
type Options struct {
	// Users is the number of users to simulate.
	Users int
	// Seed makes the output reproducible: the same map, options and seed give the same bytes.
	Seed uint64
	// Start is the earliest time a user starts; zero means DefaultStart.
	Start time.Time
	// Order is the order of the rows; the zero value is ByTime.
	Order Order
}

// Stats counts what Write wrote.
type Stats struct {
	Rows  int64
	Users int
}

// Write writes a CSV event file of opts.Users synthetic users walking m to w: a header row
// (`<identity>,timestamp,event,<where columns>`, the identity column being the map's
// `identity` or user_id) and the rows, in opts.Order. Users are numbered u1, u2, ... and
// draw from one random stream in turn, so both orders hold the same rows.
//
// ByUser holds one user at a time. ByTime first walks every user without writing, to note
// where each starts in the random stream and when it arrives, then writes the rows of all
// users merged by time: it holds about 100 bytes per user, however many rows they write.
func Write(w io.Writer, m *journey.Map, opts Options) (Stats, error) {
	if opts.Users < 0 {
		return Stats{}, errors.New("the number of users must not be negative")
	}
	if opts.Start.IsZero() {
		opts.Start = DefaultStart
	}
	identity := m.Identity
	if identity == "" {
		identity = "user_id"
	}
	p := newPlan(m)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(header(identity, p.columns))
	// Times are kept from the start's second, so that a walk's second is its time's.
	second := opts.Start.Truncate(time.Second)
	g := &walker{plan: p, pcg: rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15), out: bw,
		start: second, frac: opts.Start.Sub(second), buf: make([]byte, 0, 256)}
	g.rng = rand.New(g.pcg)
	if opts.Order == ByUser {
		g.byUser(opts.Users)
	} else {
		g.byTime(opts.Users)
	}
	return Stats{Rows: g.rows, Users: opts.Users}, bw.Flush()
}

// walker walks users through a plan and writes their rows.
type walker struct {
	plan *plan
	// rng draws from pcg, the stream of the user being walked.
	pcg   *rand.PCG
	rng   *rand.Rand
	out   *bufio.Writer
	start time.Time     // the start's second
	frac  time.Duration // the start after its second
	buf   []byte
	rows  int64
}

// byUser writes the rows of users 1 to n, one user after the other.
func (g *walker) byUser(n int) {
	for u := range n {
		w := g.begin(u + 1)
		for g.next(&w) {
			g.emit(&w)
		}
	}
}
