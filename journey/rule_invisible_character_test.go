package journey

import (
	"testing"
)

// TestInvisibleCharacterSparesEmoji warns of zero-width and bidirectional characters in
// text, but not of the joiners inside emoji sequences, which the text shows.
func TestInvisibleCharacterSparesEmoji(t *testing.T) {
	tests := []struct {
		text string
		warn bool
	}{
		{"Boer 👩\u200d🌾", false},              // woman farmer
		{"Trots 🏳\ufe0f\u200d🌈", false},       // rainbow flag: a variation selector before the joiner
		{"Hardlopen 🏃🏽\u200d♀\ufe0f", false},  // a skin tone before the joiner
		{"Home\u200dpage", true},              // a joiner between letters
		{"👩\u200d", true},                     // a joiner at the end
		{"Home\u200bpage", true},              // a zero-width space
		{"Boer 👩\u200d🌾 en \u202eevil", true}, // a bidirectional override after an emoji
		{"Boer 👩\u200d\u200d🌾", true},         // two joiners
	}
	for _, tt := range tests {
		_, got := firstInvisible([]rune(tt.text))
		if got != tt.warn {
			t.Errorf("%q: invisible %v, want %v", tt.text, got, tt.warn)
		}
	}
}
