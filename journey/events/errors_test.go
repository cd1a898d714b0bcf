package events

import (
	"fmt"
	"strings"
	"testing"
)

// TestQuoteList shows a header's names quoted, and past maxListed of them says how many
// more there are rather than list them all.
func TestQuoteList(t *testing.T) {
	if got, want := quoteList([]string{"a", `b"c`}), `"a", "b\"c"`; got != want {
		t.Errorf("quoteList = %s, want %s", got, want)
	}
	var names []string
	for i := range 1000 {
		names = append(names, fmt.Sprintf("properties.k%d", i))
	}
	got := quoteList(names)
	if !strings.HasSuffix(got, `"properties.k49", and 950 more`) || strings.Contains(got, `"properties.k50"`) {
		t.Errorf("quoteList of 1000 names = %.80s...%s", got, got[max(0, len(got)-60):])
	}
	if got := quoteList(names[:maxListed]); strings.Contains(got, "more") {
		t.Errorf("quoteList of %d names says there are more: %s", maxListed, got)
	}
}
