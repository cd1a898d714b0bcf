// Package analysis joins event logs to a journey map and computes the numbers of SPEC
// section 3: per-touchpoint conversion and drop-off, the directly-follows transitions,
// PostHog-compatible funnels, the goal rate, KPI checks and segments.
//
// Analyze is the entry point; Prepare fills the events.Options that depend on the map, so
// that the reader keeps exactly what the engine needs. Where the specification is silent,
// the engine decides as follows:
//
//   - a KPI whose value does not exist (no users, no next touchpoint) misses its target;
//   - a touchpoint whose next includes itself continues only with another event of its own;
//   - funnel ratios over zero users are null, step 1's conversion_from_start included;
//   - the funnel engine follows PostHog's also among events at one instant: they fill
//     steps in step order, so a new attempt started at that instant may take the later
//     steps from an older one;
//   - segments carry their own transitions and KPI results, and the report adds each
//     touchpoint's name and a coverage section (touchpoints no row matched, the most
//     frequent unmapped event names, skipped rows and warnings).
//
// Users are split between workers, one per usable CPU (runtime.GOMAXPROCS) unless
// Options.Workers says otherwise, that each fill their own counts, merged in a fixed
// order; every number is a count or an order-free statistic of a merged list, so results
// do not depend on the split. The per-user loops reuse scratch buffers and do not allocate
// per event.
package analysis
