package simulate

import (
	"bufio"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
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

// Options control a simulation.
type Options struct {
	// Users is the number of users to simulate.
	Users int
	// Seed makes the output reproducible: the same map, options and seed give the same bytes.
	Seed uint64
	// Start is the earliest time a user starts; zero means DefaultStart.
	Start time.Time
}

// Stats counts what Write wrote.
type Stats struct {
	Rows  int64
	Users int
}

// Write writes a CSV event file of opts.Users synthetic users walking m to w: a header row
// (`<identity>,timestamp,event,<where columns>`, the identity column being the map's
// `identity` or user_id) and the rows of each user in time order.
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
	g := &walker{plan: p, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		out: bw, start: opts.Start, buf: make([]byte, 0, 256)}
	for u := range opts.Users {
		g.user(u + 1)
	}
	return Stats{Rows: g.rows, Users: opts.Users}, bw.Flush()
}

// walker walks users through a plan and writes their rows.
type walker struct {
	plan  *plan
	rng   *rand.Rand
	out   *bufio.Writer
	start time.Time
	buf   []byte
	rows  int64
	// id and now are the current user's identity cell and clock.
	id  []byte
	now time.Time
}

// user simulates one user from an entry touchpoint until they drop off, reach the end of
// the flow, or have made more steps than a real visitor would.
func (g *walker) user(n int) {
	g.id = strconv.AppendInt(append(g.id[:0], 'u'), int64(n), 10)
	g.now = g.start.Add(time.Duration(g.rng.Int64N(int64(arrivalSpread))))
	steps := g.plan.steps
	if len(g.plan.entries) == 0 {
		return
	}
	cur := g.plan.entries[g.rng.IntN(len(g.plan.entries))]
	for range 3*len(steps) + 5 {
		s := &steps[cur]
		g.visit(s)
		next, ok := g.choose(s)
		if !ok {
			return
		}
		g.now = g.now.Add(g.gap(s, &steps[next]))
		cur = next
	}
}

// visit writes the rows of one visit to s: the touchpoint's row, maybe a repeat, maybe noise.
func (g *walker) visit(s *step) {
	g.emit(s.row)
	if g.rng.Float64() < s.repeat {
		g.now = g.now.Add(g.draw(repeatGap))
		g.emit(s.row)
	}
	if len(g.plan.noise) > 0 && g.rng.Float64() < noiseChance {
		g.now = g.now.Add(g.draw(noiseGap))
		g.emit(g.plan.noise[g.rng.IntN(len(g.plan.noise))])
	}
}

// choose picks where the user goes after s: nowhere (drop-off, or the flow ends there),
// anywhere on the map (the odd off-map jump), or one of s's next touchpoints.
func (g *walker) choose(s *step) (int, bool) {
	switch {
	case len(s.next) == 0 || g.rng.Float64() < s.drop:
		return 0, false
	case g.rng.Float64() < offMapChance:
		return g.rng.IntN(len(g.plan.steps)), true
	}
	return s.next[g.rng.IntN(len(s.next))], true
}

// gap is the time between visiting from and visiting to: the duration of from when the map
// gives one, plus minutes to hours within a stage, or hours to days into another stage.
func (g *walker) gap(from, to *step) time.Duration {
	d := from.tp.Duration
	if from.tp.Stage == to.tp.Stage {
		return d + g.draw(stageGap)
	}
	return d + g.draw(crossGap)
}

// span is a range of durations whose logarithm is drawn uniformly, so that short gaps are
// common and long ones happen; the logarithms are computed once.
type span struct{ lo, width float64 }

func newSpan(lo, hi time.Duration) span {
	l := math.Log(float64(lo))
	return span{lo: l, width: math.Log(float64(hi)) - l}
}

// The gaps users leave: between a repeat, before noise, within a stage, into another stage.
var (
	repeatGap = newSpan(time.Minute, 2*time.Hour)
	noiseGap  = newSpan(10*time.Second, 30*time.Minute)
	stageGap  = newSpan(time.Minute, 4*time.Hour)
	crossGap  = newSpan(time.Hour, 3*24*time.Hour)
)

// draw returns a duration from s, in whole seconds.
func (g *walker) draw(s span) time.Duration {
	d := time.Duration(math.Exp(s.lo + g.rng.Float64()*s.width))
	return d.Truncate(time.Second)
}

// emit writes one row at the current time; a nil row (a touchpoint without matcher) writes
// nothing.
func (g *walker) emit(row []byte) {
	if row == nil {
		return
	}
	b := append(g.buf[:0], g.id...)
	b = append(b, ',')
	b = g.now.AppendFormat(b, time.RFC3339)
	b = append(b, ',')
	b = append(b, row...)
	g.buf = b
	g.out.Write(b)
	g.rows++
}
