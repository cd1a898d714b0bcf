// Package schema holds the JSON Schema (draft 2020-12) of the journey map format, for editors
// and YAML language servers: it flags unknown keys, out-of-range emotions, malformed ids and
// durations, unknown KPI metrics and funnel orders while the map is being typed. The loader in
// package journey stays the authority; the tests keep the two in agreement.
package schema
