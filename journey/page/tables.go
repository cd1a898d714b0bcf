package page

import (
	"strconv"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/output"
)

// touchpointTable lists every touchpoint by stage: what the map says of it and, with a
// report, its numbers.
func touchpointTable(m *journey.Map, r *analysis.Report, f formatter) table {
	w := f.l.Words
	t := table{Title: w.SectionTouchpoints, Head: texts(w.ColStage, w.ColTouchpoint, capital(w.ChannelLabel),
		capital(w.OwnerLabel), w.PageEmotion)}
	numbers := map[string]analysis.Touchpoint{}
	if r != nil {
		t.Head = append(t.Head, numCells(w.ColUsers, w.ColEvents, w.ColRepeat, w.ColContinued,
			w.ColConversion, w.ColDropoff, w.ColExits, w.ColMedianToNext)...)
		if r.Cost != nil {
			t.Head = append(t.Head, cell{Text: w.Cost, Class: "num"})
		}
		for _, n := range r.Touchpoints {
			numbers[n.ID] = n
		}
	}
	for _, s := range m.Stages {
		for i, tp := range s.Touchpoints {
			var row []cell
			if i == 0 {
				row = append(row, cell{Text: s.Name, Span: len(s.Touchpoints), Class: "stage"})
			}
			row = append(row, touchpointCell(tp, f), cell{Text: tp.Channel}, cell{Text: tp.Owner}, emotionCell(tp.Emotion))
			row = append(row, touchpointNumbers(r, numbers[tp.ID], f)...)
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// touchpointCell names a touchpoint, its id and its marks: moment of truth, goal.
func touchpointCell(tp *journey.Touchpoint, f formatter) cell {
	c := cell{Text: tp.Name, Note: tp.ID}
	if tp.MomentOfTruth {
		c.Marks = append(c.Marks, "★ "+f.l.MomentOfTruth)
	}
	if tp.Goal {
		c.Marks = append(c.Marks, "⚑ "+f.l.GoalMark)
	}
	return c
}

// emotionCell shows an emotion score on its colour in the picture's scale (the classes
// of style, in template.go), or nothing.
func emotionCell(e *int) cell {
	if e == nil {
		return cell{}
	}
	text := strconv.Itoa(*e)
	if *e > 0 {
		text = "+" + text
	}
	return cell{Text: text, Class: emotionClass(*e)}
}

// touchpointNumbers are a touchpoint's cells of numbers, its cost among them when the map
// gives costs; none without a report.
func touchpointNumbers(r *analysis.Report, n analysis.Touchpoint, f formatter) []cell {
	if r == nil {
		return nil
	}
	cells := numCells(f.int(n.Users), f.int(n.Events), f.int(n.RepeatUsers), f.int(n.Continued),
		f.percent(n.Conversion), f.percent(n.Dropoff), f.int(n.Exits), f.duration(n.MedianSecondsToNext))
	if r.Cost != nil {
		cost := none
		if n.Cost != nil {
			cost = output.Money(f.l, n.Cost, r.Cost.Currency)
		}
		cells = append(cells, numCells(cost)...)
	}
	return cells
}

// kpiTable lists every KPI target with its value and status.
func kpiTable(m *journey.Map, ks []analysis.KPIResult, f formatter) table {
	w := f.l.Words
	t := table{Title: w.SectionKPIs, Head: append(texts(w.ColTouchpoint, w.ColMetric, w.ColTarget), numCells(w.ColValue)...)}
	t.Head = append(t.Head, cell{Text: w.ColStatus})
	for _, k := range ks {
		status := cell{Text: "✓ " + output.KPIStatus(f.l, k), Class: "ok"}
		if !k.OK {
			status = cell{Text: "✗ " + output.KPIStatus(f.l, k), Class: "missed"}
		}
		t.Rows = append(t.Rows, []cell{{Text: name(m, k.Touchpoint), Note: k.Touchpoint}, {Text: k.Metric},
			{Text: output.KPITargetIn(f.l, k)}, {Text: output.KPIValueIn(f.l, k.Metric, k.Value), Class: "num"}, status})
	}
	return t
}

// offMapTable lists the most frequent transitions the map does not draw.
func offMapTable(m *journey.Map, ts []analysis.Transition, f formatter) table {
	w := f.l.Words
	t := table{Title: output.OffMapTitle(f.l, ts), Head: append(texts(w.ColFrom, w.ColTo), numCells(w.ColCount, w.ColUsers)...)}
	for _, tr := range output.OffMap(ts) {
		t.Rows = append(t.Rows, append([]cell{{Text: name(m, tr.From), Note: tr.From}, {Text: name(m, tr.To), Note: tr.To}},
			numCells(f.int(tr.Count), f.int(tr.Users))...))
	}
	return t
}

// texts are cells of text: the heads of text columns.
func texts(s ...string) []cell {
	out := make([]cell, len(s))
	for i, t := range s {
		out[i] = cell{Text: t}
	}
	return out
}

// numCells are cells holding numbers.
func numCells(s ...string) []cell {
	out := make([]cell, len(s))
	for i, t := range s {
		out[i] = cell{Text: t, Class: "num"}
	}
	return out
}
