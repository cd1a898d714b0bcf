package events

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// segments returns every user's segment by identity.
func segments(l *Log) map[string]string {
	out := map[string]string{}
	for i := range l.NumUsers() {
		out[l.UserID(i)] = l.Segment(i)
	}
	return out
}

// TestByColumnOfSomeFiles: files are one stream, so the By column need not be in every
// file: the users of a file without it have no segment from its rows, in every format.
func TestByColumnOfSomeFiles(t *testing.T) {
	opts := Options{By: "src", Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	old := file{"jan.csv", "user_id,timestamp,event\nu1,2024-01-01T00:00:00Z,a\nu2,2024-01-01T00:00:00Z,a\n"}
	for name, files := range map[string][]file{
		"csv":           {old, {"feb.csv", "event,user_id,timestamp,src\na,u2,2024-02-01T00:00:00Z,x\na,u3,2024-02-01T00:00:00Z,y\n"}},
		"json lines":    {old, {"feb.jsonl", `{"user_id":"u2","timestamp":"2024-02-01T00:00:00Z","event":"a","src":"x"}` + "\n" + `{"user_id":"u3","timestamp":"2024-02-01T00:00:00Z","event":"a","src":"y"}` + "\n"}},
		"lines without": {{"jan.jsonl", `{"user_id":"u1","timestamp":"2024-01-01T00:00:00Z","event":"a"}` + "\n" + `{"user_id":"u2","timestamp":"2024-01-01T00:00:00Z","event":"a"}` + "\n"}, {"feb.csv", "event,user_id,timestamp,src\na,u2,2024-02-01T00:00:00Z,x\na,u3,2024-02-01T00:00:00Z,y\n"}},
	} {
		l, err := readFiles(t, opts, files...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(map[string]string{"u1": "", "u2": "x", "u3": "y"}, segments(l)); diff != "" {
			t.Errorf("%s: segments (-want +got):\n%s", name, diff)
		}
	}
}

// TestNoByColumn: a By column that no file has stops the read, listing the columns the
// files have (all of a JSON Lines file's keys, not only those read) and suggesting the
// closest; so does a value column. The files are read from disk: a JSON Lines file read
// from standard input cannot be checked for the value column before it is mapped.
func TestNoByColumn(t *testing.T) {
	files := []file{{"a.csv", "user_id,timestamp,event,source\n"}, {"b.jsonl", `{"user_id":"u","timestamp":"2024-01-01","event":"a","order":{"amount":3}}` + "\n"}}
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{By: "sourc"}, `a.csv, b.jsonl: no event file has the --by column "sourc" (did you mean "source"?); the columns found: "user_id", "timestamp", "event", "source", "order.amount"`},
		{Options{Value: "order.amont"}, `a.csv, b.jsonl: no event file has the value column "order.amont" (did you mean "order.amount"?); the columns found: "user_id", "timestamp", "event", "source", "order.amount"`},
	} {
		srcs := diskSources(t, files)
		for i := range srcs {
			srcs[i].reopenable = true // as FileSource's are
		}
		_, err := readIDs(context.Background(), srcs, c.opts)
		var e *Error
		if !errors.As(err, &e) || e.Error() != c.want {
			t.Errorf("got  %v\nwant %s", err, c.want)
		}
	}
}
