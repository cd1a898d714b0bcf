package events

import "testing"

// TestRowEnd finds the end of a row fed whole and fed in pieces cut at every place: the line
// feed after it, outside quotes in CSV.
func TestRowEnd(t *testing.T) {
	tests := []struct {
		name   string
		quotes bool
		text   string
		end    int // the index past the row's line feed; -1 when the row goes on
		lines  int64
		open   bool
	}{
		{"plain", true, "a,b\nc", 4, 0, false},
		{"quoted line feed", true, "a,\"b\nc\"\nd", 8, 1, false},
		{"doubled quotes", true, "\"a\"\"\n\"\"b\"\nc", 10, 1, false},
		{"empty quoted", true, "\"\",\"\"\n", 6, 0, false},
		{"bare quote ends at the line feed", true, "ab\"c\nd\"\n", 5, 0, false},
		{"text after a closing quote", true, "\"a\"b\nc", 5, 0, false},
		{"carriage return line end", true, "\"a\"\r\nb", 5, 0, false},
		{"carriage return in a field", true, "a\rb\nc", 4, 0, false},
		{"open quote", true, "a,\"b\nc", -1, 1, true},
		{"closed at the end", true, "a,\"b\"", -1, 0, false},
		{"no line feed", true, "abc", -1, 0, false},
		{"JSON ignores quotes", false, "{\"a\":\"\n", 7, 0, false},
	}
	for _, tc := range tests {
		for cut := 0; cut <= len(tc.text); cut++ {
			r := rowEnd{quotes: tc.quotes}
			end := -1
			if k, done := r.feed([]byte(tc.text[:cut])); done {
				end = k
			} else if k, done := r.feed([]byte(tc.text[cut:])); done {
				end = cut + k
			}
			// feeding stops at the row's end, so lines counts the line feeds inside it
			if end != tc.end || r.lines != tc.lines || (end < 0 && r.unterminated() != tc.open) {
				t.Errorf("%s, cut at %d: end %d, %d lines, open %v; want %d, %d, %v",
					tc.name, cut, end, r.lines, r.unterminated(), tc.end, tc.lines, tc.open)
			}
		}
	}
}
