// Package journey is the domain of the journey toolkit: the customer journey map model, its
// loader (which parses YAML nodes so that every element keeps its source position), the lint
// rules, and the helpers the analysis and rendering packages share.
//
// The package never prints, reads flags or exits: problems in a user's file are returned as
// Diagnostic values, and a Go error means the tool itself failed.
package journey
