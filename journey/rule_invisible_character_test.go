package journey

import (
	"fmt"
	"slices"
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
		got := len(invisibleKinds([]rune(tt.text))) > 0
		if got != tt.warn {
			t.Errorf("%q: invisible %v, want %v", tt.text, got, tt.warn)
		}
	}
}

// TestInvisibleCharacterPlaces: in a block text each invisible character is reported on the
// line and at the column where it stands, once per kind and line, so that a bidirectional
// override never hides behind an earlier zero-width space; in other text each kind is
// reported once, at the text.
func TestInvisibleCharacterPlaces(t *testing.T) {
	tests := []struct {
		name, keys string
		want       []string
	}{
		{"literal block", "        description: |\n          Eerste\u200b regel\n          tweede\n\n          de \u202eomgekeerde \u202e regel\n        owner: x\n",
			[]string{"12:17 U+200B", "15:14 U+202E"}},
		{"folded block, more indented lines", "        description: >-\n          a\n            b \u200b c \u200d\n          \u2066d\n",
			[]string{"13:15 U+200B", "13:19 U+200D", "14:11 U+2066"}},
		{"block in a list", "        pains:\n          - |\n            ok 👩\u200d🌾\n            not\u200dok\n",
			[]string{"14:16 U+200D"}},
		{"block with CRLF", "        description: |\r\n          x\u200by\r\n",
			[]string{"12:12 U+200B"}},
		{"escapes in double quotes", "        description: \"a\\u200Bb\\u202Ec\\u200Bd\"\n",
			[]string{"11:22 U+200B", "11:22 U+202E"}},
		{"plain text", "        description: a\u200bb \u202ec\n",
			[]string{"11:22 U+200B", "11:22 U+202E"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Check("m.journey.yaml", []byte(withTouchpointKeys(tt.keys)))
			var got []string
			for _, d := range ds {
				if d.Rule == "invisible-character" {
					got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Column, d.Message[len("text holds the invisible character "):][:6]))
				} else {
					t.Errorf("unexpected %v", d)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
