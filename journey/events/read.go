package events

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"sync"
)

// Default column names, used when Options leaves them empty.
const (
	DefaultID    = "user_id"
	DefaultTime  = "timestamp"
	DefaultEvent = "event"
)

// Read reads the sources as one stream of CSV rows and maps them to touchpoints.
//
// Problems in rows are counted and the first few of each kind reported in Log.Skipped; the
// returned error is an *Error when the input cannot be trusted (an unterminated quote, a
// corrupt gzip stream, a zip or UTF-16 file, an empty file, a bad header, or the first
// skipped row under Options.Strict), and any other error when a source could not be read.
//
// The stream is cut into blocks at row boundaries and parsed on every CPU; results are
// merged in input order, so the log does not depend on scheduling.
func Read(ctx context.Context, sources []Source, opts Options) (*Log, error) {
	return read(ctx, sources, opts, runtime.GOMAXPROCS(0))
}

// read is Read with workers workers and as many shards; the log is the same for any
// number (see TestShardsAgree).
func read(ctx context.Context, sources []Source, opts Options, workers int) (*Log, error) {
	if len(opts.Exclusions) > MaxExclusions {
		return nil, fmt.Errorf("at most %d funnel exclusions are supported, got %d", MaxExclusions, len(opts.Exclusions))
	}
	if len(opts.Touchpoints) > math.MaxInt16 {
		return nil, fmt.Errorf("at most %d touchpoints are supported, got %d", math.MaxInt16, len(opts.Touchpoints))
	}
	opts.ID = cmp.Or(opts.ID, DefaultID)
	opts.Time = cmp.Or(opts.Time, DefaultTime)
	opts.Event = cmp.Or(opts.Event, DefaultEvent)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pl := newPipeline(ctx, cancel, &opts, workers, sources)
	var wg sync.WaitGroup
	wg.Go(func() { pl.produce(sources) })
	m := newMerger(&opts, workers)
	ws := make([]*worker, workers)
	for i := range ws {
		ws[i] = newWorker(&opts, m.seed)
		wg.Go(func() { pl.work(ws[i]) })
	}
	shards := make([]chan *chunk, len(m.shards))
	var sg sync.WaitGroup
	for i, s := range m.shards {
		shards[i] = make(chan *chunk, cap(pl.free))
		sg.Go(func() { pl.shard(s, shards[i]) })
	}
	err := pl.merge(m, shards)
	for _, in := range shards {
		close(in)
	}
	sg.Wait()
	cancel()
	for range pl.ordered {
	}
	wg.Wait()
	pl.unmap()
	if err = cmp.Or(shardError(m.shards), err); err != nil {
		return nil, err
	}
	big := pl.doneBytes >= collectAfter
	l, err := m.log(ws, big)
	if err == nil && big {
		runtime.GC()
	}
	return l, err
}

// collectAfter is how many bytes a read takes before Read collects the garbage it leaves:
// its blocks, parsed chunks and outgrown arrays. What the caller allocates next, such as an
// analysis, then reuses their memory instead of fresh pages, each of which costs a fault;
// for a big read that saves more than the collection costs.
const collectAfter = 64 << 20

// work parses chunks until there are no more; after cancellation it only releases them.
func (pl *pipeline) work(w *worker) {
	for c := range pl.jobs {
		if pl.ctx.Err() == nil {
			parseChunk(w, c)
		}
		close(c.done)
	}
}

// parseChunk has w parse c. A chunk read in place is parsed panicking on faults, so that a file
// that shrinks meanwhile stops the read with an error (see mapping.catch).
func parseChunk(w *worker, c *chunk) {
	if c.src != nil {
		defer c.src.catch(&c.err)
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	}
	w.process(c)
}

// merge takes chunks in input order, waits for each to be parsed, merges what concerns the
// whole chunk and hands it on to every shard.
func (pl *pipeline) merge(m *merger, shards []chan *chunk) error {
	for c := range pl.ordered {
		select {
		case <-c.done:
		case <-pl.ctx.Done():
			// the chunk may never reach a worker now
			return pl.ctx.Err()
		}
		if c.err != nil {
			return c.err
		}
		if err := m.add(c); err != nil {
			return err
		}
		if c.buf == nil && c.src == nil {
			continue
		}
		c.pending.Store(int32(len(shards)))
		for _, in := range shards {
			in <- c
		}
	}
	return pl.ctx.Err()
}

// shard merges the chunks handed to shard s, in input order; the last shard done with a
// chunk frees it. After an error it only frees them, and cancels the read.
func (pl *pipeline) shard(s *shard, in chan *chunk) {
	for c := range in {
		if s.err == nil && pl.ctx.Err() == nil {
			if s.err = s.add(c); s.err != nil {
				pl.cancel()
			}
		}
		if c.pending.Add(-1) == 0 {
			c.release()
			pl.free <- c
		}
	}
}

// shardError returns the first shard's error, if any.
func shardError(shards []*shard) error {
	for _, s := range shards {
		if s.err != nil {
			return s.err
		}
	}
	return nil
}
