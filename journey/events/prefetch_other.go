//go:build !amd64 && !arm64

package events

// prefetchAddrs would ask for the memory at the n addresses from addrs; where no assembly is
// written for the processor it does nothing, and lookups wait for their cache misses.
func prefetchAddrs(addrs *uintptr, n int) {}
