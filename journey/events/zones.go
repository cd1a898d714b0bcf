package events

import (
	"math"
	"time"
)

// zones converts local times of one location to UTC. It caches, per local day, the zone
// periods that overlap that day, so a row costs a map lookup at most, and it resolves
// daylight-saving gaps and overlaps exactly: a local time no period holds is in a gap, and a
// local time two periods hold takes the earlier one. A zones is used by one goroutine.
type zones struct {
	loc     *time.Location
	lastDay int64
	last    []period
	days    map[int64][]period
	// dates caches dates parsed, and their days since the epoch; see date.
	dates [1 << dateBits]cachedDate
}

// A zones caches 1<<dateBits dates: a file's rows mostly fall on a few hundred days, and
// consecutive rows often on different ones, as when rows are grouped by user.
const dateBits = 8

// cachedDate is a date YYYY-MM-DD, as the little-endian words of its first 8 and last 2
// bytes, and its days since the epoch; set says the slot holds one.
type cachedDate struct {
	head uint64
	tail uint16
	set  bool
	days int64
}

// period is a span of UTC seconds [start, end) with one offset east of UTC.
type period struct {
	start, end, offset int64
}

// newZones returns a converter for loc; a nil loc means UTC.
func newZones(loc *time.Location) *zones {
	if loc == time.UTC {
		loc = nil
	}
	return &zones{loc: loc, lastDay: math.MinInt64, days: map[int64][]period{}}
}

// toUTC returns the instant of the local time sec (seconds since the epoch as if UTC) plus
// nsec, in Unix nanoseconds.
func (z *zones) toUTC(sec, nsec int64) (int64, timeStatus) {
	if z == nil || z.loc == nil {
		return secondsToNanos(sec, nsec)
	}
	day := floorDiv(sec, 86400)
	for _, p := range z.periods(day) {
		if u := sec - p.offset; u >= p.start && u < p.end {
			return secondsToNanos(u, nsec)
		}
	}
	return 0, timeInGap
}

// periods returns the zone periods of the location that overlap local day day, in time
// order.
func (z *zones) periods(day int64) []period {
	if day == z.lastDay {
		return z.last
	}
	ps, ok := z.days[day]
	if !ok {
		ps = z.lookup(day)
		z.days[day] = ps
	}
	z.lastDay, z.last = day, ps
	return ps
}

// maxOffset bounds the offset of any zone from UTC, with room to spare.
const maxOffset = 26 * 3600

// lookup lists the periods that hold any instant a local time of day day can stand for.
func (z *zones) lookup(day int64) []period {
	lo, hi := day*86400-maxOffset, (day+1)*86400+maxOffset
	var ps []period
	t := time.Unix(lo, 0).In(z.loc)
	for len(ps) < 16 {
		_, off := t.Zone()
		start, end := t.ZoneBounds()
		p := period{start: math.MinInt64, end: math.MaxInt64, offset: int64(off)}
		if !start.IsZero() {
			p.start = start.Unix()
		}
		if !end.IsZero() {
			p.end = end.Unix()
		}
		ps = append(ps, p)
		if p.end >= hi {
			break
		}
		t = end
	}
	return ps
}

// floorDiv divides rounding toward negative infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
