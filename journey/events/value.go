package events

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// The value pick (Options.Value) keeps, per user, the cell of one column on the user's
// first row at a ValueAt touchpoint: the goal event's order value for attribution. It works
// as the first-touch segment pick does: each run keeps the earliest such row of its chunk
// (the first one on a tie), and the user's shard keeps the earliest of the runs, the earlier
// chunk on a tie, so the row picked is the first in time order, ties in input order. The
// cell is parsed by the worker; the log keeps 24 bytes per user, only when Options.Value is
// set.

// valuePick is a run's pick: the row's time, line and parsed value (NaN when the cell is
// not a number or the file has no such column).
type valuePick struct {
	time  int64
	line  int64
	value float64
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
	v := math.NaN()
	if c.plan.value >= 0 {
		if x, ok := parseValue(rec.field(c.plan.value)); ok {
			v = x
		}
	}
	if r.value == 0 {
		c.picks = append(c.picks, valuePick{})
		r.value = int32(len(c.picks))
	}
	c.picks[r.value-1] = valuePick{time: t, line: line, value: v}
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

// valueMerger gathers what the value picks need of the files: their plans, by number, and,
// for the message when no file has the column, whether one did, every file's columns and
// the files' names. The users' picks are in their shards (see shard.pickValue).
type valueMerger struct {
	files   []*plan
	seen    bool
	columns []string
	names   []string
}

// pickValue merges a run's pick, from the file of plan pl, into user u's.
func (s *shard) pickValue(u uint32, p *valuePick, pl *plan) {
	cur := s.values.at(int(u))
	if cur.where != 0 && p.time >= cur.time {
		return
	}
	*cur = userValue{time: p.time, value: p.value, where: uint64(pl.ordinal)<<lineBits | uint64(p.line)}
}

// noteFile records a file's plan, its columns and whether it has the value column; files
// are noted in the order they are read, so files[i] is the file of plan.ordinal i.
func (vm *valueMerger) noteFile(p *plan) {
	vm.files = append(vm.files, p)
	vm.seen = vm.seen || p.value >= 0
	for _, h := range p.header {
		if !slices.Contains(vm.columns, h) {
			vm.columns = append(vm.columns, h)
		}
	}
	vm.names = append(vm.names, p.file)
}

// log counts the bad picks of column col in l and reports the first few; a column no file
// has is an *Error listing the columns found.
func (vm *valueMerger) log(l *Log, col string) error {
	if col == "" {
		return nil
	}
	if !vm.seen {
		msg := fmt.Sprintf("no event file has the value column %q", col)
		if s := journey.Suggest(col, vm.columns); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return &Error{File: strings.Join(vm.names, ", "), Message: msg + "; the columns found: " + quoteList(vm.columns)}
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
		l.ValueProblems = append(l.ValueProblems, vm.bad(w, col))
	}
	return nil
}

// bad says why the pick at input position where (see userValue) of column col is not a
// number.
func (vm *valueMerger) bad(where uint64, col string) Problem {
	p := vm.files[where>>lineBits]
	line := int64(where & (1<<lineBits - 1))
	if p.value < 0 {
		return Problem{File: p.file, Line: line, Message: fmt.Sprintf("the file has no column %q; the value counts 0", col)}
	}
	return Problem{File: p.file, Line: line, Message: fmt.Sprintf(
		"the cell in column %q is not a number like 12 or 12.50; the value counts 0", col)}
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
