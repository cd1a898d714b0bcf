package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/journey-cx/journey/internal/golden"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// analysisDir holds the reports the printers are tested on and their goldens.
const analysisDir = "../../testdata/analysis"

// analysisExt is the golden file extension of each format.
var analysisExt = map[string]string{"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}

// TestAnalysisPrinters prints every report fixture (*.report.json) in every format and
// language and compares with the goldens (NAME.out.EXT in English, NAME.out.TAG.EXT in
// another language); JOURNEY_UPDATE=1 rewrites them. The machine formats must not change
// with the language, byte for byte.
func TestAnalysisPrinters(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join(analysisDir, "*.report.json"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no report fixtures in %s (%v)", analysisDir, err)
	}
	for _, fixture := range fixtures {
		r := readReport(t, fixture)
		base := strings.TrimSuffix(fixture, ".report.json")
		for _, name := range Analysis.Names() {
			t.Run(filepath.Base(base)+"/"+name, func(t *testing.T) {
				english := printAnalysis(t, name, r, nil)
				golden.Check(t, base+".out."+analysisExt[name], english)
				for _, tag := range lang.Tags() {
					if tag == lang.Default {
						continue
					}
					got := printAnalysis(t, name, r, mustLang(t, tag))
					if machineFormats[name] {
						if !bytes.Equal(got, english) {
							t.Errorf("--format %s changed with the language %s", name, tag)
						}
						continue
					}
					golden.Check(t, base+".out."+tag+"."+analysisExt[name], got)
				}
			})
		}
	}
}

// machineFormats are the formats whose bytes never depend on the language.
var machineFormats = map[string]bool{"json": true, "csv": true}

// printAnalysis prints r in format name and language l (nil: English).
func printAnalysis(t *testing.T, name string, r *analysis.Report, l *lang.Language) []byte {
	t.Helper()
	printer, err := Analysis.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := printer(&buf, r, Options{Lang: l}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readReport(t *testing.T, path string) *analysis.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := &analysis.Report{}
	if err := json.Unmarshal(b, r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

func TestJSONRoundTrip(t *testing.T) {
	path := filepath.Join(analysisDir, "edge.report.json")
	r := readReport(t, path)
	var a, b bytes.Buffer
	if err := printAnalysisJSON(&a, r, Options{}); err != nil {
		t.Fatal(err)
	}
	var again analysis.Report
	if err := json.Unmarshal(a.Bytes(), &again); err != nil {
		t.Fatal(err)
	}
	if err := printAnalysisJSON(&b, &again, Options{}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("json does not round-trip:\n%s\n---\n%s", a.String(), b.String())
	}
}

func TestCellText(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2", "@x": "'@x", "plain": "plain", "": "", "a=b": "a=b",
	} {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "red\x1b[31m": `red\x1b[31m`, "bell\a": `bell\a`, "c1\u0085": `c1\u0085`, "Oriëntatie": "Oriëntatie",
	} {
		if got := termEscape(in); got != want {
			t.Errorf("termEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMDCode(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "`plain`", "-cmd|calc": "`-cmd|calc`", `a\b`: "`a\\b`", "a`b": "``a`b``",
		"`x``": "``` `x`` ```", " pad ": "`  pad  `", "bell\a": "`bell\\a`", "": "`  `",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDurationAndWindow(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	en, nl := human{lang.English()}, human{mustLang(t, "nl")}
	users := analysis.KPIResult{Metric: analysis.MetricUsers, Min: f(1500), Max: f(2000)}
	for _, tt := range []struct {
		got, want string
	}{
		{en.duration(nil), "-"}, {en.duration(f(0)), "0.0s"}, {en.duration(f(90)), "1.5m"}, {en.duration(f(5400)), "1.5h"},
		{en.duration(f(129600)), "1.5d"}, {window(1209600), "14d"}, {window(86400), "1d"}, {window(5400), "90m"}, {window(61), "61s"},
		{en.percent(f(0.1234)), "12.3%"}, {en.percent(nil), "-"},
		{nl.duration(f(129600)), "1,5 d"}, {nl.percent(f(0.1234)), "12,3%"}, {nl.count(1640), "1.640"}, {en.count(1640), "1,640"},
		{en.kpiTarget(users), ">= 1,500 and <= 2,000"}, {nl.kpiTarget(users), ">= 1.500 en <= 2.000"},
		{KPIValue(analysis.MetricUsers, f(2.5)), "2.5"}, {KPITarget(users), ">= 1,500 and <= 2,000"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func mustLang(t *testing.T, tag string) *lang.Language {
	t.Helper()
	l, err := lang.Get(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestNoGoalSaidSo checks that the formats for people say a map without a goal has none,
// in every language, where they would give its goal rate, and that the machine formats keep
// the rate.
func TestNoGoalSaidSo(t *testing.T) {
	r := readReport(t, filepath.Join(analysisDir, "florist.report.json"))
	r.NoGoal = true
	if len(r.Segments) == 0 {
		t.Fatal("the report has no segments")
	}
	for _, tag := range lang.Tags() {
		l := mustLang(t, tag)
		for _, name := range []string{"table", "markdown"} {
			got := string(printAnalysis(t, name, r, l))
			rate, _, _ := strings.Cut(l.Count(l.GoalReachedF, r.Goal.Users, ""), " (")
			if !strings.Contains(got, l.NoGoal) || strings.Contains(got, rate) {
				t.Errorf("%s, %s: want %q and no goal rate in\n%s", tag, name, l.NoGoal, got)
			}
			if strings.Contains(got, l.ColGoalRate) {
				t.Errorf("%s, %s: the segments have a goal rate column:\n%s", tag, name, got)
			}
		}
		if got := InputSummary(l, r); !strings.HasSuffix(got, "; "+l.NoGoal) {
			t.Errorf("%s: InputSummary = %q", tag, got)
		}
	}
	if got := string(printAnalysis(t, "json", r, nil)); !strings.Contains(got, `"goal": {`) && !strings.Contains(got, `"goal":{`) {
		t.Errorf("json lost the goal: %s", got[:200])
	}
}

// TestOffMapTitleSaysSome: when the formats for people list only the most frequent
// off-map transitions, the title says how many of how many, and the command's outputs
// where to find them all; a page's title names no flag.
func TestOffMapTitleSaysSome(t *testing.T) {
	var ts []analysis.Transition
	for i := range 12 {
		ts = append(ts, analysis.Transition{From: "a", To: "b" + strconv.Itoa(i), Count: int64(20 - i), Users: 1})
	}
	ts = append(ts, analysis.Transition{From: "a", To: "z", Count: 1, Users: 1, OnMap: true})
	for tag, want := range map[string]string{"en": "Off-map transitions: the 10 most frequent of 12 (--format json or csv lists them all)",
		"nl": "Stappen buiten de kaart: de 10 meest voorkomende van 12 (--format json of csv toont ze allemaal)"} {
		l := mustLang(t, tag)
		if got, page := OffMapTitle(l, ts), strings.TrimSuffix(want, l.OffMapAllHint); got != page || got == want {
			t.Errorf("%s: %q, want %q", tag, got, page)
		}
		if got := OffMapTitle(l, ts[8:]); got != l.SectionOffMap {
			t.Errorf("%s, 4 off-map: %q, want %q", tag, got, l.SectionOffMap)
		}
		r := &analysis.Report{Journey: "j"}
		r.Transitions = ts
		if got := string(printAnalysis(t, "table", r, l)); !strings.Contains(got, want) {
			t.Errorf("%s: the table lacks the title %q:\n%s", tag, want, got)
		}
	}
}
