// Command export writes a synthetic analytics export in time order, as GA4, PostHog or
// Mixpanel write them, for measuring journey analyze on files unlike the ones journey
// simulate writes: more users, longer identities (UUIDs), hundreds of distinct event names,
// times with fractions of a second, wide rows with high-cardinality columns, and the rows
// of a user's sessions far apart in the file. Its events map onto shop.journey.yaml.
//
//	go run ./bench/export -users 2000000 -rows 10000000 -o export.csv
//
// The output is deterministic for its flags. Memory is bounded by the sessions under way
// (-active), not by rows or users.
package main
