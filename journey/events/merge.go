package events

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"maps"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/journey-cx/journey/journey"
)

// merger folds parsed chunks, in input order, into the log. It adds up the counts and the
// reported problems of every chunk itself, and hands each chunk on to the shards, which
// merge the runs of their users; at the end it numbers the users of all shards in the order
// the input first names them. Taking chunks in order is what keeps numbering and ties
// deterministic however the workers were scheduled.
type merger struct {
	opts   *Options
	seed   maphash.Seed // of every shard's table; workers hash identities with it
	shards []*shard
	counts Counts
	// skipped are the first skipped rows of each kind; perKind counts them all.
	skipped []Problem
	perKind [numKinds]int
	// warnings are the implausible times reported so far.
	warnings []Problem
	vals     valueMerger // what the value picks need of the files, only with a Value column
	// files are the names of the files read; lacking counts, per column the matchers
	// compare, the files that lack it; found are the columns of each file (see columns),
	// for the message when no file has the By or Value column; bySeen says some file has
	// the By column.
	files   []string
	lacking map[string]int
	found   [][]string
	bySeen  bool
	// fileRows and fileWarned count the rows and implausible times of the current file.
	fileRows, fileWarned int64
}

// newMerger returns an empty merger with shards shards.
func newMerger(opts *Options, shards int) *merger {
	m := &merger{opts: opts, seed: maphash.MakeSeed()}
	for i := range shards {
		m.shards = append(m.shards, newShard(i, opts, m.seed))
	}
	return m
}

// add merges what concerns a whole chunk: its counts, problems and warnings. Under
// Options.Strict its first skipped row is an error.
func (m *merger) add(c *chunk) error {
	if m.opts.Strict && len(c.problems) > 0 {
		p := c.problems[0]
		return &Error{File: p.File, Line: p.Line, Message: p.Message + " (strict mode stops at the first skipped row)"}
	}
	if c.eof {
		m.endFile(c.plan)
		m.noteLacks(c.plan)
		m.noteColumns(c.plan)
		if m.opts.Value != "" {
			m.vals.noteFile(c.plan)
		}
		return nil
	}
	m.addCounts(c)
	return nil
}

// addCounts adds a chunk's totals and its reported problems.
func (m *merger) addCounts(c *chunk) {
	m.counts.Add(c.tally)
	m.fileRows += c.tally.Rows
	for _, p := range c.problems {
		if m.perKind[p.kind] < maxReported {
			m.skipped = append(m.skipped, p.Problem)
		}
		m.perKind[p.kind]++
	}
	for _, w := range c.warnings {
		if m.fileWarned < maxReported {
			m.warnings = append(m.warnings, w)
		}
		m.fileWarned++
	}
	m.fileWarned += c.nWarned - int64(len(c.warnings))
}

// noteColumns notes the columns of the file of plan p, and whether it has the By column.
func (m *merger) noteColumns(p *plan) {
	m.found = append(m.found, p.found)
	m.bySeen = m.bySeen || p.has(p.by)
}

// columns returns the columns of every file, each once, in the order they were found. Only
// a message needs them, so they are gathered then, not as the files are read.
func (m *merger) columns() []string {
	var out []string
	seen := map[string]bool{}
	for _, cols := range m.found {
		for _, c := range cols {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// missing returns the error for a column that no file has, the flag's (--by) or the
// value column: it lists the columns found, suggesting the closest.
func (m *merger) missing(what, col string) error {
	columns := m.columns()
	msg := fmt.Sprintf("no event file has the %s column %q", what, col)
	if s := journey.Suggest(col, columns); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return &Error{File: strings.Join(m.files, ", "), Message: msg + "; the columns found: " + quoteList(columns)}
}

// noteLacks notes the file of plan p and the compared columns it lacks.
func (m *merger) noteLacks(p *plan) {
	m.files = append(m.files, p.file)
	for _, c := range p.lacks {
		if m.lacking == nil {
			m.lacking = map[string]int{}
		}
		m.lacking[c]++
	}
}

// lackWarnings warns of each column the matchers compare that no file has: its conditions
// match nothing, which the coverage report shows only as touchpoints no row reached.
func (m *merger) lackWarnings() []Problem {
	var out []Problem
	for _, c := range slices.Sorted(maps.Keys(m.lacking)) {
		if m.lacking[c] == len(m.files) {
			out = append(out, Problem{File: strings.Join(m.files, ", "), Message: fmt.Sprintf(
				"no event file has the column %q that the map's where conditions compare: they match nothing", c)})
		}
	}
	return out
}

// endFile adds the warnings that concern a whole file.
func (m *merger) endFile(p *plan) {
	if m.fileRows == 0 {
		m.warnings = append(m.warnings, Problem{File: p.file, Message: "the file has a header but no rows"})
	}
	if m.fileWarned > maxReported {
		m.warnings = append(m.warnings, Problem{File: p.file, Message: fmt.Sprintf(
			"%d rows in all have times before 1990 or after 2100; the first %d are listed", m.fileWarned, maxReported)})
	}
	m.fileRows, m.fileWarned = 0, 0
}

// log builds the result once every chunk is merged: users in the order they were first
// met, each user's events in one range of the store, sorted by time (stably, so ties keep
// input order).
func (m *merger) log(workers []*worker, big bool) (*Log, error) {
	switch {
	case m.opts.By != "" && !m.bySeen:
		return nil, m.missing("--by", m.opts.By)
	case m.opts.Value != "" && !m.vals.seen:
		return nil, m.missing("value", m.opts.Value)
	}
	ids := 0
	if m.opts.keepIDs {
		for _, s := range m.shards {
			ids += s.table.ids.size()
		}
		if ids > math.MaxUint32 {
			return nil, fmt.Errorf("at most %d bytes of identities are supported, got %d", uint32(math.MaxUint32), ids)
		}
	}
	for _, s := range m.shards {
		s.table.release() // only numbering users, and comparing identities, needed it
	}
	if big {
		// the chunks, what outgrew its arrays and the tables' identities are garbage now:
		// collected, their memory takes the users the shards lay out, and the stores they
		// regroup
		runtime.GC()
	}
	var wg sync.WaitGroup
	for _, s := range m.shards {
		wg.Go(s.finish)
	}
	wg.Wait()
	store, bases, err := concatStores(m.shards)
	if err != nil {
		return nil, err
	}
	l := &Log{events: store, Counts: m.counts, Skipped: m.skipped, Warnings: append(m.warnings, m.lackWarnings()...),
		everyUser: m.opts.By != ""}
	if big {
		runtime.GC() // for the log's users to take the memory regrouping let go of
	}
	unsorted := m.number(l, bases, ids)
	if err := m.vals.log(l, m.opts.Value, m.shards); err != nil {
		return nil, err
	}
	unmapped := mergeNames(workers)
	if err := unmapped.err(); err != nil {
		return nil, err
	}
	l.Unmapped = unmapped.top(MostUnmapped)
	l.sortEvents(unsorted)
	return l, nil
}

// mergeNames adds the unmapped names every worker counted to the table of the worker that
// counted the most, lets go of the other tables, and returns that one.
func mergeNames(workers []*worker) *nameCounts {
	most := slices.MaxFunc(workers, func(a, b *worker) int { return cmp.Compare(a.unmapped.n, b.unmapped.n) })
	for _, w := range workers {
		if w != most {
			most.unmapped.merge(&w.unmapped)
			w.unmapped = nameCounts{}
		}
	}
	return &most.unmapped
}

// concatStores puts the shards' stores one after the other, each from a page of its own
// on, and returns where each shard's events start.
func concatStores(shards []*shard) (eventStore, []uint32, error) {
	out := eventStore{excludes: shards[0].store.excludes}
	bases := make([]uint32, len(shards))
	for i, s := range shards {
		base := len(out.pages) << pageShift
		if base+s.store.n > math.MaxUint32 {
			return eventStore{}, nil, fmt.Errorf("at most %d kept events are supported", uint32(math.MaxUint32))
		}
		bases[i] = uint32(base)
		if s.store.n > 0 {
			out.pages = append(out.pages, s.store.pages...)
			out.n = base + s.store.n
		}
		s.store = eventStore{}
	}
	return out, bases, nil
}

// number adds the shards' users to l in the order the input first names them, their
// events starting at their shard's base in l's store, and numbers the segment values in
// the order of the first user who has each. ids is the length of every identity together,
// which l keeps under Options.keepIDs. It returns the numbers in l of the users the shards
// found out of time order.
func (m *merger) number(l *Log, bases []uint32, ids int) []int {
	var idBuf []byte
	if m.opts.keepIDs {
		idBuf = make([]byte, 0, ids)
	}
	var unsorted []int
	seen := make([]int, len(m.shards)) // of each shard's unsorted users
	var segs *segmentMap
	if m.opts.By != "" {
		segs = newSegmentMap(m.shards)
		l.segOf = &column[uint32]{}
	}
	if m.opts.Value != "" {
		l.values = &column[userValue]{}
	}
	mergeShards(m.shards, func(s *shard, i int) {
		if k := seen[s.index]; k < len(s.unsorted) && int(s.unsorted[k]) == i {
			unsorted = append(unsorted, l.users.n)
			seen[s.index]++
		}
		info := *s.users.at(i)
		info.start += bases[s.index]
		*l.users.add() = info
		if idBuf != nil {
			start, end := s.table.idRange(uint32(i))
			idBuf = append(idBuf, s.table.ids.bytes(start, end)...)
			s.table.ids.free(start)
			*l.idEnds.add() = uint32(len(idBuf))
		}
		if segs != nil {
			*l.segOf.add() = segs.global(s, *s.segOf.at(i))
		}
		if l.values != nil {
			*l.values.add() = *s.values.at(i)
		}
	})
	if idBuf != nil {
		l.ids = unsafe.String(unsafe.SliceData(idBuf), len(idBuf))
	}
	if segs != nil {
		l.segments = segs.values
	}
	return unsorted
}

// mergeShards calls visit for every user of every shard, in the order the input first
// names them: each shard's users are in that order already, so it merges them by where
// they were first named.
func mergeShards(shards []*shard, visit func(s *shard, i int)) {
	next := make([]int, len(shards))
	for {
		best := -1
		for k, s := range shards {
			if next[k] < s.first.n && (best < 0 || *s.first.at(next[k]) < *shards[best].first.at(next[best])) {
				best = k
			}
		}
		if best < 0 {
			return
		}
		visit(shards[best], next[best])
		next[best]++
	}
}

// segmentMap numbers the distinct segment values of all shards, "" first, in the order they
// are asked for.
type segmentMap struct {
	values []string
	index  map[string]uint32
	ix     [][]uint32 // per shard, its values' numbers; 0 for not yet numbered
}

// newSegmentMap returns an empty map for the values of shards.
func newSegmentMap(shards []*shard) *segmentMap {
	m := &segmentMap{values: []string{""}, index: map[string]uint32{"": 0}, ix: make([][]uint32, len(shards))}
	for i, s := range shards {
		m.ix[i] = make([]uint32, len(s.segments))
	}
	return m
}

// global returns the number of shard s's value v.
func (m *segmentMap) global(s *shard, v uint32) uint32 {
	if v == 0 {
		return 0
	}
	g := &m.ix[s.index][v]
	if *g == 0 {
		ix, ok := m.index[s.segments[v]]
		if !ok {
			ix = uint32(len(m.values))
			m.values = append(m.values, s.segments[v])
			m.index[s.segments[v]] = ix
		}
		*g = ix
	}
	return *g
}

// tally is one user's row counts.
type tally struct {
	mapped, unmapped, filtered uint32
}

// add adds o's counts to t.
func (t *tally) add(o tally) {
	t.mapped += o.mapped
	t.unmapped += o.unmapped
	t.filtered += o.filtered
}

// sortEvents orders the events of the users listed by time, keeping input order for ties,
// one by one, as sorting may move a page to nanoseconds. Most exports are already in time
// order, and the shards list the few users who are not as they lay their events out.
func (l *Log) sortEvents(users []int) {
	var evs []Event
	for _, u := range users {
		info := l.users.at(u)
		lo, hi := int(info.start), int(info.start+info.count)
		evs = l.events.appendRange(evs[:0], lo, hi)
		slices.SortStableFunc(evs, func(x, y Event) int { return cmp.Compare(x.Time, y.Time) })
		for j, e := range evs {
			l.events.set(lo+j, e)
		}
	}
}
