package events

import (
	"encoding/binary"
	"math"
	"time"
)

// timeStatus says why a time cell could not be turned into an instant.
type timeStatus uint8

const (
	timeOK         timeStatus = iota
	timeUnparsable            // not one of the accepted formats
	timeOutOfRange            // a field or the instant itself is out of range
	timeInGap                 // a local time that a daylight-saving jump skips
)

// Bounds of a Unix time in seconds that still fits int64 nanoseconds.
const (
	maxUnixSec = math.MaxInt64 / int64(time.Second)
	minUnixSec = math.MinInt64 / int64(time.Second)
)

// parseTime parses one time cell by hand, without allocating: RFC 3339 with or without a
// fraction and zone (a space or T between date and time), YYYY-MM-DD, or a Unix epoch whose
// unit follows from its magnitude. Times without a zone are in z's location (UTC when z is
// nil). It returns Unix nanoseconds.
func parseTime(b []byte, z *zones) (int64, timeStatus) {
	if len(b) >= 10 && b[4] == '-' {
		return parseCivil(b, z)
	}
	return parseEpoch(b)
}

// epochUnit returns the nanoseconds per unit of an epoch with integer part v: seconds below
// 1e11, milliseconds below 1e14, microseconds below 1e17, else nanoseconds.
func epochUnit(v uint64) int64 {
	switch {
	case v < 1e11:
		return 1e9
	case v < 1e14:
		return 1e6
	case v < 1e17:
		return 1e3
	}
	return 1
}

// parseEpoch parses digits with an optional fraction ("1600000000", "1600000000123.5").
func parseEpoch(b []byte) (int64, timeStatus) {
	i, v := 0, uint64(0)
	for ; i < len(b) && isDigit(b[i]); i++ {
		if i >= 19 {
			return 0, timeOutOfRange
		}
		v = v*10 + uint64(b[i]-'0')
	}
	if i == 0 {
		return 0, timeUnparsable
	}
	unit := epochUnit(v)
	if v > uint64(math.MaxInt64/unit) {
		return 0, timeOutOfRange
	}
	ns := int64(v) * unit
	if i == len(b) {
		return ns, timeOK
	}
	frac, st := parseFraction(b[i:], unit)
	if st != timeOK {
		return 0, st
	}
	if ns > math.MaxInt64-frac {
		return 0, timeOutOfRange
	}
	return ns + frac, timeOK
}

// parseFraction parses "." (or ",") followed by at least one digit and returns the fraction
// of unit it stands for, in nanoseconds; digits finer than a nanosecond are ignored.
func parseFraction(b []byte, unit int64) (int64, timeStatus) {
	if len(b) < 2 || (b[0] != '.' && b[0] != ',') {
		return 0, timeUnparsable
	}
	var ns int64
	scale := unit
	for _, c := range b[1:] {
		if !isDigit(c) {
			return 0, timeUnparsable
		}
		scale /= 10
		ns += int64(c-'0') * scale
	}
	return ns, timeOK
}

// civil is a time of day as written, before any zone is applied.
type civil struct {
	hour, min, sec int
	nsec           int64
}

// parseCivil parses YYYY-MM-DD, optionally followed by [T ]HH:MM:SS[.frac][Z|±HH[:MM]].
func parseCivil(b []byte, z *zones) (int64, timeStatus) {
	days, dateOK, ok := z.date(b[:10])
	if !ok {
		return 0, timeUnparsable
	}
	var c civil
	rest := b[10:]
	if len(rest) > 0 {
		var st timeStatus
		if rest, st = parseClock(rest, &c); st != timeOK {
			return 0, st
		}
	}
	if !dateOK || c.hour > 23 || c.min > 59 || c.sec > 59 {
		return 0, timeOutOfRange
	}
	local := days*86400 + int64(c.hour*3600+c.min*60+c.sec)
	if len(rest) == 0 {
		return z.toUTC(local, c.nsec)
	}
	off, st := parseOffset(rest)
	if st != timeOK {
		return 0, st
	}
	return secondsToNanos(local-off, c.nsec)
}

// date parses YYYY-MM-DD into days since 1970-01-01; ok is false when it does not parse,
// valid when the month and day are out of range. Valid dates are cached, in a slot chosen
// by a hash of the month and day: a row's date is mostly one met before.
func (z *zones) date(b []byte) (days int64, valid, ok bool) {
	head, tail := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint16(b[8:])
	var slot *cachedDate
	if z != nil {
		slot = &z.dates[(uint64(tail)^head>>40)*0x9e3779b97f4a7c15>>(64-dateBits)]
		if slot.set && slot.head == head && slot.tail == tail {
			return slot.days, true, true
		}
	}
	var year, month, day int
	if !digits(b[0:4], &year) || !digits(b[5:7], &month) || b[7] != '-' || !digits(b[8:10], &day) {
		return 0, false, false
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return 0, false, true
	}
	days = daysFromCivil(int64(year), int64(month), int64(day))
	if slot != nil {
		*slot = cachedDate{head: head, tail: tail, set: true, days: days}
	}
	return days, true, true
}

// parseClock parses "THH:MM:SS[.frac]" (T, t or a space) into c and returns what follows.
func parseClock(b []byte, c *civil) ([]byte, timeStatus) {
	if len(b) < 9 || (b[0] != 'T' && b[0] != 't' && b[0] != ' ') {
		return nil, timeUnparsable
	}
	var ok bool
	if c.hour, c.min, c.sec, ok = clockWord(binary.LittleEndian.Uint64(b[1:9])); !ok {
		return nil, timeUnparsable
	}
	b = b[9:]
	if len(b) == 0 || (b[0] != '.' && b[0] != ',') {
		return b, timeOK
	}
	end := 1
	for end < len(b) && isDigit(b[end]) {
		end++
	}
	frac, st := parseFraction(b[:end], int64(time.Second))
	c.nsec = frac
	return b[end:], st
}

// Byte patterns of "HH:MM:SS" read as a little-endian word.
const (
	clockDigits = 0xffff00ffff00ffff // the digits' bytes
	clockZeros  = 0x3030003030003030 // '0' in every digit's byte
	clockColons = 0x00003a00003a0000 // the colons
	clockSixes  = 0x0606000606000606
)

// clockWord parses "HH:MM:SS" read as a little-endian word, all at once: the colons must be
// there, and every digit's byte 0x30 to 0x39.
func clockWord(x uint64) (h, m, s int, ok bool) {
	d := x - clockZeros // the digits' values, when their bytes are 0x30 to 0x3f
	if x&^clockDigits != clockColons || x&clockDigits&0xf0f0f0f0f0f0f0f0 != clockZeros ||
		(d+clockSixes)&0xf0f000f0f000f0f0 != 0 {
		return 0, 0, 0, false
	}
	digit := func(i uint) int { return int(d >> (8 * i) & 0xff) }
	return digit(0)*10 + digit(1), digit(3)*10 + digit(4), digit(6)*10 + digit(7), true
}

// parseOffset parses a zone suffix: Z, or ±HH, ±HHMM or ±HH:MM, returned in seconds east of
// UTC.
func parseOffset(b []byte) (int64, timeStatus) {
	if len(b) == 1 && (b[0] == 'Z' || b[0] == 'z') {
		return 0, timeOK
	}
	if len(b) < 3 || (b[0] != '+' && b[0] != '-') {
		return 0, timeUnparsable
	}
	var h, m int
	switch {
	case len(b) == 3 && digits(b[1:3], &h):
	case len(b) == 5 && digits(b[1:3], &h) && digits(b[3:5], &m):
	case len(b) == 6 && b[3] == ':' && digits(b[1:3], &h) && digits(b[4:6], &m):
	default:
		return 0, timeUnparsable
	}
	if h > 23 || m > 59 {
		return 0, timeOutOfRange
	}
	off := int64(h*3600 + m*60)
	if b[0] == '-' {
		off = -off
	}
	return off, timeOK
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian date (Howard
// Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// daysIn returns the number of days of a month.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// secondsToNanos combines Unix seconds and nanoseconds, refusing instants that do not fit.
func secondsToNanos(sec, nsec int64) (int64, timeStatus) {
	if sec > maxUnixSec-1 || sec < minUnixSec+1 {
		return 0, timeOutOfRange
	}
	return sec*int64(time.Second) + nsec, timeOK
}

// digits parses b, which must be all ASCII digits, into v.
func digits(b []byte, v *int) bool {
	n := 0
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
		n = n*10 + int(c-'0')
	}
	*v = n
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
