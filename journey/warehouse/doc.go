// Package warehouse computes the report of `journey analyze` inside a database, where the
// events already are (SPEC section 10): Compile writes one SQL statement from a map and the
// analyze options, whose single row holds the report as JSON in a column named report;
// Analyze runs it over a connection and decodes the report.
//
// The statement does all the per-row work in the engine, so what comes back is the size of
// the report, whatever the number of events: rows are read as the text a CSV export would
// hold (NULL is an empty cell), times are parsed as section 2 says, rows map to the first
// matching touchpoint in document order, and every number of section 3 is computed with
// window functions and aggregates. Funnels are the one part that is not set-based in the
// CSV engine: an ordered funnel's attempts are a small state machine per user. Where no
// event fills two of an ordered funnel's steps, the machine's outcome follows step by step
// from the events of each step (closed.go); otherwise the statement runs the same machine,
// one operation per row of a recursive part: the operations are derived from each user's
// events with window functions, in the order the CSV engine takes them, and applied to a
// state of the attempt slots. Means and medians
// are computed from exact integer sums and middle values with the same floating-point
// operations as the CSV engine, so every number is equal, not close.
//
// The few spellings that differ between engines (quoting, integer division, epoch
// conversion, time zones, JSON building, arrays for the unordered funnel's queues) are one
// Dialect value each; a new engine is a new Dialect and its verification.
package warehouse
