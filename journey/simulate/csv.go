package simulate

import (
	"strings"

	"github.com/journey-cx/journey/journey"
)

// header returns the CSV header: identity, time, event and the where columns.
func header(identity string, columns []string) []byte {
	b := appendField(nil, identity)
	for _, c := range append([]string{"timestamp", "event"}, columns...) {
		b = append(b, ',')
		b = appendField(b, c)
	}
	return append(b, '\n')
}

// matcherRow returns the CSV text of a row that ms matches, from the event column on: the
// event name, then for each column the first value ms asks for, or an empty cell.
func matcherRow(columns []string, ms journey.Matcher) []byte {
	b := appendField(nil, ms.Event)
	for _, c := range columns {
		b = append(b, ',')
		for _, w := range ms.Where {
			if w.Column == c && len(w.Values) > 0 {
				b = appendField(b, w.Values[0])
				break
			}
		}
	}
	return append(b, '\n')
}

// appendField appends s as one CSV field, quoted as RFC 4180 asks when it needs to be.
func appendField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}
