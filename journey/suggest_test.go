package journey

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"touchpoints", "title", "stages", "moment_of_truth", "Klant_ID", "EVENT"}
	tests := []struct{ word, want string }{
		{"touchpoint", "touchpoints"},
		{"titel", "title"},
		{"stage", "stages"},
		{"moment_of_thruth", "moment_of_truth"},
		{"colour", ""},
		{"x", ""},
		{"title", ""},
		{"klant_id", "Klant_ID"}, // only the case differs: three edits, yet the closest
		{"event", "EVENT"},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
