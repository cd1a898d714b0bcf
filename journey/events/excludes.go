package events

// excludeBits holds the exclusion bits of a page's events. Few distinct combinations of
// bits occur, most events match no exclusion, so each event keeps a byte: an index in the
// page's distinct masks. A page that meets more masks than a byte can number keeps the
// masks themselves.
type excludeBits struct {
	ix    []uint8
	masks []uint32 // the distinct masks, 0 first
	wide  []uint32 // the masks of every event, once a byte is not enough; ix is then nil
}

// newExcludeBits returns empty bits with room for size events.
func newExcludeBits(size int) *excludeBits {
	return &excludeBits{ix: populate(make([]uint8, 0, size)), masks: []uint32{0}}
}

// reserve makes room for n more events (see extend).
func (x *excludeBits) reserve(n int) {
	if x.wide != nil {
		x.wide = extend(x.wide, n)
	} else {
		x.ix = extend(x.ix, n)
	}
}

// add appends the masks of more events. Most masks are 0, index 0, so the indexes are
// zeroed in one go and only the other masks looked up.
func (x *excludeBits) add(masks []uint32) {
	if x.wide != nil {
		x.wide = append(x.wide, masks...)
		return
	}
	n := len(x.ix)
	x.ix = append(x.ix, make([]uint8, len(masks))...)
	for i, m := range masks {
		if m != 0 {
			x.set(n+i, m) // which may widen the page, the masks after i still 0
		}
	}
}

// resize sets the number of events to n, which must be within capacity.
func (x *excludeBits) resize(n int) {
	if x.wide != nil {
		x.wide = x.wide[:n]
	} else {
		x.ix = x.ix[:n]
	}
}

// at returns the mask of event i.
func (x *excludeBits) at(i int) uint32 {
	if x.wide != nil {
		return x.wide[i]
	}
	return x.masks[x.ix[i]]
}

// set replaces the mask of event i.
func (x *excludeBits) set(i int, m uint32) {
	if x.wide != nil {
		x.wide[i] = m
		return
	}
	for k, have := range x.masks {
		if have == m {
			x.ix[i] = uint8(k)
			return
		}
	}
	if len(x.masks) <= 255 {
		x.ix[i] = uint8(len(x.masks))
		x.masks = append(x.masks, m)
		return
	}
	x.widen()
	x.wide[i] = m
}

// widen moves to a mask per event.
func (x *excludeBits) widen() {
	x.wide = make([]uint32, len(x.ix), cap(x.ix))
	for i, k := range x.ix {
		x.wide[i] = x.masks[k]
	}
	x.ix, x.masks = nil, nil
}
