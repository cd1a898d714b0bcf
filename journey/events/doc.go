// Package events reads event exports (CSV, optionally gzip-compressed) and maps their rows to
// the touchpoints of a journey map, keeping per user only the compact events the analysis
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
// # Bad input
//
// Zip archives, UTF-16 text, empty files, duplicate or missing header columns, a header that
// looks semicolon- or tab-separated, corrupt gzip data and unterminated quotes stop the read
// with an *Error. Rows with the wrong number of fields, invalid UTF-8, a bare quote, a lone
// carriage return, an empty identity, an unusable time, a local time in a daylight-saving
// gap, or more than MaxRowBytes are skipped: counted in Log.Counts.Skipped, the first five of
// each kind in Log.Skipped. Times before 1990 or after 2100 are kept and listed in
// Log.Warnings. Memory per row is bounded by MaxRowBytes and per read by the chunks in flight,
// whatever the input.
//
// # Speed
//
// One goroutine reads blocks of 2 MiB and cuts them after their last whole row (a line feed
// outside quotes: blocks without a quote are cut at their last line feed, others are scanned
// by the RFC 4180 parser from the row holding their first quote). A worker per CPU parses
// blocks: a block without quotes takes a fast path of line feeds and commas over the bytes in
// place, and times are parsed by hand with time-zone offsets cached per local day. Each
// worker numbers the users it meets in its own cache-friendly table, where it also keeps their
// tallies, and their identities in one byte arena; on Linux a big table lives outside the
// Go heap and is handed back the moment it grows, so outgrown tables are not left resident
// as garbage. A worker loads the table slots of the next rows in one burst, so their cache
// misses overlap. The merger takes the parsed blocks in input
// order and writes the kept events, 20 bytes each and named by worker and worker-local
// number, to memory and past 4 MiB to an unlinked temporary file (memory again when no
// temporary file can be made). When the stream ends, each worker sorts its identities, the
// sorted lists are merged into one ranking (an identity met by several workers gets one
// place), and the events are replayed, on every core, into the log's arrays laid out in
// identity order, so the analysis reads them front to back. The log keeps no value per
// user: times (32-bit seconds when every time is a whole second), touchpoints (16-bit) and exclusion bits (only when there are exclusions) are
// log-wide arrays indexed through one offset per user, identities share one string, and
// segments are indexes into a table of the distinct values. Memory that is
// no longer needed is collected before the next big allocation, so that it is reused rather
// than new pages touched. See BenchmarkRead, which compares with encoding/csv and io.Copy on a
// generated file (JOURNEY_BENCH_ROWS sets its rows) and reports CPU time per row and peak
// memory.
package events
