package events

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// logView is everything a log tells, in its users' order, for comparing logs.
type logView struct {
	Users         []user
	Values        []string
	Segments      []string
	Counts        Counts
	Unmapped      map[string]int64
	Skipped       []Problem
	Warnings      []Problem
	BadValues     int64
	ValueProblems []Problem
}

// view returns what l tells, its users in the log's numbering.
func view(l *Log) logView {
	v := logView{Segments: l.Segments(), Counts: l.Counts, Unmapped: l.Unmapped, Skipped: l.Skipped, Warnings: l.Warnings,
		BadValues: l.BadValues, ValueProblems: l.ValueProblems}
	for i := range l.NumUsers() {
		v.Users = append(v.Users, user{ID: l.UserID(i), Segment: l.Segment(i), Events: l.AppendEvents(nil, i), Counts: l.UserCounts(i)})
		x, ok := l.Value(i)
		v.Values = append(v.Values, fmt.Sprint(x, ok))
	}
	return v
}

// readWith reads text with workers workers and as many shards, keeping the identities.
func readWith(text string, opts Options, workers int) (*Log, error) {
	opts.keepIDs = true
	return readLean(text, opts, workers)
}

// readLean reads text with workers workers and as many shards, as opts say.
func readLean(text string, opts Options, workers int) (*Log, error) {
	return read(context.Background(), []Source{ReaderSource("f", strings.NewReader(text))}, opts, workers)
}

// withoutIDs returns v with the identities of its users blanked, as a log that does not
// keep them tells.
func withoutIDs(v logView) logView {
	v.Users = slices.Clone(v.Users)
	for i := range v.Users {
		v.Users[i].ID = ""
	}
	return v
}

// byUser returns the rows of a CSV text without quoted newlines grouped by their first
// field, in the order the text first names each, the header first.
func byUser(text string) string {
	rows := strings.SplitAfter(text, "\n")
	var order []string
	groups := map[string][]string{}
	for _, r := range rows[1:] {
		id, _, _ := strings.Cut(r, ",")
		if _, ok := groups[id]; !ok {
			order = append(order, id)
		}
		groups[id] = append(groups[id], r)
	}
	var b strings.Builder
	b.WriteString(rows[0])
	for _, id := range order {
		b.WriteString(strings.Join(groups[id], ""))
	}
	return b.String()
}

// TestShardsAgree reads the same files with one worker and shard and with several: users
// are numbered in the order the input names them, whatever shard holds them, so the logs
// are the same, in rows interleaved as in a file sorted by time, grouped by user, and with
// identities longer than 8 bytes. Read as the commands read, without keeping the
// identities, the logs are the same but for them.
func TestShardsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	b.WriteString("user_id,timestamp,event,note\n")
	for i := range 60000 {
		id := "u" + strings.Repeat("x", r.IntN(3)*6) + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26)))
		note := []string{"", "n1", "12.5", "longer note", "7"}[r.IntN(5)]
		b.WriteString(id + "," + []string{"2020-01-01T00:00:00Z", "2020-01-02T10:00:00Z", "2020-01-01T05:00:00.5Z"}[r.IntN(3)] +
			"," + []string{"a", "b", "c", "x"}[r.IntN(4)] + "," + note + "\n")
		if i%1000 == 999 {
			b.WriteString("bad row\n")
		}
	}
	interleaved := b.String()
	opts := Options{By: "note", KeepUnmapped: true, Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b"}}},
		Exclusions: []journey.Matcher{{Event: "c"}}, Value: "note", ValueAt: []bool{false, true}}
	lean := opts
	lean.By = ""
	for name, text := range map[string]string{"interleaved": interleaved, "grouped": byUser(interleaved),
		"quoted": randomCSV(rand.New(rand.NewPCG(5, 6)), 50000)} {
		for by, opts := range map[string]Options{"with --by": opts, "without --by": lean} {
			one, err := readWith(text, opts, 1)
			if err != nil {
				t.Fatal(err)
			}
			checkCounts(t, one)
			for _, workers := range []int{2, 3, 7} {
				l, err := readWith(text, opts, workers)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(view(one), view(l)); diff != "" {
					t.Errorf("%s %s, %d workers: the log differs from one worker's (-one +several):\n%s", name, by, workers, diff)
				}
				lean, err := readLean(text, opts, workers)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(withoutIDs(view(one)), view(lean)); diff != "" {
					t.Errorf("%s %s, %d workers, without identities: the log differs (-kept +not):\n%s", name, by, workers, diff)
				}
			}
		}
	}
}

// FuzzShards reads any bytes with one worker and shard and with three: the logs must be the
// same, or the errors.
func FuzzShards(f *testing.F) {
	f.Add([]byte(header + "u1,2020-01-01,a\nu2,1600000000,b\nu1,2020-01-02,b\nlonger-identity-1,2020-01-01,a\n"))
	f.Add([]byte(header + "u1,2020-01-01,a\nu1,2020-01-01,a\nu2,x,a\n\"u3\",2020-01-01,b\n"))
	opts := Options{By: "event", KeepUnmapped: true, Touchpoints: [][]journey.Matcher{{{Event: "a"}}, {{Event: "b"}}},
		Exclusions: []journey.Matcher{{Event: "b"}}, Value: "event", ValueAt: []bool{true, false}}
	f.Fuzz(func(t *testing.T, data []byte) {
		one, err1 := readWith(string(data), opts, 1)
		three, err3 := readWith(string(data), opts, 3)
		var e1, e3 *Error
		switch {
		case err1 != nil || err3 != nil:
			if !errors.As(err1, &e1) || !errors.As(err3, &e3) || *e1 != *e3 {
				t.Fatalf("errors differ: %v with one worker, %v with three", err1, err3)
			}
		default:
			if diff := cmp.Diff(view(one), view(three)); diff != "" {
				t.Fatalf("the logs differ (-one +three):\n%s", diff)
			}
		}
	})
}

// TestByUser checks the helper that groups rows.
func TestByUser(t *testing.T) {
	got := byUser("h\nb,1\na,2\nb,3\n")
	if want := "h\nb,1\nb,3\na,2\n"; got != want {
		t.Errorf("byUser = %q, want %q", got, want)
	}
}

// TestSharedHeads reads 300,000 identities of 14 bytes that share their first 8: some pairs
// then share their hash's tag too (about 20 at one shard), and must still be two users.
func TestSharedHeads(t *testing.T) {
	const n = 300_000
	var b strings.Builder
	b.WriteString(header)
	for i := range n {
		fmt.Fprintf(&b, "customer%06d,2020-01-01,a\n", i)
	}
	opts := Options{Touchpoints: [][]journey.Matcher{{{Event: "a"}}}}
	for _, workers := range []int{1, 3} {
		l, err := readWith(b.String(), opts, workers)
		if err != nil {
			t.Fatal(err)
		}
		if l.NumUsers() != n {
			t.Fatalf("%d workers: %d users, want %d", workers, l.NumUsers(), n)
		}
		for i := range n {
			if got, want := l.UserID(i), fmt.Sprintf("customer%06d", i); got != want {
				t.Fatalf("%d workers: user %d is %q, want %q", workers, i, got, want)
			}
		}
	}
}
