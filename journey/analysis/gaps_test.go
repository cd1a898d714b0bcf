package analysis

import (
	"math"
	"slices"
	"testing"
)

func TestGapListKeepsEveryGap(t *testing.T) {
	tests := []struct {
		name string
		a, b []int64
	}{
		{"none", nil, nil},
		{"whole seconds", []int64{0, 1e9, 86400e9}, []int64{5e9}},
		{"16-bit seconds and beyond", []int64{65535e9, 65536e9}, []int64{65535e9 + 1}},
		{"nanoseconds", []int64{1, 1500000000}, []int64{999999999}},
		{"mixed", []int64{3e9, 7, 2e9 + 1}, []int64{4e9, 0}},
		{"beyond 32-bit seconds", []int64{(math.MaxUint32 + 1) * 1e9, math.MaxUint32 * 1e9}, nil},
		{"negative", []int64{-1e9, -5}, []int64{1e9}},
		{"many", make([]int64, 3*minChunk+5), []int64{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b gapList
			for _, v := range tt.a {
				a.add(v)
			}
			for _, v := range tt.b {
				b.add(v)
			}
			a.merge(&b)
			got := a.all()
			want := slices.Concat(tt.a, tt.b)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) || a.n != len(want) {
				t.Errorf("values = %v (n %d), want %v", got, a.n, want)
			}
		})
	}
}
