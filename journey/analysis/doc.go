// Package analysis joins event logs to a journey map and computes the numbers of SPEC
// section 3: per-touchpoint conversion and drop-off, the directly-follows transitions,
// PostHog-compatible funnels, the goal rate, KPI checks and segments.
package analysis
