//go:build !unix

package events

import (
	"errors"
	"os"
)

// mapFile maps nothing here: files are read block by block.
func mapFile(*os.File, int64) ([]byte, error) { return nil, errors.ErrUnsupported }

// unmapFile is never called, as mapFile maps nothing.
func unmapFile([]byte) error { return nil }

// dropPages is never called, as mapFile maps nothing.
func dropPages([]byte) {}
