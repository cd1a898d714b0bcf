package main

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		in           string
		lines, bytes int64
	}{
		{"", 0, 0},
		{"a,b\n", 1, 3},
		{"a,b\nc", 2, 4},
		{"a\r\nb\n\n", 3, 2},
		{strings.Repeat("x", 200_000) + "\ny\n", 2, 200_001},
	}
	for _, tt := range tests {
		lines, bytes, err := count(strings.NewReader(tt.in))
		if err != nil || lines != tt.lines || bytes != tt.bytes {
			t.Errorf("count(%.20q) = %d lines, %d bytes, %v; want %d, %d", tt.in, lines, bytes, err, tt.lines, tt.bytes)
		}
	}
	if _, _, err := count(strings.NewReader(strings.Repeat("x", 2<<20))); err == nil {
		t.Error("a 2 MiB line did not fail")
	}
}
