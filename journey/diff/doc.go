// Package diff compares two versions of a journey map by meaning, not by text (SPEC section
// 9): what a pull request changes in the journey, as records a reviewer, a printer or a
// picture can use.
//
// Entities are matched by id: the map, the persona, stages, touchpoints, the funnels the map
// writes, KPI targets (TOUCHPOINT/METRIC) and the flow's edges (FROM->TO, from the effective
// `next`, so that an explicit `next` equal to the document order is no change). Values are
// compared as the loader reads them, so comments, key order, quoting, layout and different
// spellings of one value (`1h` and `60m`) never count. Every difference is one Change; the
// changes of a Diff are sorted as the SPEC orders them, and Groups arranges them by stage for
// the formats meant for people.
package diff
