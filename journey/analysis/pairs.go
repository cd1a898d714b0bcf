package analysis

// pairTally counts the transitions from one touchpoint to another: how many, and how many
// users made one; last is the serial of the last user counted (see worker.serial), so that
// each user counts once.
type pairTally struct {
	count, users int64
	last         int32
}

// pairs holds the tallies of the transitions of one group of users, by pair a*n+b of a
// plan's n touchpoints: an array of all n*n of them while every group's arrays fit in
// densePairsBytes, else a map of the pairs met, so that a map of thousands of touchpoints,
// or many segments of a map of hundreds, does not hold n*n tallies per group.
type pairs struct {
	dense  []pairTally
	sparse map[int32]*pairTally
}

// densePairsBytes bounds the memory the dense arrays of pairs of one analysis may take. It
// is a variable so that tests can make every tally sparse.
var densePairsBytes = float64(64 << 20)

// denseFits reports whether groups arrays of the n*n pairs of n touchpoints fit in
// densePairsBytes.
func denseFits(n, groups int) bool {
	const size = 24 // bytes of a pairTally
	return float64(n)*float64(n)*size*float64(max(groups, 1)) <= densePairsBytes
}

// newPairs returns the empty tallies of a group of users of p.
func newPairs(p *plan) pairs {
	if p.densePairs {
		return pairs{dense: make([]pairTally, len(p.tps)*len(p.tps))}
	}
	return pairs{sparse: map[int32]*pairTally{}}
}

// at returns the tally of pair, made when it is new.
func (t *pairs) at(pair int32) *pairTally {
	if t.dense != nil {
		return &t.dense[pair]
	}
	x := t.sparse[pair]
	if x == nil {
		x = &pairTally{}
		t.sparse[pair] = x
	}
	return x
}

// each calls f with every pair met and its tally, in no particular order.
func (t *pairs) each(f func(pair int32, x *pairTally)) {
	for pair := range t.dense {
		if x := &t.dense[pair]; x.count > 0 {
			f(int32(pair), x)
		}
	}
	for pair, x := range t.sparse {
		f(pair, x)
	}
}

// merge adds the tallies of o into t.
func (t *pairs) merge(o *pairs) {
	o.each(func(pair int32, y *pairTally) {
		x := t.at(pair)
		x.count += y.count
		x.users += y.users
	})
}
