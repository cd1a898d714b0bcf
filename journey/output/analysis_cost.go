package output

import (
	"fmt"
	"strconv"

	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// Money writes an amount with two decimals in the language's format, after the currency
// code when there is one: "EUR 1,234.50", "EUR 1.234,50", "12.00"; "-" for none. The HTML
// page writes amounts with it too.
func Money(l *lang.Language, v *float64, currency *string) string {
	if v == nil {
		return missing
	}
	s := l.Float(*v, 2)
	if currency != nil {
		s = *currency + " " + s
	}
	return s
}

// CostLine is the sentence on what the touchpoints cost: "Cost: EUR 1,234.50 in all, EUR
// 18.43 per user who reached a goal"; "" when the map gives no costs. The HTML page says it
// too.
func CostLine(l *lang.Language, c *analysis.Cost) string {
	if c == nil {
		return ""
	}
	s := fmt.Sprintf(l.CostTotalF, Money(l, &c.Total, c.Currency))
	if c.PerGoalUser != nil {
		s += fmt.Sprintf(l.CostPerGoalUserF, Money(l, c.PerGoalUser, c.Currency))
	}
	return s
}

// withCostColumn adds a cost column to the rows of touchpointRows when the map gives costs.
func withCostColumn(rows [][]string, l *lang.Language, tps []analysis.Touchpoint, c *analysis.Cost) [][]string {
	if c == nil {
		return rows
	}
	rows[0] = append(rows[0], l.Cost)
	for i, t := range tps {
		rows[i+1] = append(rows[i+1], Money(l, t.Cost, c.Currency))
	}
	return rows
}

// withSegmentCost adds the cost per goal user to the rows of segmentRows when the map gives
// costs.
func withSegmentCost(rows [][]string, l *lang.Language, r *analysis.Report) [][]string {
	if r.Cost == nil || len(rows) == 0 {
		return rows
	}
	rows[0] = append(rows[0], l.CostPerGoalUser)
	for i, s := range r.Segments {
		v := missing
		if s.Cost != nil {
			v = Money(l, s.Cost.PerGoalUser, s.Cost.Currency)
		}
		rows[i+1] = append(rows[i+1], v)
	}
	return rows
}

// cost writes the rows of a report's cost (SPEC section 3): the total and the cost per
// goal user, with the currency as the id; nothing when the map gives no costs.
func (c *csvWriter) cost(k *analysis.Cost) {
	if k == nil {
		return
	}
	currency := ""
	if k.Currency != nil {
		currency = *k.Currency
	}
	c.row("cost", "", currency, "", "total", strconv.FormatFloat(k.Total, 'f', -1, 64))
	c.row("cost", "", currency, "", "per_goal_user", number(k.PerGoalUser))
}
