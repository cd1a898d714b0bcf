package simulate

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// walk is one user's way through the plan, a row at a time: users enter at an entry
// touchpoint and walk its flow until they drop off, reach the end of the flow, or have made
// more steps than a real visitor would. A walk draws from the walker's random stream, in
// the same order whenever it is walked, so it can be paused between rows.
type walk struct {
	pcg  rand.PCG      // where the walk is in the random stream, while it is paused
	now  time.Duration // since the walker's start's second; the time of the row to write
	user int32
	cur  int32 // the touchpoint being visited
	left int32 // the steps left
	// row is the row to write, its index in plan.rows: the text after the time column.
	row   int32
	phase phase
}

// phase is where a walk is in the visit of its current touchpoint.
type phase uint8

const (
	visitRow  phase = iota // the touchpoint's row
	repeatRow              // maybe the same row again
	noiseRow               // maybe an event the map does not know
	moveOn                 // choose where to go next
	ended
)

// begin starts the walk of user n: the time it arrives, and its entry touchpoint.
func (g *walker) begin(n int) walk {
	w := walk{user: int32(n), now: g.frac + time.Duration(g.rng.Int64N(int64(arrivalSpread)))}
	if len(g.plan.entries) == 0 {
		w.phase = ended
		return w
	}
	w.cur = int32(g.plan.entries[g.rng.IntN(len(g.plan.entries))])
	w.left = int32(3*len(g.plan.steps) + 5)
	return w
}

// next moves w on to its next row, setting w.now and w.row, and reports whether there is
// one. A touchpoint without a matcher leaves no row.
func (g *walker) next(w *walk) bool {
	for w.phase != ended {
		s := &g.plan.steps[w.cur]
		row := int32(-1)
		switch w.phase {
		case visitRow:
			row, w.phase = w.cur, repeatRow
		case repeatRow:
			w.phase = noiseRow
			if g.rng.Float64() < s.repeat {
				w.now += g.draw(repeatGap)
				row = w.cur
			}
		case noiseRow:
			w.phase = moveOn
			if len(g.plan.noise) > 0 && g.rng.Float64() < noiseChance {
				w.now += g.draw(noiseGap)
				row = int32(len(g.plan.steps) + g.rng.IntN(len(g.plan.noise)))
			}
		case moveOn:
			g.moveOn(w, s)
		}
		if row >= 0 && g.plan.rows[row] != nil {
			w.row = row
			return true
		}
	}
	return false
}

// moveOn takes w from s to the touchpoint the user goes to next, after a gap, or ends it.
func (g *walker) moveOn(w *walk, s *step) {
	next, ok := g.choose(s)
	if !ok {
		w.phase = ended
		return
	}
	w.now += g.gap(s, &g.plan.steps[next])
	w.cur, w.phase = int32(next), visitRow
	if w.left--; w.left == 0 {
		w.phase = ended
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

// emit writes w's row.
func (g *walker) emit(w *walk) {
	b := strconv.AppendInt(append(g.buf[:0], 'u'), int64(w.user), 10)
	b = append(b, ',')
	b = g.start.Add(w.now).AppendFormat(b, time.RFC3339)
	b = append(b, ',')
	b = append(b, g.plan.rows[w.row]...)
	g.buf = b
	g.out.Write(b)
	g.rows++
}
