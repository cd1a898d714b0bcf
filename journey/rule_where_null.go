package journey

// ruleWhereNull checks that a where value written as YAML's null (`null`, `~`) is meant as
// the text it is: in format 1 a value is taken as written, so it matches a cell holding
// "null", never an empty one (a JSON null, a missing key, an empty CSV cell).
var ruleWhereNull = registerRule(&Rule{
	ID:       "where-null",
	Severity: Warning,
	Summary:  "a where value written `null` or `~` is the text, not an empty cell",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        goal: true
        events:
          - event: order
            where: {coupon: null}
`,
	Message: "where: column \"coupon\": null matches the text \"null\", not an empty cell; write \"\" to match rows without a value, or \"null\" in quotes for the text",
})
