package journey

// ruleFunnelOrder checks that a funnel order is ordered, strict or unordered.
var ruleFunnelOrder = registerRule(&Rule{
	ID:       "funnel-order",
	Severity: Error,
	Summary:  "a funnel order is ordered, strict or unordered",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
      - id: order
        name: Order
        goal: true
funnels:
  - id: main
    steps: [home, order]
    order: strickt
`,
	Message: "unknown funnel order \"strickt\"; expected ordered, strict or unordered; did you mean \"strict\"?",
})
