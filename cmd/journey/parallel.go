package main

import (
	"runtime"
	"sync"
)

// forEach calls fn(i) for every i in [0, n) with one worker per core, and returns when all
// calls have. Callers write each result to its own index, so the outcome does not depend on
// scheduling.
func forEach(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
