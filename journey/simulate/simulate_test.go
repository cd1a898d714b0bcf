package simulate

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey"
)

// testMap builds a small map in code: two stages, a branch, a touchpoint without matcher, a
// where condition with a comma, and a funnel exclusion.
func testMap() *journey.Map {
	emotion := func(e int) *int { return &e }
	tps := []*journey.Touchpoint{
		{ID: "ad", Events: []journey.Matcher{{Event: "ad_click", Where: []journey.Where{{Column: "source", Values: []string{"linkedin", "google"}}}}}, Emotion: emotion(1)},
		{ID: "visit", Events: []journey.Matcher{{Event: "page_view", Where: []journey.Where{{Column: "page", Values: []string{"/a,b"}}}}}, Duration: 5 * time.Minute},
		{ID: "offline", Next: []string{"call", "order"}},
		{ID: "call", Events: []journey.Matcher{{Event: "call"}}, Emotion: emotion(-2), Next: []string{"order"}},
		{ID: "order", Events: []journey.Matcher{{Event: "order_placed"}}, Emotion: emotion(2), Goal: true, Next: []string{}},
	}
	m := &journey.Map{ID: "test", Identity: "klant", Stages: []*journey.Stage{
		{ID: "first", Touchpoints: tps[:3]},
		{ID: "second", Touchpoints: tps[3:]},
	}, Funnels: []*journey.Funnel{{ID: "f", Exclude: []journey.Exclusion{{Matcher: journey.Matcher{Event: "unsubscribe"}}}}}}
	for i, t := range tps {
		t.Index = i
		t.Stage = m.Stages[min(i/3, 1)]
	}
	return m
}

func simulate(t testing.TB, m *journey.Map, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	stats, err := Write(&b, m, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := int64(bytes.Count(b.Bytes(), []byte("\n")) - 1); got != stats.Rows {
		t.Fatalf("Stats.Rows = %d, but %d rows were written", stats.Rows, got)
	}
	return b.Bytes()
}

// TestGolden pins the output for one seed in both orders; JOURNEY_UPDATE=1 rewrites the
// goldens. small.csv is the user-ordered output from before time order was the default.
func TestGolden(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "small.csv"), simulate(t, testMap(), Options{Users: 12, Seed: 7, Order: ByUser}))
	golden.Check(t, filepath.Join("testdata", "small-by-time.csv"), simulate(t, testMap(), Options{Users: 12, Seed: 7}))
}

// TestOrders checks that the time-ordered file is the user-ordered one sorted stably by its
// timestamp column, as sort -s -t, -k2,2 would, for maps with and without where columns,
// and with a start that is not a whole second.
func TestOrders(t *testing.T) {
	start := DefaultStart.Add(700 * time.Millisecond)
	for _, opts := range []Options{{Users: 1, Seed: 1}, {Users: 300, Seed: 2}, {Users: 2000, Seed: 5, Start: start}} {
		byUser := opts
		byUser.Order = ByUser
		users := strings.Split(string(simulate(t, testMap(), byUser)), "\n")
		times := strings.Split(string(simulate(t, testMap(), opts)), "\n")
		want := slices.Clone(users[1 : len(users)-1]) // the header, and nothing after the last line feed
		slices.SortStableFunc(want, func(a, b string) int { return strings.Compare(timestamp(a), timestamp(b)) })
		if users[0] != times[0] || !slices.Equal(times[1:len(times)-1], want) {
			t.Errorf("%+v: the time-ordered file is not the user-ordered one sorted by time", opts)
		}
	}
}

// timestamp returns the second field of a simulated row, whose first field is never quoted.
func timestamp(row string) string {
	f := strings.SplitN(row, ",", 3)
	if len(f) < 2 {
		return ""
	}
	return f[1]
}

func TestDeterministic(t *testing.T) {
	a := simulate(t, testMap(), Options{Users: 200, Seed: 3})
	b := simulate(t, testMap(), Options{Users: 200, Seed: 3})
	c := simulate(t, testMap(), Options{Users: 200, Seed: 4})
	if !bytes.Equal(a, b) {
		t.Error("the same seed gave different files")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave the same file")
	}
}

// row is one parsed data row.
type row struct {
	user   string
	time   time.Time
	fields map[string]string
}

func parse(t *testing.T, data []byte) []row {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		ts, err := time.Parse(time.RFC3339, rec[1])
		if err != nil {
			t.Fatal(err)
		}
		f := map[string]string{}
		for i, h := range head {
			f[h] = rec[i]
		}
		rows = append(rows, row{user: rec[0], time: ts, fields: f})
	}
}

func TestHeader(t *testing.T) {
	got := strings.SplitN(string(simulate(t, testMap(), Options{Users: 1})), "\n", 2)[0]
	if want := "klant,timestamp,event,page,source"; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
}

// TestRows checks what every row must be: times never go back for a user, every user is
// one of those asked for, every event is a matcher's or noise, with the matcher's values.
func TestRows(t *testing.T) {
	rows := parse(t, simulate(t, testMap(), Options{Users: 500, Seed: 1}))
	last := map[string]time.Time{}
	events := map[string]int{}
	for _, r := range rows {
		if r.time.Before(last[r.user]) {
			t.Fatalf("user %s goes back in time at %v", r.user, r.time)
		}
		if r.time.Before(DefaultStart) {
			t.Fatalf("row at %v, before the start %v", r.time, DefaultStart)
		}
		last[r.user] = r.time
		events[r.fields["event"]]++
		if r.fields["event"] == "page_view" && r.fields["page"] != "/a,b" {
			t.Fatalf("page_view with page %q, want the matcher's %q", r.fields["page"], "/a,b")
		}
		if r.fields["event"] == "ad_click" && r.fields["source"] != "linkedin" {
			t.Fatalf("ad_click with source %q, want the first value %q", r.fields["source"], "linkedin")
		}
	}
	if len(last) != 500 {
		t.Errorf("%d users wrote rows, want 500 (every user starts at an entry)", len(last))
	}
	for _, e := range []string{"ad_click", "page_view", "call", "order_placed", "session_start", "unsubscribe"} {
		if events[e] == 0 {
			t.Errorf("no %q rows in %d rows: %v", e, len(rows), events)
		}
	}
}

// TestEmotionDrivesDropOff checks that a very negative touchpoint loses more users than a
// very positive one: a seeded run, so the outcome is fixed.
func TestEmotionDrivesDropOff(t *testing.T) {
	m := testMap()
	p := newPlan(m)
	if call, order := p.steps[3], p.steps[4]; call.drop <= order.drop || call.repeat <= order.repeat {
		t.Errorf("emotion -2: drop %v repeat %v; emotion 2: drop %v repeat %v", call.drop, call.repeat, order.drop, order.repeat)
	}
	rows := parse(t, simulate(t, m, Options{Users: 2000, Seed: 9}))
	perUser := map[string]map[string]int{}
	for _, r := range rows {
		if perUser[r.user] == nil {
			perUser[r.user] = map[string]int{}
		}
		perUser[r.user][r.fields["event"]]++
	}
	repeats := 0
	for _, ev := range perUser {
		if ev["call"] > 1 {
			repeats++
		}
	}
	if repeats == 0 {
		t.Error("no user called twice; the negative touchpoint should see repeats")
	}
}

func TestEntries(t *testing.T) {
	if got := entries([]bool{true, false, true, false}); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("entries = %v, want [1 3]", got)
	}
	if got := entries([]bool{true, true}); !slices.Equal(got, []int{0}) {
		t.Errorf("entries of a cycle = %v, want [0]", got)
	}
}

func TestAppendField(t *testing.T) {
	for in, want := range map[string]string{"plain": "plain", "a,b": `"a,b"`, `say "hi"`: `"say ""hi"""`, "two\nlines": "\"two\nlines\""} {
		if got := string(appendField(nil, in)); got != want {
			t.Errorf("appendField(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestNegativeUsers(t *testing.T) {
	if _, err := Write(io.Discard, testMap(), Options{Users: -1}); err == nil {
		t.Error("Write with -1 users did not fail")
	}
}

// BenchmarkSimulate measures rows written per second into a discarding writer.
func BenchmarkSimulate(b *testing.B) {
	m := testMap()
	b.ReportAllocs()
	var rows int64
	for b.Loop() {
		stats, err := Write(io.Discard, m, Options{Users: 100_000, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		rows += stats.Rows
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// TestWalkHeap pushes entries in a random order, moves some on, and checks that they come
// out by time, then user.
func TestWalkHeap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var h walkHeap
	var want []heapEntry
	for i := range 5000 {
		e := heapEntry{at: time.Duration(r.IntN(300)) * time.Second, user: int32(i), slot: int32(i)}
		h.push(e)
		want = append(want, e)
	}
	var got []heapEntry
	for len(h) > 0 {
		if h[0].user%3 == 0 && h[0].at < 1000*time.Second {
			h[0].at += 1000 * time.Second // a walk whose next row is later
			want[h[0].slot].at += 1000 * time.Second
			h.fix()
			continue
		}
		got = append(got, h[0])
		h.pop()
	}
	slices.SortFunc(want, func(a, b heapEntry) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.user, b.user))
	})
	if !slices.Equal(got, want) {
		t.Error("the heap did not give its entries in order")
	}
}
