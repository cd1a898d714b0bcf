package analysis

import (
	"cmp"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// noSegment is the segment of users without a value in the --by column.
const noSegment = "(none)"

// Analyze joins an event log to a map and computes every number of SPEC section 3, in
// total and, when opts.By is set, per segment. The log must have been read with the
// options Prepare fills from the same map.
func Analyze(m *journey.Map, log *events.Log, opts Options) *Report {
	p := newPlan(m, opts.Window)
	values, userSeg := segmentsOf(log, opts.By)
	p.densePairs = denseFits(len(p.tps), (len(values)+1)*workersFor(opts.Workers))
	accs := accumulate(p, log, userSeg, len(values), opts.Workers)
	total := newAcc(p)
	for _, a := range accs {
		total.merge(a)
	}
	var stats []gapStat
	r := &Report{
		Journey:       m.ID,
		Identity:      opts.Identity,
		WindowSeconds: seconds(p.window),
		Numbers:       numbersFor(p, total, inputOf(log.Counts, total.users), &stats),
		Segments:      []Segment{},
		Coverage:      coverageOf(p, log, total),
		NoGoal:        !m.HasGoal(),
	}
	if opts.By != "" {
		for i, v := range values {
			n := numbersFor(p, accs[i], inputOf(accs[i].counts, accs[i].users), &stats)
			r.Segments = append(r.Segments, Segment{Column: opts.By, Value: v, Numbers: n})
		}
	}
	// The gap statistics of the total and of every segment are taken in one go, on every
	// CPU, before the KPIs, which may read medians.
	computeStats(stats)
	r.DropEmptySegments()
	r.KPIs = kpisOf(p, r.Touchpoints)
	for i := range r.Segments {
		r.Segments[i].KPIs = kpisOf(p, r.Segments[i].Touchpoints)
	}
	return r
}

// numbersFor computes every number over the users an accumulator gathered but the KPIs,
// and adds the gap statistics it needs to stats; they are filled when computeStats runs.
func numbersFor(p *plan, a *acc, input Input, stats *[]gapStat) Numbers {
	n := Numbers{Input: input}
	n.Touchpoints = touchpointsOf(p, a, stats)
	n.Funnels = funnelsOf(p, a, stats)
	n.Transitions = transitionsOf(p, a)
	n.Goal = Goal{Users: a.goal, Rate: ratio(a.goal, a.users)}
	n.Cost = costOf(p, n.Touchpoints, a.goal)
	return n
}

// segmentsOf returns the sorted segment values and each user's index among them; without a
// --by column, everyone is in segment 0. The log numbers its distinct values already, so
// only those some user has are sorted, and a user's index is two array lookups.
func segmentsOf(log *events.Log, by string) ([]string, []int32) {
	if by == "" {
		return []string{""}, nil
	}
	raw := log.Segments()
	used := make([]bool, len(raw))
	userSeg := make([]int32, log.NumUsers())
	for i := range userSeg {
		userSeg[i] = int32(log.SegmentIndex(i))
		used[userSeg[i]] = true
	}
	index := map[string]int32{}
	for j, v := range raw {
		if used[j] {
			index[segmentName(v)] = 0
		}
	}
	values := slices.Sorted(maps.Keys(index))
	for i, v := range values {
		index[v] = int32(i)
	}
	final := make([]int32, len(raw)) // a raw value's index in values
	for j, v := range raw {
		final[j] = index[segmentName(v)]
	}
	for i, j := range userSeg {
		userSeg[i] = final[j]
	}
	return values, userSeg
}

func segmentName(v string) string {
	if v == "" {
		return noSegment
	}
	return v
}

// Shares runs work over users numbered 0 to users-1, split into contiguous shares, one per
// worker, each in its own goroutine, and returns the results in share order, so that a
// caller merging them in that order gets the same result however the users were split.
// workers <= 0 means runtime.GOMAXPROCS(0), as events.Read uses; there is at least one
// share, empty when there are no users. Every command that walks a log's users walks them
// this way.
func Shares[T any](users, workers int, work func(lo, hi int) T) []T {
	workers = max(1, min(workersFor(workers), users))
	parts := make([]T, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*users/workers, (w+1)*users/workers
		wg.Go(func() { parts[w] = work(lo, hi) })
	}
	wg.Wait()
	return parts
}

// workersFor is how many workers a count of 0 or less means: one per CPU.
func workersFor(workers int) int {
	if workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return workers
}

// accumulate runs the users through the workers, each over a contiguous share of them, and
// merges their accumulators per segment, in worker order.
func accumulate(p *plan, log *events.Log, userSeg []int32, segments, workers int) []*acc {
	parts := Shares(log.NumUsers(), workers, func(lo, hi int) []*acc {
		return work(p, log, userSeg, segments, lo, hi)
	})
	out := make([]*acc, segments)
	for s := range out {
		for _, part := range parts {
			switch {
			case part[s] == nil:
			case out[s] == nil:
				out[s] = part[s]
			default:
				out[s].merge(part[s])
			}
		}
		if out[s] == nil {
			out[s] = newAcc(p)
		}
	}
	return out
}

// work processes the log's users lo to hi-1 into one accumulator per segment (nil for
// segments it saw no user of).
func work(p *plan, log *events.Log, userSeg []int32, segments, lo, hi int) []*acc {
	w := newWorker(p)
	accs := make([]*acc, segments)
	for i := lo; i < hi; i++ {
		s := 0
		if userSeg != nil {
			s = int(userSeg[i])
		}
		if accs[s] == nil {
			accs[s] = newAcc(p)
		}
		w.user(accs[s], log, i)
	}
	return accs
}

func inputOf(c events.Counts, users int64) Input {
	return Input{Rows: c.Rows, Mapped: c.Mapped, Unmapped: c.Unmapped, Skipped: c.Skipped,
		Filtered: c.Filtered, Users: users}
}

// coverageOf lists what the map does not explain: touchpoints no row reached, the most
// frequent unmapped event names, the skipped rows and the warnings.
func coverageOf(p *plan, log *events.Log, total *acc) Coverage {
	c := Coverage{UnmatchedTouchpoints: []string{}, UnmappedEvents: []EventCount{},
		Skipped: problems(log.Skipped), Warnings: problems(log.Warnings)}
	for i, t := range p.tps {
		if total.tp[i].events == 0 {
			c.UnmatchedTouchpoints = append(c.UnmatchedTouchpoints, t.ID)
		}
	}
	for name, n := range log.Unmapped {
		c.UnmappedEvents = append(c.UnmappedEvents, EventCount{Event: name, Count: n})
	}
	slices.SortFunc(c.UnmappedEvents, func(a, b EventCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Event, b.Event))
	})
	if len(c.UnmappedEvents) > events.MostUnmapped {
		c.UnmappedEvents = c.UnmappedEvents[:events.MostUnmapped]
	}
	return c
}

func problems(ps []events.Problem) []RowProblem {
	out := make([]RowProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, RowProblem{File: p.File, Line: p.Line, Message: p.Message})
	}
	return out
}
