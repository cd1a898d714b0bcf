package journey

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Emotion bounds: -2 is very negative, +2 very positive.
const (
	MinEmotion = -2
	MaxEmotion = 2
)

// Metrics are the KPI metric names a touchpoint may set targets on.
var Metrics = []string{"conversion", "dropoff", "users", "repeat_rate", "median_time_to_next"}

// ratioMetrics are the metrics whose values are fractions in 0..1.
var ratioMetrics = map[string]bool{"conversion": true, "dropoff": true, "repeat_rate": true}

// orders are the funnel order kinds.
var orders = []string{Ordered, Strict, Unordered}

func (d *decoder) emotion(n *yaml.Node) *int {
	e, ok := integer(n)
	if !ok || e < MinEmotion || e > MaxEmotion {
		d.report(ruleEmotionRange, n, "emotion must be a whole number from %d to +%d, found %s", MinEmotion, MaxEmotion, describe(n))
		return nil
	}
	return &e
}

func (d *decoder) duration(n *yaml.Node, what string) time.Duration {
	s := d.text(n, what)
	dur, err := ParseDuration(s)
	if err != nil && resolve(n).Kind == yaml.ScalarNode {
		d.report(ruleInvalidDuration, n, "%s: %v", what, err)
	}
	return dur
}

func (d *decoder) channel(n *yaml.Node) string {
	c := d.text(n, "channel")
	if c != "" && !kebab.MatchString(c) {
		msg := "channel %q is not a kebab-case word (website, email, face-to-face...)"
		if s := KebabCase(c); s != "" {
			msg += "; did you mean " + strconv.Quote(s) + "?"
		}
		d.report(ruleInvalidChannel, n, msg, c)
	}
	return c
}

func (d *decoder) order(n *yaml.Node) string {
	o := d.text(n, "order")
	if !slices.Contains(orders, o) {
		d.report(ruleFunnelOrder, n, "unknown funnel order %q; expected ordered, strict or unordered%s", o, suggestion(o, orders))
		return Ordered
	}
	return o
}

func (d *decoder) kpis(n *yaml.Node) []KPI {
	var out []KPI
	d.list(n, "kpis", func(item *yaml.Node) { out = append(out, d.kpi(item)) })
	return out
}

func (d *decoder) kpi(n *yaml.Node) KPI {
	var k KPI
	var minNode, maxNode *yaml.Node
	ok := d.fields(n, "kpi", &k.Node, []field{
		{"metric", true, func(v *yaml.Node) { k.Metric = d.metric(v) }},
		{"min", false, func(v *yaml.Node) { minNode = v }},
		{"max", false, func(v *yaml.Node) { maxNode = v }},
	})
	if !ok {
		return k
	}
	k.Min, k.Max = d.bound(minNode, k.Metric, "min"), d.bound(maxNode, k.Metric, "max")
	switch {
	case minNode == nil && maxNode == nil:
		d.report(ruleKPITarget, resolve(n), "no target for KPI %q; set min, max or both", k.Metric)
	case k.Min != nil && k.Max != nil && *k.Min > *k.Max:
		d.report(ruleKPITarget, minNode, "min %g of KPI %q is above its max %g", *k.Min, k.Metric, *k.Max)
	}
	return k
}

func (d *decoder) metric(n *yaml.Node) string {
	m := d.text(n, "metric")
	if !slices.Contains(Metrics, m) {
		d.report(ruleUnknownMetric, n, "unknown KPI metric %q; expected one of %s%s", m, strings.Join(Metrics, ", "), suggestion(m, Metrics))
	}
	return m
}

// bound decodes a KPI target: a number, a fraction for ratio metrics, and for
// median_time_to_next a number of seconds or a duration like "2d".
func (d *decoder) bound(n *yaml.Node, metric, what string) *float64 {
	if n == nil {
		return nil
	}
	v, ok := number(n)
	if !ok && metric == "median_time_to_next" {
		if dur, err := ParseDuration(resolve(n).Value); err == nil && resolve(n).Kind == yaml.ScalarNode {
			v, ok = dur.Seconds(), true
		}
	}
	switch {
	case !ok && metric == "median_time_to_next":
		d.report(ruleKPITarget, n, "%s of KPI %q must be a number of seconds or a duration above zero in whole units like 90m or 2d, found %s", what, metric, describe(n))
		return nil
	case !ok:
		d.report(ruleKPITarget, n, "%s of KPI %q must be a number, found %s", what, metric, describe(n))
		return nil
	case ratioMetrics[metric] && (v < 0 || v > 1):
		d.report(ruleKPITarget, n, "%s %g of KPI %q is outside 0..1; write ratios as fractions (0.25 for 25%%)", what, v, metric)
	case v < 0:
		d.report(ruleKPITarget, n, "%s %g of KPI %q is negative", what, v, metric)
	}
	return &v
}

// suggestion returns "; did you mean ...?" for the candidate closest to word, or "".
func suggestion(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// Languages are the languages a map's pictures, reports and tables can be written in
// (SPEC section 11); English is the default.
var Languages = []string{"en", "nl"}

func (d *decoder) language(n *yaml.Node) string {
	l := d.text(n, "language")
	if !slices.Contains(Languages, l) && resolve(n).Kind == yaml.ScalarNode {
		hint := suggestion(l, Languages)
		if lower := strings.ToLower(strings.TrimSpace(l)); slices.Contains(Languages, lower) {
			hint = fmt.Sprintf("; did you mean %q?", lower)
		}
		d.report(ruleInvalidLanguage, n, "unknown language %q; expected one of %s%s", l, strings.Join(Languages, ", "), hint)
		return ""
	}
	return l
}

// currencyCode is the shape of an ISO 4217 alphabetic code.
var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

func (d *decoder) currency(n *yaml.Node) string {
	c := d.text(n, "currency")
	if !currencyCode.MatchString(c) && resolve(n).Kind == yaml.ScalarNode {
		msg := "currency %q is not an ISO 4217 code of three capital letters (EUR, USD, GBP...)"
		if up := strings.ToUpper(strings.TrimSpace(c)); currencyCode.MatchString(up) {
			msg += "; did you mean " + strconv.Quote(up) + "?"
		}
		d.report(ruleInvalidCost, n, msg, c)
		return ""
	}
	return c
}

// cost decodes a touchpoint's cost: a number of zero or more.
func (d *decoder) cost(n *yaml.Node) *float64 {
	v, ok := number(n)
	switch {
	case !ok:
		d.report(ruleInvalidCost, n, "cost must be a number of 0 or more (like 7.5), found %s", describe(n))
		return nil
	case v < 0:
		d.report(ruleInvalidCost, n, "cost %g is negative; a cost is a number of 0 or more", v)
		return nil
	case v == 0:
		v = 0 // -0 is 0: no "-0" in the outputs
	}
	return &v
}
