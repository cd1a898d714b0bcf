package events

import (
	"bytes"
	"hash/maphash"
	"slices"
	"testing"
)

// TestSameBytes compares identities of every length up to 20 bytes that differ in one byte.
func TestSameBytes(t *testing.T) {
	base := []byte("abcdefghijklmnopqrst")
	for n := range len(base) + 1 {
		a := base[:n]
		if !sameBytes(a, append([]byte(nil), a...)) {
			t.Errorf("%q differs from itself", a)
		}
		for i := range n {
			b := append([]byte(nil), a...)
			b[i] = '#'
			if sameBytes(a, b) {
				t.Errorf("%q is taken for %q", b, a)
			}
		}
		if n > 0 && sameBytes(a, a[:n-1]) {
			t.Errorf("%q is taken for %q", a[:n-1], a)
		}
	}
}

// TestRunIdentities cuts rows into runs by identity, as a worker does, with identities read
// from a row buffer, so that other bytes follow them, or with no room after them. With
// several shards, each run is in the part of its identity's shard, numbered in row order.
func TestRunIdentities(t *testing.T) {
	row := []byte("u1,u1x,u1,u1,abcdefgh1,abcdefgh1,abcdefgh2,abcdefgh")
	var fields [][]byte // slices of row, whose capacity runs on past each field
	for start := 0; start < len(row); {
		end := bytes.IndexByte(row[start:], ',')
		if end < 0 {
			end = len(row) - start
		}
		fields = append(fields, row[start:start+end])
		start += end + 1
	}
	ids := slices.Concat(fields[:4], [][]byte{[]byte("u1")[:2:2]}, fields[4:]) // one with no room after it
	want := []string{"u1", "u1x", "u1", "abcdefgh1", "abcdefgh2", "abcdefgh"}
	seed := maphash.MakeSeed()
	for _, shards := range []int{1, 3} {
		var c chunk
		c.reset(shards)
		for _, id := range ids {
			c.run(id, seed, false)
		}
		got := make([]string, c.nRuns)
		for s := range c.parts {
			p := &c.parts[s]
			for i := range p.runs {
				if sh := shardOf(p.runs[i].hash, shards); sh != s {
					t.Errorf("%d shards: run %q is in part %d, its shard is %d", shards, p.runID(i), s, sh)
				}
				got[p.runs[i].ord] = string(p.runID(i))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d shards: runs %q, want %q", shards, got, want)
		}
	}
}
