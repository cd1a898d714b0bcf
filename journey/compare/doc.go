// Package compare sets two groups of users side by side, an A/B test's variants (by
// segment, SPEC section 3) or two periods, rate by rate (SPEC section 8): the goal rate,
// every touchpoint's conversion and every funnel step's conversion from start and from the
// previous step, each with its difference, Newcombe's 95% interval and the pooled z-test's
// p-value from journey/stats.
//
// Each group's numbers are the analysis's own (analysis.Numbers), computed exactly as
// `journey analyze` computes them: for segments, the report's segments; for periods, one
// analysis of the rows in each period. Compare only pairs them.
package compare
