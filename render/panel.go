package render

import (
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// panel is the side panel: the legend and, with a report, the data summary and funnels; in
// a picture of a change (ch), first the legend of what changed.
func panel(m *journey.Map, ov *overlay, l *lang.Language, ch *changes) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="%s" BGCOLOR="%s" STYLE="rounded">`, stageLine, paper)
	if ch != nil {
		section(&b, ch.legend)
	}
	if ov.r != nil {
		section(&b, func(b *strings.Builder) { summary(b, m, ov) })
	}
	section(&b, func(b *strings.Builder) { legend(b, ov, l) })
	b.WriteString(`</TABLE>`)
	return b.String()
}

// section is one row of the panel holding a table of its own, so that the columns of one
// section (the funnels' numbers) do not stretch those of another (the legend's swatches).
func section(b *strings.Builder, rows func(*strings.Builder)) {
	b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	rows(b)
	b.WriteString(`</TABLE></TD></TR>`)
}

// panelTitle is a section title of the side panel.
func panelTitle(b *strings.Builder, title string) {
	fmt.Fprintf(b, `<TR><TD COLSPAN="4" ALIGN="LEFT"><FONT POINT-SIZE="12"><B>%s</B></FONT></TD></TR>`, title)
}

// panelRow is a text row of the side panel.
func panelRow(b *strings.Builder, text string) {
	fmt.Fprintf(b, `<TR><TD COLSPAN="4" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`, text)
}

// legend explains every mark of the picture: a table of swatches, each as wide as the
// notes under them leave room for, so that they read as one scale, then the notes.
func legend(b *strings.Builder, ov *overlay, l *lang.Language) {
	panelTitle(b, l.Legend)
	b.WriteString(`<TR><TD COLSPAN="4" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	for e := 2; e >= -2; e-- {
		lv := emotionLevel(e)
		swatch(b, emotionColours[lv], fmt.Sprintf(`<FONT COLOR="%s">%s <B>%s</B></FONT>`, emotionText(lv), emotionFaces[lv], score(e)),
			"emotion "+emotionWords[lv])
	}
	swatch(b, painFill, "<B>−</B>", "pain")
	swatch(b, gainFill, "<B>+</B>", "gain")
	b.WriteString(`</TABLE></TD></TR>`)
	panelRow(b, "thick border, ★ MOMENT OF TRUTH: makes or breaks the journey")
	panelRow(b, "⚑ GOAL: reaching it converts the journey")
	if ov.r == nil {
		panelRow(b, "→ designed flow (next)")
		return
	}
	panelRow(b, "→ designed flow; width and label: users who took it<BR/>(share of the touchpoint's users); dotted: nobody")
	if ov.offMapN > 0 {
		panelRow(b, fmt.Sprintf(`<FONT COLOR="%s">- - → off-map flow the map does not design:<BR/>the largest %d of %d drawn, to keep the map readable;<BR/>repeats and the rest: journey analyze</FONT>`,
			offMap, len(ov.offMap), ov.offMapN))
	}
}

// swatch is a legend row: a mark on its colour, and what it means. The colour fills its
// column (a fixed-size cell would float in the middle of it).
func swatch(b *strings.Builder, colour, mark, meaning string) {
	fmt.Fprintf(b, `<TR><TD WIDTH="46" HEIGHT="20" BGCOLOR="%s" STYLE="rounded">%s</TD>`+
		`<TD ALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`, colour, mark, meaning)
}

// summary is the data section of the side panel: input, goal rate and funnels.
func summary(b *strings.Builder, m *journey.Map, ov *overlay) {
	r := ov.r
	panelTitle(b, "Data")
	panelRow(b, fmt.Sprintf("%s users · %s rows, %s mapped", count(r.Input.Users), count(r.Input.Rows), count(r.Input.Mapped)))
	if r.Goal.Rate != nil {
		panelRow(b, fmt.Sprintf("<B>goal reached: %s users (%s)</B>", count(r.Goal.Users), percent(*r.Goal.Rate)))
	}
	for _, f := range r.Funnels {
		funnel(b, m, f)
	}
}

// funnel is one funnel's table: each step's users and conversion.
func funnel(b *strings.Builder, m *journey.Map, f analysis.Funnel) {
	panelTitle(b, fmt.Sprintf("Funnel %s <FONT POINT-SIZE=\"9\" COLOR=%q>(%s)</FONT>", esc(f.ID), muted, esc(f.Order)))
	fmt.Fprintf(b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="%s">step</FONT></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="9" COLOR="%s">users</FONT></TD>`+
		`<TD ALIGN="RIGHT"><FONT POINT-SIZE="9" COLOR="%s">of start</FONT></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="9" COLOR="%s">of previous</FONT></TD></TR>`, muted, muted, muted, muted)
	for _, s := range f.Steps {
		fmt.Fprintf(b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="10">%s</FONT></TD>`+
			`<TD ALIGN="RIGHT"><FONT POINT-SIZE="10">%s</FONT></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`,
			lines(stepName(m, s.ID), nameWidth), count(s.Users), ratio(s.ConversionFromStart), ratio(s.ConversionFromPrevious))
	}
}

// stepName is the name of the touchpoint or stage a funnel step names.
func stepName(m *journey.Map, id string) string {
	if t := m.Touchpoint(id); t != nil {
		return t.Name
	}
	if s := m.Stage(id); s != nil {
		return s.Name
	}
	return id
}

// ratio formats an optional ratio as a percentage, "–" when it does not exist.
func ratio(r *float64) string {
	if r == nil {
		return "–"
	}
	return percent(*r)
}
