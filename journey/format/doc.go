// Package format rewrites journey maps in canonical form: keys in the order of the format's
// documentation, two-space indentation, short lists on one line, comments kept. It works on
// the YAML node tree, so that everything the author wrote (comments, quoting, anchors)
// survives, and the result is idempotent: formatting a formatted map changes nothing.
//
// A comment written above a key stays on its own line, next to that key. The comment above the
// key that comes first in a list item (often `id`, moved up by the canonical order) is
// written above the item's dash, at the item's indentation, where the YAML parser gives it
// back to the item:
//
//	stages:
//	  # the first stage
//	  - id: first
//
// Written on the dash's line (`- # the first stage`) it would leave the key on the line
// below, away from its comment.
package format
