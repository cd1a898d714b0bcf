package attribution

import (
	"math"
	"slices"

	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/markov"
)

// acc adds up the credits of a share of the users; merge adds shares up in order.
type acc struct {
	paths, conversions int64
	value              float64
	touches            []int64
	// credit[k][c] and worth[k][c] are the conversions and the value model k gives
	// channel c.
	credit, worth [numModels][]float64
	// chain counts the paths' transitions: state 0 is (start), 1+c channel c; absorbing
	// state 0 is (conversion), 1 (null).
	chain *markov.Counts
}

// Absorbing states of the attribution chain.
const (
	conversion = 0
	null       = 1
)

func newAcc(p *plan) *acc {
	n := len(p.names)
	a := &acc{touches: make([]int64, n), chain: markov.NewCounts(1+n, 2)}
	for k := range numModels {
		a.credit[k], a.worth[k] = make([]float64, n), make([]float64, n)
	}
	return a
}

// merge adds b into a.
func (a *acc) merge(b *acc) {
	a.paths += b.paths
	a.conversions += b.conversions
	a.value += b.value
	for c := range a.touches {
		a.touches[c] += b.touches[c]
	}
	for k := range numModels {
		for c := range a.credit[k] {
			a.credit[k][c] += b.credit[k][c]
			a.worth[k][c] += b.worth[k][c]
		}
	}
	a.chain.Merge(b.chain)
}

// walker turns one user at a time into a path, reusing its buffers.
type walker struct {
	p     *plan
	log   *events.Log
	evs   []events.Event
	chans []int32 // the path's touches: channels
	times []int64 // and times
	w     []float64
}

func newWalker(p *plan, log *events.Log) *walker { return &walker{p: p, log: log} }

// user adds the path of the log's user i to a: its touches and transitions and, when the
// user converted, every model's credit.
func (w *walker) user(a *acc, i int) {
	end, converted, ok := w.path(i)
	if !ok {
		return
	}
	a.paths++
	w.trim(end)
	if converted && len(w.chans) == 0 {
		w.chans, w.times = append(w.chans, w.p.direct), append(w.times, end)
	}
	prev := 0 // (start)
	for _, c := range w.chans {
		a.touches[c]++
		a.chain.Add(prev, 1+int(c), 1)
		prev = 1 + int(c)
	}
	if !converted {
		a.chain.Add(prev, a.chain.Absorbing(null), 1)
		return
	}
	a.chain.Add(prev, a.chain.Absorbing(conversion), 1)
	v := 1.0
	if w.p.value {
		v, _ = w.log.Value(i) // a value that is not a number counts 0
	}
	a.conversions++
	a.value += v
	w.credit(a, v)
}

// path gathers user i's touches before their first goal event into chans and times. It
// returns the path's end (the conversion's time, or the last touch's), whether the user
// converted, and false when the user has no mapped event.
func (w *walker) path(i int) (end int64, converted, ok bool) {
	w.evs = w.log.AppendEvents(w.evs[:0], i)
	w.chans, w.times = w.chans[:0], w.times[:0]
	for _, e := range w.evs {
		if e.Touchpoint < 0 {
			continue
		}
		if w.p.goal[e.Touchpoint] {
			return e.Time, true, true
		}
		w.chans = append(w.chans, w.p.of[e.Touchpoint])
		w.times = append(w.times, e.Time)
	}
	if len(w.times) == 0 {
		return 0, false, false
	}
	return w.times[len(w.times)-1], false, true
}

// trim drops the touches more than the lookback before end.
func (w *walker) trim(end int64) {
	if w.p.lookback <= 0 {
		return
	}
	k := 0
	for k < len(w.times) && !events.Within(end, w.times[k], w.p.lookback) {
		k++
	}
	w.chans, w.times = w.chans[k:], w.times[k:]
}

// credit hands one conversion of value v to the path's touches by every model computed but
// Markov, which is solved from the counts at the end.
func (w *walker) credit(a *acc, v float64) {
	n := len(w.chans)
	first, last := w.chans[0], w.chans[n-1]
	add := func(k int, c int32, share float64) {
		a.credit[k][c] += share
		a.worth[k][c] += float64(share * v) // rounded first: no fused multiply-add
	}
	add(mFirst, first, 1)
	add(mLast, last, 1)
	for _, c := range w.chans {
		add(mLinear, c, 1/float64(n))
	}
	w.position(add)
	if w.p.on[mTimeDecay] {
		w.timeDecay(add)
	}
}

// position gives 40% to the first touch, 40% to the last and 20% to the ones between;
// one touch takes all, two take half each.
func (w *walker) position(add func(k int, c int32, share float64)) {
	n := len(w.chans)
	switch n {
	case 1:
		add(mPosition, w.chans[0], 1)
		return
	case 2:
		add(mPosition, w.chans[0], 0.5)
		add(mPosition, w.chans[1], 0.5)
		return
	}
	add(mPosition, w.chans[0], 0.4)
	add(mPosition, w.chans[n-1], 0.4)
	for _, c := range w.chans[1 : n-1] {
		add(mPosition, c, 0.2/float64(n-2))
	}
}

// timeDecay weighs each touch 2^(-(end - t) / half-life) and shares by weight. The weights
// are taken relative to the latest touch's, 2^(-(latest - t) / half-life), which gives the
// same shares: the latest weighs 1, so touches long before the conversion, whose own
// weights would underflow to 0, still share by how far apart they are.
func (w *walker) timeDecay(add func(k int, c int32, share float64)) {
	w.w = w.w[:0]
	latest := slices.Max(w.times)
	sum := 0.0
	for _, t := range w.times {
		x := math.Exp2(-float64(events.Since(latest, t)) / w.p.halfLife)
		w.w = append(w.w, x)
		sum += x
	}
	for i, c := range w.chans {
		add(mTimeDecay, c, w.w[i]/sum)
	}
}
