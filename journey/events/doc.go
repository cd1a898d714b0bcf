// Package events reads event exports (CSV, optionally gzip-compressed) and maps their rows to
// the touchpoints of a journey map, keeping per user only the compact events the analysis
// needs. Problems in rows are counted and reported with file and line; a Go error means the
// input cannot be trusted at all (an unterminated quote, a corrupt gzip) or could not be read.
package events
