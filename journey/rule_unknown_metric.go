package journey

// ruleUnknownMetric checks that KPI metrics are conversion, dropoff, users, repeat_rate or median_time_to_next.
var ruleUnknownMetric = registerRule(&Rule{
	ID:       "unknown-metric",
	Severity: Error,
	Summary:  "KPI metrics are conversion, dropoff, users, repeat_rate or median_time_to_next",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        kpis:
          - metric: conversions
            min: 0.25
      - id: order
        name: Order
        goal: true
`,
	Message: "unknown KPI metric \"conversions\"; expected one of conversion, dropoff, users, repeat_rate, median_time_to_next; did you mean \"conversion\"?",
})
