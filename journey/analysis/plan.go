package analysis

import (
	"slices"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// plan is the map compiled into the index tables the per-user loops read, so that the hot
// path never looks up an id.
type plan struct {
	tps   []*journey.Touchpoint
	next  [][]int32      // next[t]: the touchpoint indexes t's flow continues to
	onMap map[int32]bool // onMap[a*n+b]: b is in a's next
	// densePairs says whether the transitions are tallied in arrays of every pair (see pairs).
	densePairs bool
	goal       bitset // the goal touchpoints
	window     int64  // map-level window in nanoseconds
	funnels    []*funnelPlan
	// currency is the map's currency of the touchpoints' costs, "" for none.
	currency string
}

// funnelPlan is one funnel compiled against the touchpoint indexes.
type funnelPlan struct {
	f      *journey.Funnel
	order  string
	strict bool // order is journey.Strict, asked once per event
	window int64
	n      int // number of steps
	// stepsOf[t+1] lists, ascending, the 1-based steps an event at touchpoint t fills
	// (index 0 is for unmapped rows); stepKey[t+1] is the same list as a small id, so that
	// two events can be compared in O(1).
	stepsOf [][]int32
	stepKey []int32
	// looksAt[t+1] is 1 when the funnel looks at every event at touchpoint t (or, at
	// index 0, every unmapped row): those that fill a step, or all in a strict funnel.
	looksAt []uint8
	excl    []exclPlan
	// exclMask has the Event.Exclude bits of this funnel's exclusions.
	exclMask uint32
	// starts is the presence set of the touchpoints that can start the funnel (fill step
	// 1, or in unordered funnels any step); a user without one is skipped. Zero when some
	// such touchpoint is beyond 63: never skip.
	starts uint64
	// later is the presence set of the touchpoints that fill a step after the first.
	// firstOnly says that a user who can start the funnel and has none of them reaches
	// step 1 and no further, without a run: the funnel is ordered or strict, has no
	// exclusions, some touchpoint starts it, and the map has at most 64 touchpoints, so
	// that presence sets are exact.
	later     uint64
	firstOnly bool
}

// exclPlan is one exclusion: its Event.Exclude bit and the attempt slots it applies to
// (slot k = an attempt that reached step k and not step k+1).
type exclPlan struct {
	bit   uint32
	slots uint64
}

func newPlan(m *journey.Map, override time.Duration) *plan {
	p := &plan{tps: m.Touchpoints(), window: int64(m.EffectiveWindow(nil, override)), currency: m.Currency}
	n := len(p.tps)
	p.next = make([][]int32, n)
	p.onMap = map[int32]bool{}
	p.goal = newBitset(n)
	for i, t := range p.tps {
		for _, nx := range m.NextOf(t) {
			p.next[i] = append(p.next[i], int32(nx.Index))
			p.onMap[int32(i*n+nx.Index)] = true
		}
		if t.Goal {
			p.goal.add(int32(i))
		}
	}
	funnels := m.EffectiveFunnels()
	first, _ := firstBits(funnels)
	for i, f := range funnels {
		p.funnels = append(p.funnels, newFunnelPlan(m, p.tps, f, override, first[i]))
	}
	return p
}

func newFunnelPlan(m *journey.Map, tps []*journey.Touchpoint, f *journey.Funnel, override time.Duration, firstBit int) *funnelPlan {
	fp := &funnelPlan{f: f, order: f.Order, window: int64(m.EffectiveWindow(f, override)), n: len(f.Steps)}
	if fp.order == "" {
		fp.order = journey.Ordered
	}
	fp.strict = fp.order == journey.Strict
	fp.stepTables(tps)
	fp.presenceSets()
	fp.exclusions(firstBit)
	fp.firstOnly = fp.order != journey.Unordered && fp.exclMask == 0 && fp.window >= 0 && fp.starts != 0 && len(tps) <= 64
	return fp
}

// stepTables fills stepsOf and stepKey.
func (fp *funnelPlan) stepTables(tps []*journey.Touchpoint) {
	fp.stepsOf = make([][]int32, len(tps)+1)
	fp.stepKey = make([]int32, len(tps)+1)
	var keys [][]int32
	for i, t := range tps {
		for s, id := range fp.f.Steps {
			if id == t.ID || (t.Stage != nil && id == t.Stage.ID) {
				fp.stepsOf[i+1] = append(fp.stepsOf[i+1], int32(s+1))
			}
		}
		if len(fp.stepsOf[i+1]) > 0 {
			// A touchpoint that fills no step is the kind of an unmapped row (key 0): at one
			// instant, rows that fill no step do not differ.
			k := slices.IndexFunc(keys, func(x []int32) bool { return slices.Equal(x, fp.stepsOf[i+1]) })
			if k < 0 {
				k = len(keys)
				keys = append(keys, fp.stepsOf[i+1])
			}
			fp.stepKey[i+1] = int32(k + 1)
		}
	}
}

// presenceSets fills starts, later and looksAt from stepsOf.
func (fp *funnelPlan) presenceSets() {
	fp.looksAt = make([]uint8, len(fp.stepsOf))
	for i, steps := range fp.stepsOf {
		if fp.strict || len(steps) > 0 {
			fp.looksAt[i] = 1
		}
		if i == 0 || len(steps) == 0 {
			continue
		}
		if steps[0] == 1 || fp.order == journey.Unordered {
			fp.starts |= presenceOf(i - 1)
		}
		if steps[len(steps)-1] > 1 {
			fp.later |= presenceOf(i - 1)
		}
	}
	if fp.starts == ^uint64(0) {
		fp.starts = 0
	}
}

// exclusions fills excl and exclMask; the funnel's exclusions have the Event.Exclude bits
// from firstBit on.
func (fp *funnelPlan) exclusions(firstBit int) {
	for j, x := range fp.f.Exclude {
		from, to := x.From, x.To
		if from == 0 && to == 0 {
			from, to = 1, fp.n
		}
		e := exclPlan{bit: 1 << uint(firstBit+j)}
		for k := from; k < to && k < 64; k++ {
			e.slots |= 1 << uint(k)
		}
		fp.excl = append(fp.excl, e)
		fp.exclMask |= e.bit
	}
}

// presenceOf returns the presence set (see bitset.presence) of touchpoint t alone.
func presenceOf(t int) uint64 {
	if t >= 64 {
		return ^uint64(0)
	}
	return 1 << uint(t)
}

// exclSlots returns the attempt slots an event's exclusion matches apply to in this funnel.
func (fp *funnelPlan) exclSlots(e *events.Event) uint64 {
	if e.Exclude&fp.exclMask == 0 {
		return 0
	}
	var s uint64
	for _, x := range fp.excl {
		if e.Exclude&x.bit != 0 {
			s |= x.slots
		}
	}
	return s
}

// looks returns 1 when the funnel looks at an event at all, else 0: strict funnels see
// every row, the others only rows that fill a step or match one of its exclusions. Runs of
// a funnel are given those alone: at an instant of its own, another event changes
// nothing, and an event the funnel looks at changes the same whether others share its
// instant or not.
func (fp *funnelPlan) looks(e *events.Event) int {
	excluded := 0
	if e.Exclude&fp.exclMask != 0 {
		excluded = 1
	}
	return int(fp.looksAt[e.Touchpoint+1]) | excluded
}

// steps returns the 1-based funnel steps an event fills, ascending.
func (fp *funnelPlan) steps(e *events.Event) []int32 { return fp.stepsOf[e.Touchpoint+1] }
