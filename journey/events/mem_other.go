//go:build !linux

package events

// mapSlots returns nil: without mapped memory the slots are made on the Go heap.
func mapSlots(int) []userSlot { return nil }

// unmapSlots is never called, as mapSlots maps nothing.
func unmapSlots([]userSlot) {}

// populate returns s: only Linux gets its pages faulted in ahead.
func populate[T any](s []T) []T { return s }
