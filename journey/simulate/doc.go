// Package simulate generates synthetic event files for a journey map: users who enter at the
// map's entry touchpoints and walk its flow along `next`, dropping off (more often where the
// emotion is negative), asking the same question twice, now and then jumping off the map or
// doing something the map does not know. The output is a CSV file that `journey analyze`
// reads, deterministic for a seed, and fast enough to write millions of rows for benchmarks
// and demos.
package simulate
