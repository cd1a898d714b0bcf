package attribution

import (
	"encoding/json"
	"math"
	"testing"
)

// TestNumbersJSON: numbers keep their keys in order both ways, and a NaN is refused rather
// than written.
func TestNumbersJSON(t *testing.T) {
	n := Numbers{{"first", 25}, {"time-decay", 0.5}, {"markov", 1e21}}
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"first":25,"time-decay":0.5,"markov":1e+21}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	var back Numbers
	if err := json.Unmarshal(b, &back); err != nil || len(back) != 3 || back[1] != n[1] || back[2] != n[2] {
		t.Errorf("round trip: %v, %v", back, err)
	}
	if _, err := json.Marshal(Numbers{{"x", math.NaN()}}); err == nil {
		t.Error("a NaN was written")
	}
	if err := json.Unmarshal([]byte(`[1]`), &back); err == nil {
		t.Error("an array was read as numbers")
	}
}
