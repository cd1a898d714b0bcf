// Package starter holds what `journey init` writes: a small, complete journey map whose
// comments explain every key, and an event file that maps onto it, so that lint, analyze
// and render work on a fresh project at once.
package starter
