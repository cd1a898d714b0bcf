package events

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// valueOptions map "view" to touchpoint 0 and "buy" to touchpoint 1, the one carrying the
// value of column amount.
func valueOptions() Options {
	return Options{Value: "amount", ValueAt: []bool{false, true},
		Touchpoints: [][]journey.Matcher{{{Event: "view"}}, {{Event: "buy"}}}}
}

// values returns every user's value by identity; a missing or bad one is "-".
func values(l *Log) map[string]string {
	out := map[string]string{}
	for i := range l.NumUsers() {
		v, ok := l.Value(i)
		out[l.UserID(i)] = "-"
		if ok {
			out[l.UserID(i)] = strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	return out
}

// TestValuePick: a user's value comes from their first row at a value touchpoint in time
// order, the first in input order among rows at the same time; rows elsewhere, filtered
// rows and later rows do not count.
func TestValuePick(t *testing.T) {
	text := "user_id,timestamp,event,amount\n" +
		"a,2020-01-01T00:00:05Z,buy,50\n" + // a's later buy
		"a,2020-01-01T00:00:03Z,buy,30\n" + // a's first buy: picked
		"a,2020-01-01T00:00:01Z,view,99\n" + // not a value touchpoint
		"b,2020-01-01T00:00:02Z,buy, 12.50 \n" + // tie: first in input order
		"b,2020-01-01T00:00:02Z,buy,13\n" +
		"c,2019-06-01T00:00:00Z,buy,1\n" + // filtered
		"c,2020-01-01T00:00:09Z,buy,-3\n" +
		"d,2020-01-01T00:00:01Z,view,7\n" // no value row
	opts := valueOptions()
	opts.Since = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	l, err := readFiles(t, opts, file{"f.csv", text})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "30", "b": "12.5", "c": "-3", "d": "-"}
	if diff := cmp.Diff(want, values(l)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if l.BadValues != 0 || len(l.ValueProblems) != 0 {
		t.Errorf("bad values %d %v", l.BadValues, l.ValueProblems)
	}
}

// TestValueAcrossChunks: a user whose rows are far apart in a big file is picked from
// the earliest row whichever chunk it is in; with equal times, the earlier chunk wins.
func TestValueAcrossChunks(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,amount\n")
	b.WriteString("x,2020-01-01T00:00:09Z,buy,9\n")
	b.WriteString("y,2020-01-01T00:00:05Z,buy,1\n")
	for i := range 40000 {
		fmt.Fprintf(&b, "f%d,2020-01-01T00:00:00Z,view,\n", i)
	}
	b.WriteString("x,2020-01-01T00:00:02Z,buy,2\n")
	b.WriteString("y,2020-01-01T00:00:05Z,buy,5\n")
	l, err := readFiles(t, valueOptions(), file{"big.csv", b.String()})
	if err != nil {
		t.Fatal(err)
	}
	got := values(l)
	if got["x"] != "2" || got["y"] != "1" {
		t.Errorf("x = %s, want 2; y = %s, want 1", got["x"], got["y"])
	}
}

// TestBadValues: a cell that is not a number, and a row of a file without the column, give
// no value and are counted and reported with file and line, the first in input order;
// quoted cells parse as well.
func TestBadValues(t *testing.T) {
	one := "user_id,timestamp,event,amount\n" +
		"b,2020-01-01T00:00:00Z,view,\n" + // b is the first user, its goal row comes later
		"a,2020-01-01T00:00:01Z,buy,twelve\n" +
		"b,2020-01-01T00:00:01Z,buy,\"1,5\"\n" +
		"c,2020-01-01T00:00:01Z,buy,\"7.25\"\n"
	two := "user_id,timestamp,event\n" +
		"d,2020-01-01T00:00:01Z,buy\n"
	l, err := readFiles(t, valueOptions(), file{"one.csv", one}, file{"two.csv", two})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"a": "-", "b": "-", "c": "7.25", "d": "-"}, values(l)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	want := []Problem{
		{File: "one.csv", Line: 3, Message: `the cell "twelve" in column "amount" is not a number like 12 or 12.50; the value counts 0`},
		{File: "one.csv", Line: 4, Message: `the cell "1,5" in column "amount" is not a number like 12 or 12.50 (a decimal comma? write 1.5); the value counts 0`},
		{File: "two.csv", Line: 2, Message: `the file has no column "amount"; the value counts 0`},
	}
	if diff := cmp.Diff(want, l.ValueProblems); diff != "" || l.BadValues != 3 {
		t.Errorf("%d bad values; problems (-want +got):\n%s", l.BadValues, diff)
	}
}

// TestBadValueCells: the cell reported is that of the row picked, the earliest, even when
// a later chunk holds an earlier row; a bad cell replaced by an earlier number is not
// reported.
func TestBadValueCells(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,amount\n")
	b.WriteString("x,2020-01-01T00:00:09Z,buy,\"1.234,56\"\n")
	b.WriteString("y,2020-01-01T00:00:09Z,buy,n/a\n")
	b.WriteString("z,2020-01-01T00:00:09Z,buy," + strings.Repeat("9", 50) + "x\n")
	for i := range 40000 {
		fmt.Fprintf(&b, "f%d,2020-01-01T00:00:00Z,view,\n", i)
	}
	b.WriteString("x,2020-01-01T00:00:02Z,buy,twelve\n")
	b.WriteString("y,2020-01-01T00:00:02Z,buy,3\n")
	l, err := readFiles(t, valueOptions(), file{"big.csv", b.String()})
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{
		{File: "big.csv", Line: 4, Message: `the cell "` + strings.Repeat("9", 40) + `"... in column "amount" is not a number like 12 or 12.50; the value counts 0`},
		{File: "big.csv", Line: 40005, Message: `the cell "twelve" in column "amount" is not a number like 12 or 12.50; the value counts 0`},
	}
	if diff := cmp.Diff(want, l.ValueProblems); diff != "" || l.BadValues != 2 {
		t.Errorf("%d bad values; problems (-want +got):\n%s", l.BadValues, diff)
	}
}

// TestNotNumber pins the message for a cell that is not a number, and when it tells of a
// decimal comma.
func TestNotNumber(t *testing.T) {
	const tail = ` in column "bedrag" is not a number like 12 or 12.50`
	tests := []struct{ cell, want string }{
		{"12,50", `the cell "12,50"` + tail + ` (a decimal comma? write 12.50); the value counts 0`},
		{"1.234,56", `the cell "1.234,56"` + tail + ` (a decimal comma? write 1234.56); the value counts 0`},
		{"12.345.678,9", `the cell "12.345.678,9"` + tail + ` (a decimal comma? write 12345678.9); the value counts 0`},
		{" -0,5 ", `the cell " -0,5 "` + tail + ` (a decimal comma? write -0.5); the value counts 0`},
		{"1234,56", `the cell "1234,56"` + tail + ` (a decimal comma? write 1234.56); the value counts 0`},
		{"1,234,567", `the cell "1,234,567"` + tail + ` (a thousands separator? write 1234567); the value counts 0`},
		{"-1,234.56", `the cell "-1,234.56"` + tail + ` (a thousands separator? write -1234.56); the value counts 0`},
		{"1,000", `the cell "1,000"` + tail + ` (a thousands separator? write 1000; a decimal comma? write 1.000); the value counts 0`},
		{"1,00", `the cell "1,00"` + tail + ` (a decimal comma? write 1.00); the value counts 0`},
		{"1234,567.8", `the cell "1234,567.8"` + tail + `; the value counts 0`},
		{"1,234.", `the cell "1,234."` + tail + `; the value counts 0`},
		{"1234.567,8", `the cell "1234.567,8"` + tail + `; the value counts 0`},
		{"1.23,4", `the cell "1.23,4"` + tail + `; the value counts 0`},
		{"12,", `the cell "12,"` + tail + `; the value counts 0`},
		{",50", `the cell ",50"` + tail + `; the value counts 0`},
		{"€ 12,50", `the cell "€ 12,50"` + tail + `; the value counts 0`},
		{"twelve", `the cell "twelve"` + tail + `; the value counts 0`},
		{"", `the cell in column "bedrag" is empty, not a number like 12 or 12.50; the value counts 0`},
		{"  ", `the cell in column "bedrag" is empty, not a number like 12 or 12.50; the value counts 0`},
	}
	for _, tt := range tests {
		if got := notNumber("bedrag", tt.cell); got != tt.want {
			t.Errorf("notNumber(%q) =\n%s\nwant\n%s", tt.cell, got, tt.want)
		}
	}
}

// TestNoValueColumn: a value column that no file has stops the read, listing the columns
// found and suggesting the closest.
func TestNoValueColumn(t *testing.T) {
	opts := valueOptions()
	opts.Value = "amont"
	_, err := readFiles(t, opts, file{"a.csv", "user_id,timestamp,event,amount\n"}, file{"b.csv", "user_id,timestamp,event,page\n"})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want an *Error", err)
	}
	want := `a.csv, b.csv: no event file has the value column "amont" (did you mean "amount"?); the columns found: "user_id", "timestamp", "event", "amount", "page"`
	if e.Error() != want {
		t.Errorf("got  %s\nwant %s", e.Error(), want)
	}
}

// TestParseValue pins the numbers a value cell may hold.
func TestParseValue(t *testing.T) {
	for in, want := range map[string]float64{
		"12": 12, "12.50": 12.5, "-3": -3, "+4": 4, "  7 ": 7, "0.5": 0.5, ".5": 0.5, "5.": 5, "-0": 0,
	} {
		if v, ok := parseValue([]byte(in)); !ok || v != want {
			t.Errorf("parseValue(%q) = %v, %v; want %v", in, v, ok, want)
		}
	}
	for _, in := range []string{"", " ", "-", ".", "1e3", "inf", "NaN", "0x10", "1,5", "1_000", "€5", "5 5", "--1", "1.2.3", "\t1"} {
		if v, ok := parseValue([]byte(in)); ok {
			t.Errorf("parseValue(%q) = %v, want not a number", in, v)
		}
	}
}

// FuzzParseValue: whatever the cell, parseValue neither panics nor returns a NaN or an
// infinity, and what it accepts is a plain decimal that strconv reads the same.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"12", "-3.5", " 7 ", "1e9", "abc", ".", "99999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseValue([]byte(s))
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("parseValue(%q) = %v", s, v)
		}
		if strings.ContainsAny(s, "eEnNxX_") {
			t.Fatalf("parseValue(%q) accepted a non-decimal", s)
		}
		if w, err := strconv.ParseFloat(strings.Trim(s, " "), 64); err != nil || w != v {
			t.Fatalf("parseValue(%q) = %v, strconv says %v, %v", s, v, w, err)
		}
	})
}
