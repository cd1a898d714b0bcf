//go:build !amd64

package events

// findSeparators is findSeparatorsGo where no faster way is written.
var findSeparators = findSeparatorsGo
