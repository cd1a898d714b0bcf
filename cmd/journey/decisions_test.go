package main

// decisionsMap and decisionsEvents are a small map and its events for the exit-code rows
// of attribute, whatif and compare: a visit, an order (the goal), and a variant column.
const (
	decisionsMap = "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n" +
		"      - {id: visit, name: Visit, events: [{event: view}]}\n" +
		"      - {id: order, name: Order, goal: true, events: [{event: buy}]}\n"
	decisionsEvents = "user_id,timestamp,event,variant,amount\n" +
		"u1,2024-01-02T10:00:00Z,view,a,\nu1,2024-01-02T10:05:00Z,buy,a,10\n" +
		"u2,2024-02-02T10:00:00Z,view,b,\n"
)

// decisionFiles are the files of the exit-code rows.
var decisionFiles = map[string]string{"m.journey.yaml": decisionsMap, "e.csv": decisionsEvents}
