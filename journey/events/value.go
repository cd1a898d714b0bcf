package events

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The value pick (Options.Value) keeps, per user, the cell of one column on the user's
// first row at a ValueAt touchpoint: the goal event's order value for attribution. It works
// as the first-touch segment pick does: each run keeps the earliest such row of its chunk
// (the first one on a tie), and the user's shard keeps the earliest of the runs, the earlier
// chunk on a tie, so the row picked is the first in time order, ties in input order. The
// cell is parsed by the worker; the log keeps 24 bytes per user, only when Options.Value is
// set, and, for the messages, the text of the cells picked that are not numbers (clipped to
// what a message shows), only while they are picked.

// valuePick is a run's pick: the row's time, line and parsed value (NaN when the cell is
// not a number or the file has no such column), and the cell, clipped, when it is not a
// number.
type valuePick struct {
	time  int64
	line  int64
	value float64
	cell  string
}

// userValue is a user's pick: where holds the file's number in the stream (plan.ordinal)
// << 48 | the row's line, 0 for none.
type userValue struct {
	time  int64
	value float64
	where uint64
}

// lineBits is how many bits of userValue.where hold the line.
const lineBits = 48

// pickValue makes row line, at time t, the pick of run r, the chunk's last, when it is the
// run's first or comes from an earlier time.
func (c *chunk) pickValue(r *run, rec *record, t, line int64) {
	if r.value > 0 && t >= c.picks[r.value-1].time {
		return
	}
	v, cell := math.NaN(), ""
	if c.plan.value >= 0 {
		b := rec.field(c.plan.value)
		if x, ok := parseValue(b); ok {
			v = x
		} else {
			cell = string(b[:min(len(b), maxQuoted+1)])
		}
	}
	if r.value == 0 {
		c.picks = append(c.picks, valuePick{})
		r.value = int32(len(c.picks))
	}
	c.picks[r.value-1] = valuePick{time: t, line: line, value: v, cell: cell}
}

// parseValue parses an optionally signed decimal number, spaces around it ignored: "12",
// "12.50", "-3", " +4 ". Exponents, hexadecimal, "inf" and "nan" are not values.
func parseValue(b []byte) (float64, bool) {
	i, j := 0, len(b)
	for i < j && b[i] == ' ' {
		i++
	}
	for j > i && b[j-1] == ' ' {
		j--
	}
	s := b[i:j]
	k := 0
	if k < len(s) && (s[k] == '+' || s[k] == '-') {
		k++
	}
	digits, dot := 0, false
	for ; k < len(s); k++ {
		switch c := s[k]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(s), 64)
	return v, err == nil
}

// valueMerger gathers what the value picks need of the files: their plans, by number, and
// whether one has the column (see merger.missing). The users' picks are in their shards
// (see shard.pickValue).
type valueMerger struct {
	files []*plan
	seen  bool
}

// pickValue merges a run's pick, from the file of plan pl, into user u's. The shard keeps
// the cells of its users' picks that are not numbers, by input position, for the messages.
func (s *shard) pickValue(u uint32, p *valuePick, pl *plan) {
	cur := s.values.at(int(u))
	if cur.where != 0 && p.time >= cur.time {
		return
	}
	if cur.where != 0 && math.IsNaN(cur.value) {
		delete(s.badCells, cur.where)
	}
	*cur = userValue{time: p.time, value: p.value, where: uint64(pl.ordinal)<<lineBits | uint64(p.line)}
	if math.IsNaN(p.value) && pl.value >= 0 {
		if s.badCells == nil {
			s.badCells = map[uint64]string{}
		}
		s.badCells[cur.where] = p.cell
	}
}

// noteFile records a file's plan and whether it has the value column; files are noted in
// the order they are read, so files[i] is the file of plan.ordinal i.
func (vm *valueMerger) noteFile(p *plan) {
	vm.files = append(vm.files, p)
	vm.seen = vm.seen || p.has(p.value)
}

// log counts the bad picks of column col in l and reports the first few, with their cells
// as the shards kept them. Some file has the column (see merger.log).
func (vm *valueMerger) log(l *Log, col string, shards []*shard) error {
	if col == "" {
		return nil
	}
	var first []uint64 // the input positions of the first bad picks, ascending
	for u := range l.values.n {
		v := l.values.at(u)
		if v.where == 0 || !math.IsNaN(v.value) {
			continue
		}
		l.BadValues++
		if i, _ := slices.BinarySearch(first, v.where); i < maxReported {
			first = slices.Insert(first, i, v.where)[:min(len(first)+1, maxReported)]
		}
	}
	for _, w := range first {
		l.ValueProblems = append(l.ValueProblems, vm.bad(w, col, badCell(shards, w)))
	}
	return nil
}

// badCell returns the cell the shards kept for the pick at input position where.
func badCell(shards []*shard, where uint64) string {
	for _, s := range shards {
		if c, ok := s.badCells[where]; ok {
			return c
		}
	}
	return ""
}

// bad says why the pick at input position where (see userValue) of column col, whose cell
// is cell, is not a number.
func (vm *valueMerger) bad(where uint64, col, cell string) Problem {
	p := vm.files[where>>lineBits]
	line := int64(where & (1<<lineBits - 1))
	if p.value < 0 {
		return Problem{File: p.file, Line: line, Message: fmt.Sprintf("the file has no column %q; the value counts 0", col)}
	}
	return Problem{File: p.file, Line: line, Message: notNumber(col, cell)}
}

// notNumber says that cell, in column col, is empty or not a number, and what to write
// when it is one written with a decimal comma ("12,50", "1.234,56") or with commas
// grouping thousands ("1,234.56"); "1,000" may be either.
func notNumber(col, cell string) string {
	if strings.Trim(cell, " ") == "" {
		return fmt.Sprintf("the cell in column %q is empty, not a number like 12 or 12.50; the value counts 0", col)
	}
	hint := ""
	dec, isDec := decimalComma(cell)
	th, isTh := thousandsComma(cell)
	switch {
	case isDec && isTh:
		hint = fmt.Sprintf(" (a thousands separator? write %s; a decimal comma? write %s)", th, dec)
	case isDec:
		hint = fmt.Sprintf(" (a decimal comma? write %s)", dec)
	case isTh:
		hint = fmt.Sprintf(" (a thousands separator? write %s)", th)
	}
	return fmt.Sprintf("the cell %s in column %q is not a number like 12 or 12.50%s; the value counts 0",
		quote([]byte(cell)), col, hint)
}

// decimalComma reports whether s, spaces around it ignored, is a number written with a
// decimal comma: an optional sign, digits (optionally grouped in threes by dots), a comma
// and digits. It returns the number as journey reads it: "1.234,56" gives "1234.56".
func decimalComma(s string) (string, bool) {
	s = strings.Trim(s, " ")
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	whole, frac, ok := strings.Cut(s, ",")
	if !ok || !allDigits(frac) {
		return "", false
	}
	groups := strings.Split(whole, ".")
	if !allDigits(groups[0]) || len(groups) > 1 && len(groups[0]) > 3 {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return "", false
		}
	}
	return sign + strings.Join(groups, "") + "." + frac, true
}

// thousandsComma reports whether s, spaces around it ignored, is a number whose digits are
// grouped in threes by commas: an optional sign, one to three digits, one or more groups of
// a comma and three digits, and optionally a point and digits. It returns the number as
// journey reads it: "1,234.56" gives "1234.56".
func thousandsComma(s string) (string, bool) {
	s = strings.Trim(s, " ")
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && !allDigits(frac) {
		return "", false
	}
	groups := strings.Split(whole, ",")
	if len(groups) < 2 || !allDigits(groups[0]) || len(groups[0]) > 3 {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return "", false
		}
	}
	if hasFrac {
		frac = "." + frac
	}
	return sign + strings.Join(groups, "") + frac, true
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// Value returns user i's value (Options.Value): the number in that column of the user's
// first row, in time order, at a ValueAt touchpoint. ok is false when the user has no such
// row or its cell is not a number (see BadValues).
func (l *Log) Value(i int) (v float64, ok bool) {
	if l.values == nil {
		return 0, false
	}
	u := l.values.at(i)
	if u.where == 0 || math.IsNaN(u.value) {
		return 0, false
	}
	return u.value, true
}
