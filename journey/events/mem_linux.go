package events

import (
	"syscall"
	"unsafe"
)

// mapSlots returns n zeroed slots in memory mapped from the operating system, outside the
// Go heap, or nil when it cannot be mapped. A table's old slots can then be handed back as
// soon as it grows, instead of staying resident as garbage until a collection, and the
// collector's pace is not set by a table that holds no pointers. Where the system grants
// huge pages, they spare lookups most of their TLB misses; and the pages are populated at
// once, as faulting them in one by one on first touch costs many times more.
func mapSlots(n int) []userSlot {
	b, err := syscall.Mmap(-1, 0, n*int(unsafe.Sizeof(userSlot{})),
		syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	populateRange(uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	return unsafe.Slice((*userSlot)(unsafe.Pointer(&b[0])), n)
}

// unmapSlots hands back slots made by mapSlots; they must not be used after.
func unmapSlots(s []userSlot) {
	syscall.Munmap(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(userSlot{}))))
}

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14), which the syscall package lacks.
const madvPopulateWrite = 23

// populateStep is how much memory one populate call covers; bigger calls were seen to
// fall back to faulting pages in one by one.
const populateStep = 2 << 20

// pageSize is the size of a memory page the kernel populates.
const pageSize = 4096

// populate faults in the pages of a fresh allocation before it is written, in one system
// call per step instead of one page fault per page; on older kernels it does nothing. Small
// allocations are left alone: they may share pages with others, and few faults are cheap.
func populate[T any](s []T) []T {
	var zero T
	size := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if size < 16*pageSize {
		return s
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	start := (base + pageSize - 1) &^ (pageSize - 1)
	populateRange(start, base+size-start)
	return s
}

// populateRange populates size bytes from the page-aligned address start.
func populateRange(start, size uintptr) {
	for off := uintptr(0); off < size; off += populateStep {
		n := min(populateStep, size-off)
		if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, start+off, n, madvPopulateWrite); e != 0 {
			return
		}
	}
}
