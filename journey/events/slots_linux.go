package events

import (
	"syscall"
	"unsafe"
)

// mapSlots returns n zeroed slots in memory mapped from the operating system, outside the
// Go heap, or nil when it cannot be mapped. A table's old slots can then be handed back as
// soon as it grows, instead of staying resident as garbage until a collection, and the
// collector's pace is not set by a table that holds no pointers.
func mapSlots(n int) []userSlot {
	b, err := syscall.Mmap(-1, 0, n*int(unsafe.Sizeof(userSlot{})),
		syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	// Where the system grants huge pages, they cut the page faults of filling the table.
	syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	return unsafe.Slice((*userSlot)(unsafe.Pointer(&b[0])), n)
}

// unmapSlots hands back slots made by mapSlots; they must not be used after.
func unmapSlots(s []userSlot) {
	syscall.Munmap(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(userSlot{}))))
}
