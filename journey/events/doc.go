// Package events reads event exports (CSV, JSON Lines or Parquet; CSV and JSON Lines
// optionally gzip-compressed) and maps their rows to the touchpoints of a journey map, keeping per user only the compact events the analysis
// needs. Problems in rows are counted and reported with file and line; a Go error means the
// input cannot be trusted at all (an unterminated quote, a corrupt gzip) or could not be read.
//
// # Input
//
// Read takes Sources: FileSource for a path, ReaderSource for any reader (standard input),
// or Sources to turn command-line arguments into either ("-" is standard input). Several
// sources are one stream; each has its own header row, so their columns may differ. The
// format is CSV by RFC 4180 with a header row, UTF-8 (a byte order mark is dropped), LF or
// CRLF line endings; gzip is recognised by its magic bytes whatever the file's name. Blank
// lines are not rows, as in encoding/csv: they are not counted in Counts.Rows nor reported,
// but they are counted as lines. A row's line is the line it starts on, blank lines and
// quoted newlines counted.
//
// JSON Lines and Parquet are told apart from CSV by their first bytes (an object; "PAR1"),
// whatever the file's name (format.go). A JSON Lines line is one object whose nested keys are
// named with dots; a Parquet file's columns are named so too, and its TIMESTAMP, DATE and
// INT96 columns are times as such. Neither has a header: the plan's columns are those the
// options read (columnsRead), and a required column must be a key of some line, or a column
// of the Parquet schema. Parquet is read from its footer, so from a file only (standard input
// too when it is one). Their rows meet CSV rows at worker.good and worker.goodAt, through a
// chunk's parse function, and give the same numbers as the same rows in CSV.
//
// # Bad input
//
// Zip archives, zstd, bzip2, xz, lz4 and 7-Zip data, UTF-16 text, empty files, duplicate or missing header columns, a header that
// looks semicolon- or tab-separated, several unnamed header columns, a JSON array (not JSON
// Lines), corrupt gzip data and unterminated quotes stop the read
// with an *Error; so do two keys of a JSON Lines line that give one column, and a corrupt or
// truncated Parquet file (its footer and page headers are checked before the library that
// reads it trusts what they claim). A JSON Lines line that is not an object is skipped like
// a row with the wrong number of fields. Rows with the wrong number of fields, invalid UTF-8, a bare quote, a lone
// carriage return, an empty identity, an unusable time, a local time in a daylight-saving
// gap, or more than MaxRowBytes are skipped: counted in Log.Counts.Skipped, the first five of
// each kind in Log.Skipped. Times before 1990 or after 2100 are kept and listed in
// Log.Warnings. Memory per row is bounded by MaxRowBytes and per read by the chunks in flight,
// whatever the input.
//
// # Speed
//
// One goroutine reads blocks of 1 MiB and cuts them after their last whole row (a line feed
// outside quotes: blocks without a quote are cut at their last line feed, others are scanned
// by the RFC 4180 parser from the row holding their first quote). A plain file (not gzip,
// not standard input, not Parquet) is read in place where the system allows (on Unix): it is
// mapped into memory read-only, each block is a slice of the mapping instead of a copy of the
// page cache, and the next block starts where the last was cut; once a block is merged, its
// pages are dropped from the process's memory (madvise), so the memory a read holds is the
// blocks in flight either way. A file that shrinks while it is mapped would fault where it
// is touched: the reader and the workers turn the fault into an *Error naming the file
// (mapped.go). Anything else, and a file that cannot be mapped, is read block by block into
// buffers that are used again. A worker per CPU parses
// blocks: a block without quotes takes a fast path that finds the commas and line feeds of
// 64 bytes at a time as a bit mask (with AVX2 where the processor has it) and walks from one
// to the next; times are parsed by hand, with the last date and the
// time-zone offsets of each local day cached; event names are looked up in a small table.
// The rows of names no touchpoint maps are counted by name in a table per worker that copies
// each name once, into an arena, and places it by a seeded hash of every byte, so that
// millions of distinct names, alike or not, cost a slot and their bytes each; the log keeps
// the MostUnmapped most frequent.
// A worker cuts its rows into runs of one identity, since exports often group rows by user,
// and hashes each run's identity once.
//
// The users are split by their identities' hashes between shards, one per CPU, so that each
// shard's user table holds its share of them and the shards merge side by side: a worker
// puts each run in its shard's part of the block, and every shard takes the blocks in input
// order and merges its part. It looks each run's identity up in its table of 16-byte slots,
// which hold identities of up to 8 bytes whole and where a longer one is kept (longer
// identities are kept in pages of 2 MiB, never copied; the log keeps none, as no report
// reads them). It looks runs up 16 at a time, and before each
// batch asks the processor to prefetch the slots of the batch three on and the bytes of the
// long identities of the next (in assembly on amd64 and arm64, as Go has no prefetch), so
// that the cache misses of a file sorted by time, one or two a row, overlap with the
// lookups at hand instead of stalling them. On Linux a table lives outside the Go heap, in
// huge pages where granted, and is handed back the moment it grows. Each shard numbers its
// users in the order it first meets them and notes where (the block's number and the
// run's), and at the end the shards' users are merged by that into the order the input
// first names them, so the numbering does not depend on scheduling or on the number of
// CPUs.
//
// Without a By column a row that keeps no event (one the map does not know, or outside
// Since and Until) is only counted: its identity is not looked up, and a shard adds no
// tally per run, as a user's tallies follow from its events once every block is merged (see
// Log); the users' records are then made only once the stream ends, after the tables are
// handed back, so that the memory the read peaks with does not hold them. With a By column
// every row's user is looked up and its tallies added as it comes.
//
// A shard appends the kept events to a store of pages, field by field: times as 32-bit
// ticks of a second or a millisecond when they are whole ones within 32 bits of each other
// (nanoseconds otherwise, per page), touchpoints as 16-bit
// numbers, exclusion bits as a byte indexing the page's distinct masks (only when there are
// exclusions). While every user's events arrive in one run, the store is already laid out
// user by user; when a user comes back later in the stream, as in an export sorted by time,
// the store is regrouped once the stream ends, in two passes that each write near where they
// last wrote: the events go, in input order, to buckets of a power of two of users, and each
// bucket is laid out in a stretch of the new store that stays in cache; old pages are let
// go of as they are read. An event crosses to its bucket as its time, as 32-bit ticks (the
// shortest of the store's pages) after the shard's earliest time when every time fits and as
// nanoseconds otherwise, and, beside it, its user's number in the bucket and its touchpoint
// in 4 bytes (exclusion masks as numbers beside those): 8 bytes with whole seconds or
// milliseconds, 12 with finer fractions; and while a
// bucket is laid out each user's events are seen in input order, so the users whose events
// are out of time order are noted then, and only those are sorted. The shards' stores become
// the log's, one after the other. Fresh memory is populated
// in bulk (MADV_POPULATE_WRITE on Linux), which costs a fraction of faulting it in page by
// page, and the garbage of a big read is collected at a few points, so that each step reuses
// the memory the last let go of instead of taking fresh. See BenchmarkRead and
// BenchmarkReadExport, which compare with encoding/csv and io.Copy on generated files
// (JOURNEY_BENCH_ROWS sets their rows) and report CPU time per row and peak memory, and
// BenchmarkShard, one shard's merging of a file sorted by time.
package events
