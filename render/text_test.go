package render

import (
	"fmt"
	"testing"
)

// TestWrapBreaksLongWords wants a word too long for a line broken with a hyphen, after a
// hyphen of its own where it has one, with at least minFragment runes on each side of the
// break, and short words left whole.
func TestWrapBreaksLongWords(t *testing.T) {
	for _, tt := range []struct {
		s     string
		width int
		want  []string
	}{
		{"Reageren op woning", 24, []string{"Reageren op woning"}},
		{"Invoer in het polisadministratiesysteem", 24, []string{"Invoer in het", "polisadministratiesyst-", "eem"}},
		{"abcdefghijklmnopqrstuvwxyz", 24, []string{"abcdefghijklmnopqrstuvw-", "xyz"}},
		{"Aanvraag-bevestigingsformulier-verwerking", 24, []string{"Aanvraag-", "bevestigingsformulier-", "verwerking"}},
		{"arbeidsongeschiktheidsverzekeringspolis", 16, []string{"arbeidsongeschi-", "ktheidsverzeker-", "ingspolis"}},
		{"ab-cdefghijklmnopqrstuvwxyz", 24, []string{"ab-cdefghijklmnopqrstuv-", "wxyz"}},
		{"abcdefgh", 3, []string{"abc", "def", "gh"}},
	} {
		got := wrap(tt.s, tt.width)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}
