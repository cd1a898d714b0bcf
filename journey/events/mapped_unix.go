//go:build unix

package events

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapFile maps the size bytes of the regular file f read-only into memory. A private
// mapping of a file is never written, so its pages are the page cache's: reading them costs
// no copy.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if int64(int(size)) != size {
		return nil, unix.EFBIG
	}
	return unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_PRIVATE)
}

// unmapFile unmaps a mapping made by mapFile; its bytes must not be touched after.
func unmapFile(b []byte) error { return unix.Munmap(b) }

// dropPages lets the process's memory go of the pages of b, which must start on a page of
// a mapping made by mapFile. Touched again, a page is mapped again from the page cache,
// with the same bytes.
func dropPages(b []byte) { unix.Madvise(b, unix.MADV_DONTNEED) }
