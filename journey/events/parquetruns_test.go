package events

import (
	"encoding/binary"
	"testing"
)

// TestCountRuns counts the runs of a page as the library reads them: a run of n repeats
// (header n<<1) and its value, a bit-packed run of g groups of eight (header g<<1|1) and
// their bits, an empty run without a value; padding is allowed, a count far above the
// page's values or a run past the bytes is not.
func TestCountRuns(t *testing.T) {
	runs := func(parts ...[]byte) []byte {
		var b []byte
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	}
	header := func(h uint64) []byte { return binary.AppendUvarint(nil, h) }
	tests := []struct {
		name  string
		b     []byte
		width int
		n     int
		ok    bool
	}{
		{"one run", runs(header(10<<1), []byte{1}), 1, 10, true},
		{"bit-packed", runs(header(2<<1|1), []byte{0xff, 0x00}), 1, 16, true},
		{"padded to 256, as DuckDB writes", runs(header(32<<1|1), make([]byte, 32*9)), 9, 200, true},
		{"empty runs read no value", runs(header(0), header(0), header(4<<1), []byte{7}), 3, 4, true},
		{"a billion repeats", runs(header(1e9<<1), []byte{1}), 1, 10, false},
		{"a billion groups", runs(header(1e9<<1|1), []byte{1}), 1, 10, false},
		{"runs adding up past the page", runs(header(9000<<1), []byte{1}, header(9000<<1), []byte{1}), 1, 6000, false},
		{"bits past the end", runs(header(2<<1|1), []byte{0xff}), 1, 16, false},
		{"a header cut short", []byte{0x80}, 1, 16, false},
	}
	for _, tc := range tests {
		if err := countRuns(tc.b, tc.width, tc.n); (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}
