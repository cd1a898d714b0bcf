package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/internal/chromium"
)

// TestServeInChromium opens the live view in a real browser and edits the map under it:
// the page must change by itself, without a reload, show a broken save's diagnostics over
// the last picture, and recover.
func TestServeInChromium(t *testing.T) {
	b := chromium.Start(t)
	mapPath, eventsPath := writeServeFiles(t)
	s := startServe(t, mapPath, eventsPath)
	if err := b.Navigate(s.url); err != nil {
		t.Fatal(err)
	}
	wait := func(what, cond string) {
		t.Helper()
		if err := b.WaitFor(cond, 15*time.Second); err != nil {
			t.Fatalf("%s: %v\nserve said:\n%s", what, err, s.stderr.String())
		}
	}
	wait("the picture", `document.querySelector(".frame > svg").getBoundingClientRect().width > 100`)
	waitFor(t, "the page opening its event stream", func() bool {
		return slices.ContainsFunc(b.Requests(), func(u string) bool { return strings.HasPrefix(u, s.url+"events?v=") })
	})
	if err := b.Eval(`window.journeyTestMark = "not reloaded"`, nil); err != nil {
		t.Fatal(err)
	}

	saved := time.Now()
	writeFile(t, mapPath, strings.Replace(serveMap, "name: Visit", "name: Visit the fair", 1))
	wait("the renamed touchpoint", `document.querySelector("#content").textContent.includes("Visit the fair")`)
	t.Logf("the page showed the save %s after it", time.Since(saved).Round(time.Millisecond))

	writeFile(t, mapPath, strings.Replace(serveMap, "version: 1", "version: 1\ntitel: typo", 1))
	wait("the diagnostics", `(document.querySelector(".problems") || {textContent: ""}).textContent.includes("[unknown-key]")`)
	wait("the last picture under them", `document.querySelector(".frame > svg").textContent.includes("Visit the fair")`)

	writeFile(t, mapPath, serveMap)
	wait("the fixed map", `!document.querySelector(".problems") && !document.querySelector("#content").textContent.includes("Visit the fair")`)

	var mark string
	if err := b.Eval(`window.journeyTestMark`, &mark); err != nil || mark != "not reloaded" {
		t.Errorf("the page was reloaded instead of updated in place (%q, %v)", mark, err)
	}
	for _, p := range b.Problems() {
		if !strings.Contains(p, "favicon.ico") {
			t.Errorf("the browser complained: %s", p)
		}
	}
}

// TestReportInChromium opens the report of the florist example from a file, with
// JavaScript off: it must show its picture, tables and charts within the window's width,
// fetch nothing but itself, and print the wide picture as slices that show it.
func TestReportInChromium(t *testing.T) {
	b := chromium.Start(t)
	out := filepath.Join(t.TempDir(), "florist.html")
	runOK(t, "report", "../../examples/florist/florist.journey.yaml", "--events", "../../examples/florist/events.csv", "-o", out)
	if err := b.DisableScripts(); err != nil {
		t.Fatal(err)
	}
	url := "file://" + out
	if err := b.Navigate(url); err != nil {
		t.Fatal(err)
	}
	for what, cond := range map[string]string{
		"the picture":        `document.querySelector(".frame > svg").getBoundingClientRect().height > 200`,
		"the picture's text": `document.querySelector(".frame > svg").textContent.includes("Vakbeurs")`,
		"the touchpoints":    `document.querySelectorAll("section.table tbody tr").length >= 15`,
		"the funnel charts":  `document.querySelectorAll("svg.chart rect.reached").length >= 5`,
		"the persona":        `document.querySelector(".persona h2").textContent.includes("Zelfstandige bloemist")`,
		"its language":       `document.documentElement.lang !== ""`,
		// wide tables scroll in their own box, so the page does not scroll sideways
		"the window's width": `document.documentElement.scrollWidth <= document.documentElement.clientWidth`,
	} {
		if err := b.WaitFor(cond, 5*time.Second); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	if err := b.WaitFor(`document.querySelectorAll(".frame title").length === 0`, time.Second); err != nil {
		t.Errorf("the picture should show none of Graphviz's ids as tooltips: %v", err)
	}
	if images, err := b.AccessibleNames("image"); err != nil || len(images) == 0 || images[0] != "Klantreis: Ik wil klant worden" {
		t.Errorf("the picture should be an image named after the map; the page's images are %q (%v)", images, err)
	}
	if err := b.EmulateMedia("print"); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitFor(`[...document.querySelectorAll("svg.slice use")].every(u => u.getBBox().width > 1000) &&
		document.querySelectorAll("svg.slice").length > 1 && getComputedStyle(document.querySelector("svg.slice")).display === "block"`, 5*time.Second); err != nil {
		t.Errorf("printed, the picture should be cut into slices that show it: %v", err)
	}
	if got := b.Requests(); len(got) != 1 || got[0] != url {
		t.Errorf("the report fetched %q; want only itself", got)
	}
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("the browser complained: %q", p)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
}
