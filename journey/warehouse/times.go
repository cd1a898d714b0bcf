package warehouse

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// digits is what the parser's translate() maps every digit to, so that a text's shape can be
// compared with a pattern such as 0000-00-00 without a regular expression (they cost
// PostgreSQL microseconds a row).
const digits = "'0123456789'"

// shape is the expression of x with every digit replaced by 0.
func shape(x string) string { return "translate(" + x + ", " + digits + ", '0000000000')" }

// leadingDigits is the number of digits x starts with.
func leadingDigits(x string) string {
	return "(length(" + x + ") - length(ltrim(" + x + ", " + digits + ")))"
}

// timeSource lists the source columns the time is computed from: its text (for messages
// and text times) and, for native types, the value itself.
func (c *compiler) timeSource() []string {
	id := Ident(c.q.Events.Time)
	cols := []string{c.text(c.q.Events.Time) + " AS traw"}
	if c.instants() {
		// The text of a typed time is only needed for the few rows a message names.
		cols[0] = id + " AS traw"
	}
	switch c.timeKind() {
	case KindTimestampTZ, KindTimestamp:
		epoch := c.d.EpochMicros
		if c.timeUnit() == 1 {
			epoch = c.d.EpochNanos
		}
		cols = append(cols, "CASE WHEN "+c.d.Finite(id)+" THEN "+epoch(id)+" END AS tu")
	case KindDate:
		cols = append(cols, "CASE WHEN "+c.d.Finite(id)+" THEN "+c.d.DateDays(id)+" END AS tday")
	}
	return cols
}

// timeUnit is the nanoseconds of a unit of tu, a typed time since the epoch: 1 for a type
// that holds nanoseconds (see Dialect.NanoTypes), else 1000, microseconds.
func (c *compiler) timeUnit() int64 {
	if col, ok := c.cols[c.q.Events.Time]; ok && slices.Contains(c.d.NanoTypes, col.Type) {
		return 1
	}
	return 1000
}

// timeKind is the kind of the time column; text when unknown.
func (c *compiler) timeKind() Kind {
	if col, ok := c.cols[c.q.Events.Time]; ok {
		return col.Kind
	}
	return KindText
}

// instants reports whether the time column holds instants as they are: timestamptz, or
// timestamp without --tz. Then the source's traw is the typed value (trawText gives its
// text) and its microseconds (nanoseconds, see timeUnit) are the time.
func (c *compiler) instants() bool {
	loc := c.q.Events.Location
	return c.timeKind() == KindTimestampTZ || (c.timeKind() == KindTimestamp && (loc == nil || loc == time.UTC))
}

// trawText is the text of the time as written, from a part's traw.
func (c *compiler) trawText() string {
	if c.instants() {
		return c.d.OrderText("COALESCE(" + c.d.ExportText("traw") + ", '')")
	}
	return "traw"
}

// times turns each row's time into Unix nanoseconds t and a status st, through two parts:
// loc, the seconds as written (an instant, or a wall clock when abs is false) with a status
// for what cannot be read; utc, the instant in the zone of --tz. Instants take one part,
// utc, from their microseconds or nanoseconds (tu): t is tu times its unit, in range
// when their whole seconds are.
func (c *compiler) times() {
	if c.instants() {
		u := c.timeUnit()
		st := fmt.Sprintf("CASE WHEN uid = '' THEN %d WHEN tu IS NULL THEN %d WHEN tu >= %d OR tu < %d THEN %d ELSE 0 END",
			stNoID, stUnparsable, (maxSec+1)*(1e9/u), minSec*(1e9/u), stOutOfRange)
		c.addRow("utc", fmt.Sprintf("SELECT *, CASE WHEN st = 0 THEN tu * %d END AS t\nFROM (SELECT *, %s AS st FROM %ssrc) AS s", u, st, ctePrefix))
		return
	}
	base := "uid, ev, seg, ord, traw"
	for i := range c.whereColumns() {
		base += fmt.Sprintf(", w%d", i)
	}
	switch c.timeKind() {
	case KindTimestampTZ, KindTimestamp:
		abs := "FALSE"
		if c.timeKind() == KindTimestampTZ {
			abs = "TRUE"
		}
		perSec, u := fmt.Sprint(1e9/c.timeUnit()), fmt.Sprint(c.timeUnit())
		c.addRow("loc", "SELECT "+base+", CASE WHEN tu IS NULL THEN 2 ELSE 0 END AS st0, "+abs+" AS abs, TRUE AS rng, "+
			c.floorDiv("tu", perSec)+" AS sec, "+c.floorMod("tu", perSec)+" * "+u+" AS nsec\nFROM "+ctePrefix+"src")
	case KindDate:
		c.addRow("loc", "SELECT "+base+", CASE WHEN tday IS NULL THEN 2 ELSE 0 END AS st0, FALSE AS abs, TRUE AS rng, "+
			"tday * 86400 AS sec, CAST(0 AS BIGINT) AS nsec\nFROM "+ctePrefix+"src")
	default:
		c.textTimes(base)
	}
	c.zone(base)
}

// floorDiv and floorMod divide rounding toward negative infinity.
func (c *compiler) floorDiv(a, b string) string {
	return c.d.Div("("+a+") - "+c.floorMod(a, b), b)
}

func (c *compiler) floorMod(a, b string) string {
	return "((((" + a + ") % " + b + ") + " + b + ") % " + b + ")"
}

// textTimes parses text times by SPEC section 2, as the CSV engine does: the civil form when
// the text has a dash at its fifth character and at least ten characters, else an epoch
// whose unit follows from its magnitude.
func (c *compiler) textTimes(base string) {
	d := c.d
	num := func(x string) string { return "CAST(NULLIF(" + x + ", '') AS BIGINT)" }
	c.addRow("p1", "SELECT "+base+", length(traw) >= 10 AND substr(traw, 5, 1) = '-' AS civ, "+
		shape("substr(traw, 1, 10)")+" = '0000-00-00' AND (length(traw) = 10 OR "+shape("substr(traw, 11, 9)")+" IN ('T00:00:00', 't00:00:00', ' 00:00:00')) AS cok, "+
		"substr(traw, 20) AS aft, "+leadingDigits("traw")+" AS edl\nFROM "+ctePrefix+"src")
	c.addRow("p2", "SELECT *, CASE WHEN substr(aft, 1, 1) IN ('.', ',') THEN "+leadingDigits("substr(aft, 2)")+" ELSE -1 END AS fdl, "+
		"substr(traw, edl + 1) AS erest\nFROM "+ctePrefix+"p1")
	clock := func(pos int) string {
		return "CASE WHEN cok AND length(traw) > 10 THEN " + num(fmt.Sprintf("substr(traw, %d, 2)", pos)) + " ELSE 0 END"
	}
	c.addRow("p3", "SELECT *, CASE WHEN civ OR edl NOT BETWEEN 1 AND 19 THEN NULL ELSE CAST(substr(traw, 1, edl) AS "+d.Big+") END AS ev0, "+
		"CASE WHEN cok THEN "+num("substr(traw, 1, 4)")+" END AS y, CASE WHEN cok THEN "+num("substr(traw, 6, 2)")+" END AS mo, "+
		"CASE WHEN cok THEN "+num("substr(traw, 9, 2)")+" END AS dd, "+clock(12)+" AS hh, "+clock(15)+" AS mi, "+clock(18)+" AS ss, "+
		"CASE WHEN fdl >= 0 THEN substr(aft, 2 + fdl) ELSE aft END AS rest, CASE WHEN fdl > 0 THEN substr(aft, 2, fdl) ELSE '' END AS fr, "+
		"erest = '' OR (substr(erest, 1, 1) IN ('.', ',') AND length(erest) >= 2 AND ltrim(substr(erest, 2), "+digits+") = '') AS efok\nFROM "+ctePrefix+"p2")
	c.addRow("p3b", "SELECT *, "+c.civilDays()+" AS days, "+c.offset()+" AS off\nFROM "+ctePrefix+"p3")
	c.addRow("p4", "SELECT *, CASE WHEN ev0 < 100000000000 THEN 9 WHEN ev0 < 100000000000000 THEN 6 WHEN ev0 < 100000000000000000 THEN 3 ELSE 0 END AS edigits\nFROM "+ctePrefix+"p3b")
	unit := "CAST(CASE edigits WHEN 9 THEN 1000000000 WHEN 6 THEN 1000000 WHEN 3 THEN 1000 ELSE 1 END AS " + d.Big + ")"
	efrac := "CASE WHEN erest = '' OR edigits = 0 OR NOT efok THEN 0 ELSE CAST(rpad(substr(erest, 2, edigits), edigits, '0') AS BIGINT) END"
	c.addRow("p5", "SELECT *, ev0 * "+unit+" + "+efrac+" AS ens FROM "+ctePrefix+"p4")
	c.addRow("p6", "SELECT *, CASE WHEN ens BETWEEN 0 AND 9223372036854775807 THEN CAST(ens AS BIGINT) END AS ensb\nFROM "+ctePrefix+"p5")
	civilSt := "CASE WHEN NOT cok OR fdl = 0 THEN 2 " +
		"WHEN mo NOT BETWEEN 1 AND 12 OR dd < 1 OR dd > " + daysInMonth() + " OR hh > 23 OR mi > 59 OR ss > 59 THEN 3 " +
		"WHEN off IS NULL THEN 2 WHEN off = -1 THEN 3 ELSE 0 END"
	epochSt := "CASE WHEN edl >= 20 THEN 3 WHEN edl = 0 THEN 2 WHEN ev0 * " + unit + " > 9223372036854775807 THEN 3 " +
		"WHEN NOT efok THEN 2 " +
		"WHEN ens > 9223372036854775807 THEN 3 ELSE 0 END"
	local := "days * 86400 + hh * 3600 + mi * 60 + ss"
	civFrac := "CASE WHEN fr = '' THEN 0 ELSE CAST(rpad(substr(fr, 1, 9), 9, '0') AS BIGINT) END"
	c.addRow("loc", "SELECT "+base+",\n"+
		"  CASE WHEN civ THEN "+civilSt+" ELSE "+epochSt+" END AS st0,\n"+
		"  NOT civ OR rest <> '' AS abs, civ AS rng,\n"+
		"  CASE WHEN NOT civ THEN "+d.Div("ensb", "1000000000")+" WHEN rest = '' THEN "+local+" ELSE "+local+" - off END AS sec,\n"+
		"  CASE WHEN NOT civ THEN ensb % 1000000000 ELSE "+civFrac+" END AS nsec\n"+
		"FROM "+ctePrefix+"p6")
}

// civilDays is the days since 1970-01-01 of the civil date y-mo-dd (Howard Hinnant's
// algorithm, as the CSV engine computes it).
func (c *compiler) civilDays() string {
	div := c.d.Div
	y := "(y - CASE WHEN mo <= 2 THEN 1 ELSE 0 END)"
	era := div("CASE WHEN "+y+" >= 0 THEN "+y+" ELSE "+y+" - 399 END", "400")
	yoe := "(" + y + " - " + era + " * 400)"
	doy := "(" + div("153 * ((mo + 9) % 12) + 2", "5") + " + dd - 1)"
	doe := "(" + yoe + " * 365 + " + div(yoe, "4") + " - " + div(yoe, "100") + " + " + doy + ")"
	return "CASE WHEN cok THEN " + era + " * 146097 + " + doe + " - 719468 END"
}

// daysInMonth is the number of days of month mo of year y.
func daysInMonth() string {
	return "CASE WHEN mo = 2 THEN CASE WHEN y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0) THEN 29 ELSE 28 END " +
		"WHEN mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
}

// offset is the zone written after the clock in seconds east of UTC: 0 without one, NULL
// when it does not parse, -1 when it is out of range. An offset of -1 s cannot be
// written, so -1 is free to mark that.
func (c *compiler) offset() string {
	ok := shape("rest") + " IN ('+00', '-00', '+0000', '-0000', '+00:00', '-00:00')"
	h := "CAST(substr(rest, 2, 2) AS BIGINT)"
	m := "CASE WHEN length(rest) = 3 THEN 0 ELSE CAST(substr(rest, length(rest) - 1, 2) AS BIGINT) END"
	sign := "CASE WHEN substr(rest, 1, 1) = '-' THEN -1 ELSE 1 END"
	return "CASE WHEN rest = '' OR rest IN ('Z', 'z') THEN 0 WHEN NOT " + ok + " THEN NULL " +
		"WHEN " + h + " > 23 OR " + m + " > 59 THEN -1 ELSE " + sign + " * (" + h + " * 3600 + " + m + " * 60) END"
}

// zone turns wall clocks into instants in the zone of --tz (UTC without it), checks the
// range and gives each row its status st and time t. A wall clock that a daylight-saving
// jump skips is skipped; one that occurs twice takes the earlier instant, as the CSV
// engine does: of the engine's own answer and the instants up to two hours before it, the
// earliest whose wall clock is the one written.
func (c *compiler) zone(base string) {
	loc := c.q.Events.Location
	u := "sec"
	zoned := loc != nil && loc != time.UTC
	if zoned {
		z := c.d.Lit(loc.String())
		c.addRow("z", "SELECT *, CASE WHEN st0 = 0 AND NOT abs THEN "+c.d.LocalToUTC("sec", z)+" END AS z0\nFROM "+ctePrefix+"loc")
		var whens []string
		for _, delta := range []string{"7200", "3600", "1800", "0"} {
			cand := "z0 - " + delta
			whens = append(whens, "WHEN "+c.d.UTCToLocal(cand, z)+" = sec THEN "+cand)
		}
		u = "CASE WHEN abs THEN sec " + strings.Join(whens, " ") + " END"
	}
	from := ctePrefix + "loc"
	if zoned {
		from = ctePrefix + "z"
	}
	c.addRow("u", "SELECT "+base+", st0, rng, nsec, CASE WHEN st0 = 0 THEN "+u+" END AS usec\nFROM "+from)
	st := fmt.Sprintf("CASE WHEN uid = '' THEN %d WHEN st0 <> 0 THEN st0 WHEN usec IS NULL THEN %d "+
		"WHEN rng AND (usec > %d OR usec < %d) THEN %d ELSE 0 END", stNoID, stGap, maxSec, minSec, stOutOfRange)
	c.addRow("utc", "SELECT *, CASE WHEN st = 0 THEN usec * 1000000000 + nsec END AS t\nFROM (SELECT *, "+st+" AS st FROM "+ctePrefix+"u) AS s")
}
