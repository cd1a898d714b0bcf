package analysis

import (
	"encoding/json"
	"testing"
)

// TestRowProblem: a problem of event files keeps its file and line; one of a database table
// has the table, the row's identity and time in their place, and a notice about the whole
// table the table alone.
func TestRowProblem(t *testing.T) {
	id, tm := "u1", "abc"
	for _, tc := range []struct {
		p           RowProblem
		json, where string
	}{
		{RowProblem{File: "e.csv", Line: 3, Message: "m"}, `{"file":"e.csv","line":3,"message":"m"}`, "e.csv:3"},
		{RowProblem{File: "e.csv", Message: "m"}, `{"file":"e.csv","line":0,"message":"m"}`, "e.csv"},
		{RowProblem{Table: "ev", Identity: &id, Time: &tm, Message: "m"}, `{"table":"ev","identity":"u1","time":"abc","message":"m"}`, `ev: user "u1", time "abc"`},
		{RowProblem{Table: "ev", Message: "m"}, `{"table":"ev","message":"m"}`, "ev"},
	} {
		b, err := json.Marshal(tc.p)
		if err != nil || string(b) != tc.json {
			t.Errorf("%+v: JSON %s, %v; want %s", tc.p, b, err, tc.json)
		}
		var back RowProblem
		if err := json.Unmarshal(b, &back); err != nil || back.Where() != tc.where {
			t.Errorf("%s read back is at %q, %v; want %q", b, back.Where(), err, tc.where)
		}
	}
}
