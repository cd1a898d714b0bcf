// Package format rewrites journey maps in canonical form: keys in the order of the format's
// documentation, two-space indentation, short lists on one line, comments kept. It works on
// the YAML node tree, so that everything the author wrote (comments, quoting, anchors)
// survives, and the result is idempotent: formatting a formatted map changes nothing.
package format
