package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// outputIsInput refuses an output file that names one of the inputs, so that a command never
// overwrites what it reads. "-" (standard input or output) never names a file.
func outputIsInput(out string, inputs ...string) error {
	if out == "-" {
		return nil
	}
	for _, in := range inputs {
		if in != "-" && samePath(in, out) {
			return fmt.Errorf("-o %q names an input file; choose another output file", out)
		}
	}
	return nil
}

// samePath reports whether a and b name the same file, by path or, when both exist, by
// identity (a link or another spelling of the path).
func samePath(a, b string) bool {
	aa, errA := filepath.Abs(a)
	bb, errB := filepath.Abs(b)
	if errA == nil && errB == nil && aa == bb {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
