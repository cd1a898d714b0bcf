package events

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
)

// FuzzRead feeds any bytes to the reader: it must not panic or hang, must fail only with an
// *Error (the input is all in memory, so nothing else can go wrong), and its counts must add
// up.
func FuzzRead(f *testing.F) {
	f.Add([]byte(header + "u1,2020-01-01,a\nu2,1600000000,b\n"))
	f.Add([]byte("\xef\xbb\xbf" + header + "\"u\n1\",\"2020-01-01 10:00:00\",\"a\"\"\"\r\n"))
	f.Add([]byte(header + "u1,2020-01-01,a\ru2,x,a\n\"u3,2020"))
	f.Add([]byte(gz(header + "u1,2020-01-01T00:00:00+01:00,a\n")))
	f.Add([]byte("user_id;timestamp;event\n"))
	opts := Options{By: "", KeepUnmapped: true, Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b"}}},
		Exclusions: []journey.Matcher{{Event: "b"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := readIDs(context.Background(), []Source{ReaderSource("f", strings.NewReader(string(data)))}, opts)
		var e *Error
		switch {
		case err != nil && !errors.As(err, &e):
			t.Fatalf("err = %v, want an *Error", err)
		case err == nil:
			checkCounts(t, l)
		}
	})
}

// FuzzParseTime parses any text as a time: it must not panic, a worker's cached last date
// must not change the result, and whatever time.Parse reads as RFC 3339 it must read to the
// same instant.
// (time.Parse also takes one-digit clock fields, which RFC 3339 does not.)
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2020-02-04T19:16:09.182546Z", "2010-12-30 14:32:00+01:00", "2024-02-29",
		"1600000000", "1600000000123.5", "1.6e9", "2021-03-28 02:30:00", "9999-12-31T23:59:59Z"} {
		f.Add(s)
	}
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		f.Fatal(err)
	}
	z, utc := newZones(loc), newZones(nil)
	f.Fuzz(func(t *testing.T, s string) {
		got, st := parseTime([]byte(s), nil)
		parseTime([]byte(s), z)
		if cached, cst := parseTime([]byte(s), utc); cached != got || cst != st {
			t.Errorf("parseTime(%q) = %d (status %d) after other dates, %d (status %d) alone", s, cached, cst, got, st)
		}
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil || want.Year() < 1678 || want.Year() > 2261 || !twoDigitClock(s) {
			return
		}
		if st != timeOK || got != want.UnixNano() {
			t.Errorf("parseTime(%q) = %d (status %d), time.Parse gives %d", s, got, st, want.UnixNano())
		}
	})
}

// twoDigitClock reports whether s writes its hour, minute and second with two digits each, as
// RFC 3339 requires; time.Parse also takes one digit.
func twoDigitClock(s string) bool {
	return len(s) >= 19 && s[13] == ':' && s[16] == ':'
}

// FuzzSplit splits any bytes as the fast path does, row after row, and compares with
// splitting on line feeds and commas one byte at a time.
func FuzzSplit(f *testing.F) {
	long := strings.Repeat("abc,é,", 40)
	for _, s := range []string{"a,b,c\nd,e\n", "u1,2020-01-01T00:00:00Z,page_view,/,,,,\n", ",,,,,,,,,,\n\n", "no line feed", "é,\xff\n", long + "\n" + long} {
		f.Add(s, 3)
	}
	f.Add("a,b\r\nc,d\r\n"+long+"\r\n", 2)
	f.Fuzz(func(t *testing.T, s string, width int) {
		data := []byte(s)
		rec := record{seps: make([]int32, 1+max(1, width%12))}
		var sp splitter
		sp.reset(data)
		for p := 0; p < len(data); {
			row := data[p:]
			if e := bytes.IndexByte(row, '\n'); e >= 0 {
				row = row[:e]
			}
			want := bytes.Split(row, []byte{','})
			n, end, flags := sp.row(p, &rec)
			if n != len(want) || end != p+len(row) {
				t.Fatalf("row %q: %d fields ending at %d, want %d ending at %d", row, n, end, len(want), p+len(row))
			}
			for i := range min(n, len(rec.seps)-1) {
				if !bytes.Equal(rec.field(i), want[i]) {
					t.Fatalf("row %q: field %d is %q, want %q", row, i, rec.field(i), want[i])
				}
			}
			if flags&wideBytes == 0 && !isASCII(row) {
				t.Fatalf("row %q holds bytes beyond ASCII, the splitter says not", row)
			}
			if flags&carriageReturns == 0 && bytes.IndexByte(row, '\r') >= 0 {
				t.Fatalf("row %q holds a carriage return, the splitter says not", row)
			}
			p = end + 1
		}
	})
}

// FuzzFindSeparators checks that the separators found for the processor (with AVX2 where
// it has it) are those found eight bytes at a time in Go.
func FuzzFindSeparators(f *testing.F) {
	f.Add(strings.Repeat("a,b\n\x80,", 40))
	f.Add(strings.Repeat("u1,2020-01-01,page_view\n", 8))
	f.Add(strings.Repeat("u1,2020-01-01,page_view\r\n", 8))
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		data = data[:len(data)/64*64]
		if len(data) == 0 {
			return
		}
		got, want := make([]uint64, len(data)/64), make([]uint64, len(data)/64)
		gotWide, gotCR := findSeparators(data, got)
		wantWide, wantCR := findSeparatorsGo(data, want)
		if gotWide != wantWide || gotCR != wantCR || !slices.Equal(got, want) {
			t.Fatalf("%q: %x, wide %v, CR %v; want %x, wide %v, CR %v", data, got, gotWide, gotCR, want, wantWide, wantCR)
		}
	})
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
