package analysis

import (
	"encoding/json"
	"fmt"
)

// RowProblem points at one row (or, with Line 0, a whole file) and says what is wrong. A row
// of a database table (analyze --db) has no file and line: it is named by the table, its
// identity and its time (SPEC section 10), and a notice about the whole table by the table
// alone (Identity and Time nil).
type RowProblem struct {
	File     string  `json:"file"`
	Line     int64   `json:"line"`
	Table    string  `json:"table"`
	Identity *string `json:"identity"`
	Time     *string `json:"time"`
	Message  string  `json:"message"`
}

// fileProblem and tableProblem are the JSON of a RowProblem from event files and from a
// table: each has the keys that say where, and only those.
type fileProblem struct {
	File    string `json:"file"`
	Line    int64  `json:"line"`
	Message string `json:"message"`
}

type tableProblem struct {
	Table    string  `json:"table"`
	Identity *string `json:"identity,omitempty"`
	Time     *string `json:"time,omitempty"`
	Message  string  `json:"message"`
}

// MarshalJSON writes a problem of event files with its file and line, one of a table with
// the table, and the row's identity and time.
func (p RowProblem) MarshalJSON() ([]byte, error) {
	if p.Table == "" {
		return json.Marshal(fileProblem{File: p.File, Line: p.Line, Message: p.Message})
	}
	return json.Marshal(tableProblem{Table: p.Table, Identity: p.Identity, Time: p.Time, Message: p.Message})
}

// Where says where the problem is, for people: file:line (the file alone for a whole file),
// or the table with the row's identity and time.
func (p RowProblem) Where() string {
	switch {
	case p.Table != "" && p.Identity != nil && p.Time != nil:
		return fmt.Sprintf("%s: user %q, time %q", p.Table, *p.Identity, *p.Time)
	case p.Table != "":
		return p.Table
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}
