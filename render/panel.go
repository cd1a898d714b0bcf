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
func panel(m *journey.Map, ov *overlay, l *lang.Language, hidden string, ch *changes) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="%s" BGCOLOR="%s" STYLE="rounded">`, stageLine, paper)
	if ch != nil {
		section(&b, ch.legend)
	}
	if ov.r != nil {
		section(&b, func(b *strings.Builder) { summary(b, m, ov, l) })
	}
	section(&b, func(b *strings.Builder) { legend(b, marksOf(m, ch), ov, l, hidden) })
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

// marks says which of the marks the legend explains a picture uses.
type marks struct{ emotion, pain, gain, momentOfTruth, goal bool }

// marksOf returns the marks the touchpoints of m use; in a picture of a change (ch), the
// old emotions count too, as the old curve draws them.
func marksOf(m *journey.Map, ch *changes) marks {
	var k marks
	for _, t := range m.Touchpoints() {
		if ch.ghost(t) {
			continue // a removed touchpoint's card shows none of these marks
		}
		k.emotion = k.emotion || t.Emotion != nil
		k.pain = k.pain || len(t.Pains) > 0
		k.gain = k.gain || len(t.Gains) > 0
		k.momentOfTruth = k.momentOfTruth || t.MomentOfTruth
		k.goal = k.goal || t.Goal
	}
	if ch != nil {
		for _, e := range ch.old {
			k.emotion = k.emotion || e != nil
		}
	}
	return k
}

// legend explains the marks of the picture that it uses (k): a table of swatches, each as
// wide as the notes under them leave room for, so that they read as one scale, then the
// notes; hidden is the note on the links a dense map leaves out, or "".
func legend(b *strings.Builder, k marks, ov *overlay, l *lang.Language, hidden string) {
	panelTitle(b, esc(l.Legend))
	if k.emotion || k.pain || k.gain {
		swatches(b, k, l)
	}
	if k.momentOfTruth {
		panelRow(b, fmt.Sprintf(phrase(l.LegendMomentOfTruthF), markMomentOfTruth(l)))
	}
	if k.goal {
		panelRow(b, fmt.Sprintf(phrase(l.LegendGoalF), markGoal(l)))
	}
	flow := l.LegendFlow
	if ov.r != nil {
		flow = l.LegendFlowData
	}
	panelRow(b, markOn+" "+phrase(flow))
	if hidden != "" {
		panelRow(b, hidden)
	}
	if ov.r == nil {
		return
	}
	if ov.offMapN > 0 {
		panelRow(b, fmt.Sprintf(`<FONT COLOR="%s">- - %s %s</FONT>`, offMap, markOn,
			phrase(fmt.Sprintf(l.LegendOffMapF, l.Int(int64(len(ov.offMap))), l.Int(int64(ov.offMapN))))))
	}
}

// swatches is the legend's table of colours: the whole emotion scale when some touchpoint
// has an emotion, and pains and gains when some touchpoint has them.
func swatches(b *strings.Builder, k marks, l *lang.Language) {
	b.WriteString(`<TR><TD COLSPAN="4" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	for e := 2; k.emotion && e >= -2; e-- {
		lv := emotionLevel(e)
		swatch(b, emotionColours[lv], fmt.Sprintf(`<FONT COLOR="%s">%s <B>%s</B></FONT>`, emotionText(lv), emotionFaces[lv], score(e)),
			esc(fmt.Sprintf(l.EmotionF, l.EmotionLevels[lv])))
	}
	if k.pain {
		swatch(b, painFill, "<B>"+markPain+"</B>", esc(l.Pain))
	}
	if k.gain {
		swatch(b, gainFill, "<B>"+markGain+"</B>", esc(l.Gain))
	}
	b.WriteString(`</TABLE></TD></TR>`)
}

// swatch is a legend row: a mark on its colour, and what it means. The colour fills its
// column (a fixed-size cell would float in the middle of it).
func swatch(b *strings.Builder, colour, mark, meaning string) {
	fmt.Fprintf(b, `<TR><TD WIDTH="46" HEIGHT="20" BGCOLOR="%s" STYLE="rounded">%s</TD>`+
		`<TD ALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`, colour, mark, meaning)
}

// summary is the data section of the side panel: input, goal rate and funnels.
func summary(b *strings.Builder, m *journey.Map, ov *overlay, l *lang.Language) {
	r := ov.r
	panelTitle(b, esc(l.PanelData))
	panelRow(b, esc(fmt.Sprintf(l.PanelInputF, l.Count(l.UsersF, r.Input.Users), l.Count(l.RowsF, r.Input.Rows), l.Int(r.Input.Mapped))))
	if r.Goal.Rate != nil && !r.NoGoal {
		panelRow(b, "<B>"+esc(l.Count(l.PanelGoalF, r.Goal.Users, l.Percent(*r.Goal.Rate)))+"</B>")
	}
	for _, f := range r.Funnels {
		funnel(b, m, f, l)
	}
}

// funnel is one funnel's table: each step's users and conversion.
func funnel(b *strings.Builder, m *journey.Map, f analysis.Funnel, l *lang.Language) {
	panelTitle(b, fmt.Sprintf("%s <FONT POINT-SIZE=\"9\" COLOR=%q>(%s)</FONT>", esc(fmt.Sprintf(l.FunnelF, f.ID)), muted, esc(f.Order)))
	head := func(align, text string) string {
		return fmt.Sprintf(`<TD ALIGN="%s"><FONT POINT-SIZE="9" COLOR="%s">%s</FONT></TD>`, align, muted, esc(text))
	}
	b.WriteString("<TR>" + head("LEFT", l.Step) + head("RIGHT", l.Users) + head("RIGHT", l.OfStart) + head("RIGHT", l.OfPrevious) + "</TR>")
	for _, s := range f.Steps {
		fmt.Fprintf(b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="10">%s</FONT></TD>`+
			`<TD ALIGN="RIGHT"><FONT POINT-SIZE="10">%s</FONT></TD><TD ALIGN="RIGHT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`,
			lines(stepName(m, s.ID), nameWidth), l.Int(s.Users), ratio(s.ConversionFromStart, l), ratio(s.ConversionFromPrevious, l))
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

// ratio formats an optional ratio as a percentage, an en dash when it does not exist.
func ratio(r *float64, l *lang.Language) string {
	if r == nil {
		return markNone
	}
	return l.Percent(*r)
}
