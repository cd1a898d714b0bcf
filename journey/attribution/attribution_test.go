package attribution

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestPublishedExample is SPEC section 6's check: paths C1 > C2 > C3 (converts), C1 (null)
// and C2 > C3 (null) give p = 1/3, removal effects C1 0.5, C2 1 and C3 1, and Markov credit
// C1 0.2, C2 0.4, C3 0.4. The heuristic models split the one conversion over C1, C2, C3:
// first all to C1, last all to C3, linear a third each, position 40/20/40.
func TestPublishedExample(t *testing.T) {
	r := run(t, channelsMap, Options{By: ByTouchpoint},
		"u1: c1@0 c2@10 c3@20 buy@30", "u2: c1@0", "u3: c2@0 c3@10")
	if r.Paths != 3 || r.Conversions != 1 || r.Value != 1 || r.Touches != 6 {
		t.Errorf("paths %d, conversions %d, value %v, touches %d; want 3, 1, 1, 6", r.Paths, r.Conversions, r.Value, r.Touches)
	}
	if r.Markov == nil || !near(r.Markov.P, 1.0/3) {
		t.Fatalf("markov %+v, want p = 1/3", r.Markov)
	}
	want := map[string]map[string]float64{
		"c1": {First: 1, Last: 0, Linear: 1.0 / 3, Position: 0.4, Markov: 0.2},
		"c2": {First: 0, Last: 0, Linear: 1.0 / 3, Position: 0.2, Markov: 0.4},
		"c3": {First: 0, Last: 1, Linear: 1.0 / 3, Position: 0.4, Markov: 0.4},
	}
	for ch, models := range want {
		for model, w := range models {
			if got := credit(t, r, ch, model); !near(got, w) {
				t.Errorf("%s %s = %v, want %v", ch, model, got, w)
			}
		}
	}
	for ch, w := range map[string]float64{"c1": 0.5, "c2": 1, "c3": 1} {
		if got, _ := r.Markov.RemovalEffects.Get(ch); !near(got, w) {
			t.Errorf("removal effect of %s = %v, want %v", ch, got, w)
		}
	}
	if got := channelNames(r); !slices.Equal(got, []string{"c1", "c2", "c3"}) {
		t.Errorf("channels %v, want c1 c2 c3 in document order", got)
	}
}

// TestTimeDecay: touches H, 2H and 3H before the conversion weigh 1/2, 1/4 and 1/8, so
// their shares are 4/7, 2/7 and 1/7. Touches 1,100 half-lives before it, whose weights
// 2^-1100 and 2^-1101 are below the smallest float, still share 2/3 and 1/3.
func TestTimeDecay(t *testing.T) {
	for _, tc := range []struct {
		path string
		want map[string]float64
	}{
		{"c1@0 c2@3600 c3@7200 buy@10800", map[string]float64{"c1": 1.0 / 7, "c2": 2.0 / 7, "c3": 4.0 / 7}},
		{"c1@0 c2@3600 buy@3963600", map[string]float64{"c1": 1.0 / 3, "c2": 2.0 / 3}},
		// centuries apart, further than an int64 of nanoseconds holds: c1 weighs nothing
		{"c1@-9000000000 c2@1000000000 buy@1000000001", map[string]float64{"c1": 0, "c2": 1}},
	} {
		r := run(t, channelsMap, Options{By: ByTouchpoint, HalfLife: time.Hour}, "u1: "+tc.path)
		for ch, w := range tc.want {
			if got := credit(t, r, ch, TimeDecay); !near(got, w) {
				t.Errorf("%s: %s time-decay = %v, want %v", tc.path, ch, got, w)
			}
		}
	}
}

// TestPosition: one touch takes all, two take half each, and from three on the first and
// last take 40% each and the middle ones share 20%; a channel touched twice gets twice.
func TestPosition(t *testing.T) {
	for _, tc := range []struct {
		path string
		want map[string]float64
	}{
		{"c2@0 buy@1", map[string]float64{"c2": 1}},
		{"c1@0 c2@1 buy@2", map[string]float64{"c1": 0.5, "c2": 0.5}},
		{"c1@0 c2@1 c2@2 c3@3 buy@4", map[string]float64{"c1": 0.4, "c2": 0.2, "c3": 0.4}},
		{"c1@0 c2@1 c1@2 c3@3 c1@4 buy@5", map[string]float64{"c1": 0.4 + 0.4 + 0.2/3, "c2": 0.2 / 3, "c3": 0.2 / 3}},
	} {
		r := run(t, channelsMap, Options{By: ByTouchpoint}, "u: "+tc.path)
		for ch, w := range tc.want {
			if got := credit(t, r, ch, Position); !near(got, w) {
				t.Errorf("%s: %s position = %v, want %v", tc.path, ch, got, w)
			}
		}
	}
	r := run(t, channelsMap, Options{By: ByTouchpoint}, "u: c1@0 c2@1 c1@2 buy@3")
	if got := credit(t, r, "c1", Linear); !near(got, 2.0/3) {
		t.Errorf("linear credit of a channel touched twice = %v, want 2/3", got)
	}
}

// TestPaths: touches after the conversion do not count, nor does a touch at the
// conversion's instant whose row comes after it; one whose row comes first does. A user's
// later goal events are not conversions.
func TestPaths(t *testing.T) {
	r := run(t, channelsMap, Options{By: ByTouchpoint},
		"u1: c1@0 buy@5 c2@5 c3@9 buy@10", "u2: c2@5 buy@5")
	if r.Conversions != 2 || r.Touches != 2 || r.Paths != 2 {
		t.Fatalf("conversions %d, touches %d, paths %d; want 2, 2, 2", r.Conversions, r.Touches, r.Paths)
	}
	if credit(t, r, "c1", Last) != 1 || credit(t, r, "c2", Last) != 1 {
		t.Errorf("last credit c1 %v, c2 %v; want 1 each", credit(t, r, "c1", Last), credit(t, r, "c2", Last))
	}
	if names := channelNames(r); !slices.Equal(names, []string{"c1", "c2"}) {
		t.Errorf("channels %v, want c1 c2 (c3 was touched after the conversion only)", names)
	}
}

// TestLookback keeps touches at most D before the path's end, exactly D included; a
// converting path left without touches gets one touch of (direct), whatever --by says.
func TestLookback(t *testing.T) {
	day := int64(86400)
	r := run(t, channelsMap, Options{By: ByChannel, Lookback: 24 * time.Hour},
		"u1: c1@0 c2@"+itoa(day)+" buy@"+itoa(2*day), // c1 is 2 days before: out; c2 exactly 1 day: in
		"u2: c3@0 buy@"+itoa(3*day),                  // nothing left: (direct)
		"u3: c1@0 c2@"+itoa(2*day))                   // null path: ends at its last touch, c1 is out
	if r.Touches != 3 {
		t.Errorf("touches %d, want 3 (two, (direct), two)", r.Touches)
	}
	if got := channelNames(r); !slices.Equal(got, []string{"two", Direct}) {
		t.Errorf("channels %v, want two, (direct)", got)
	}
	if credit(t, r, Direct, First) != 1 || credit(t, r, "two", First) != 1 {
		t.Errorf("first: (direct) %v, two %v; want 1 each", credit(t, r, Direct, First), credit(t, r, "two", First))
	}
}

// TestLookbackCenturies: a touch centuries before the conversion, further than an int64 of
// nanoseconds holds, is outside any lookback.
func TestLookbackCenturies(t *testing.T) {
	r := run(t, channelsMap, Options{By: ByChannel, Lookback: 24 * time.Hour}, "u1: c1@-9000000000 c2@1000000000 buy@1000000001")
	if got := channelNames(r); !slices.Equal(got, []string{"two"}) || r.Touches != 1 {
		t.Errorf("channels %v, %d touches; want two, 1 touch", got, r.Touches)
	}
}

// TestBy groups touches by channel, owner or stage; a touchpoint without the field gives
// (none), listed after the named ones.
func TestBy(t *testing.T) {
	users := []string{"u1: c1@0 c3@1 buy@2", "u2: c2@0"}
	for by, want := range map[string][]string{
		ByChannel: {"one", "two", "three"},
		ByOwner:   {"sales", None},
		ByStage:   {"first", "second"},
	} {
		r := run(t, channelsMap, Options{By: by}, users...)
		if got := channelNames(r); !slices.Equal(got, want) {
			t.Errorf("by %s: channels %v, want %v", by, got, want)
		}
	}
	r := run(t, channelsMap, Options{By: ByOwner}, users...)
	if credit(t, r, "sales", Linear) != 0.5 || credit(t, r, None, Linear) != 0.5 {
		t.Errorf("by owner: sales %v, (none) %v; want 0.5 each", credit(t, r, "sales", Linear), credit(t, r, None, Linear))
	}
}

// TestValue: with a value column, a conversion is worth the amount of its goal row: the
// first goal row's, a cell that is not a number counting 0; credits still count
// conversions.
func TestValue(t *testing.T) {
	r := run(t, channelsMap, Options{By: ByTouchpoint},
		"u1: c1@0 buy@1=100 buy@2=7", "u2: c2@0 buy@1=50.5", "u3: c3@0 buy@1=lots", "u4: c1@0")
	if r.Conversions != 3 || r.Value != 150.5 {
		t.Fatalf("conversions %d, value %v; want 3, 150.5", r.Conversions, r.Value)
	}
	for ch, w := range map[string][2]float64{"c1": {1, 100}, "c2": {1, 50.5}, "c3": {1, 0}} {
		c := channel(t, r, ch)
		got, _ := c.Credit.Get(First)
		v, _ := c.Value.Get(First)
		if got != w[0] || v != w[1] {
			t.Errorf("%s: first credit %v value %v, want %v", ch, got, v, w)
		}
	}
	if v, _ := channel(t, r, "c1").Value.Get(Markov); math.IsNaN(v) {
		t.Error("markov value is NaN")
	}
}

// TestNoConversion: without conversions, every model gives 0, p is 0 and every removal
// effect is 0.
func TestNoConversion(t *testing.T) {
	r := run(t, channelsMap, Options{}, "u1: c1@0 c2@1", "u2: c3@0")
	if r.Markov.P != 0 || r.Conversions != 0 || r.Value != 0 {
		t.Errorf("p %v, conversions %d, value %v", r.Markov.P, r.Conversions, r.Value)
	}
	for _, c := range r.Channels {
		for _, m := range Models {
			if v, _ := c.Credit.Get(m); v != 0 {
				t.Errorf("%s %s = %v, want 0", c.Channel, m, v)
			}
		}
		if re, _ := r.Markov.RemovalEffects.Get(c.Channel); re != 0 {
			t.Errorf("removal effect of %s = %v", c.Channel, re)
		}
	}
	if r := run(t, channelsMap, Options{}); r.Paths != 0 || len(r.Channels) != 0 || r.Markov.P != 0 {
		t.Errorf("no users: %+v", r)
	}
}

// TestModelsOption: one model gives only that model's numbers, and Markov's p only when it
// is the one.
func TestModelsOption(t *testing.T) {
	r := run(t, channelsMap, Options{Models: []string{Last}}, "u1: c1@0 buy@1")
	if r.Markov != nil || !slices.Equal(r.Models, []string{Last}) {
		t.Errorf("markov %v, models %v", r.Markov, r.Models)
	}
	if _, ok := r.Channels[0].Credit.Get(First); ok {
		t.Error("first is reported though only last was asked for")
	}
}

// TestSums: on a random mix of paths, every model hands out exactly the conversions and
// the value, whichever way the users are split between workers.
func TestSums(t *testing.T) {
	var users []string
	names := []string{"c1", "c2", "c3"}
	for i := range 300 {
		path := ""
		for k := range i%5 + 1 {
			path += names[(i*7+k*3)%3] + "@" + itoa(int64(k*100+i%13)) + " "
		}
		if i%3 != 0 {
			path += "buy@600=" + itoa(int64(i%17))
		}
		users = append(users, "u"+itoa(int64(i))+": "+path)
	}
	one := run(t, channelsMap, Options{Workers: 1, HalfLife: time.Minute}, users...)
	for _, workers := range []int{1, 3} {
		r := run(t, channelsMap, Options{Workers: workers, HalfLife: time.Minute}, users...)
		for _, m := range Models {
			var sc, sv float64
			for _, c := range r.Channels {
				v, _ := c.Credit.Get(m)
				w, _ := c.Value.Get(m)
				sc, sv = sc+v, sv+w
			}
			if math.Abs(sc-float64(r.Conversions)) > 1e-9 || math.Abs(sv-r.Value) > 1e-9 {
				t.Errorf("%d workers, %s: credit %v of %d conversions, value %v of %v", workers, m, sc, r.Conversions, sv, r.Value)
			}
		}
		if !near(r.Markov.P, one.Markov.P) || r.Touches != one.Touches {
			t.Errorf("%d workers: p %v, touches %d; one worker: %v, %d", workers, r.Markov.P, r.Touches, one.Markov.P, one.Touches)
		}
	}
}

func channelNames(r *Report) []string {
	var out []string
	for _, c := range r.Channels {
		out = append(out, c.Channel)
	}
	return out
}

func channel(t *testing.T, r *Report, name string) Channel {
	t.Helper()
	for _, c := range r.Channels {
		if c.Channel == name {
			return c
		}
	}
	t.Fatalf("no channel %q", name)
	return Channel{}
}

// TestSameOnEveryMachine: the credits are sums of fractions, whose last bits depend on the
// order of the terms; the reports must be the same, bit for bit, whatever the number of
// workers sharing the users.
func TestSameOnEveryMachine(t *testing.T) {
	defer func(n int) { blockUsers = n }(blockUsers)
	blockUsers = 7
	var users []string
	names := []string{"c1", "c2", "c3"}
	for i := range 200 {
		path := ""
		for k := range i%4 + 1 {
			path += names[(i*5+k)%3] + "@" + itoa(int64(k*60+i%11)) + " "
		}
		if i%2 == 0 {
			path += "buy@600=" + itoa(int64(i%13))
		}
		users = append(users, "u"+itoa(int64(1000+i))+": "+path)
	}
	want := run(t, channelsMap, Options{Workers: 1, HalfLife: time.Minute}, users...)
	for _, workers := range []int{2, 3, 5, 8} {
		if diff := cmp.Diff(want, run(t, channelsMap, Options{Workers: workers, HalfLife: time.Minute}, users...)); diff != "" {
			t.Errorf("%d workers differ from 1 (-1 +%d):\n%s", workers, workers, diff)
		}
	}
}
