// Package convert writes the rows of a CSV event file as JSON Lines or as Parquet, for tests
// and benchmarks that check that journey reads the same rows the same way in every format.
// It writes JSON Lines with encoding/json and Parquet with parquet-go's writer, not with
// journey's own code, so that the readers are checked against independent writers.
package convert
