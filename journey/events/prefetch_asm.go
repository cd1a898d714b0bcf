//go:build amd64 || arm64

package events

// prefetchAddrs asks the processor to bring the memory at each of the n addresses from
// addrs into cache, without waiting for it. An address may be stale or anywhere: a prefetch
// never faults.
//
//go:noescape
func prefetchAddrs(addrs *uintptr, n int)
