package journey

// The reserved-owner rule checks that no touchpoint's owner takes a name that journey's
// outputs give a group of their own: "(direct)", the conversions without touches, and
// "(none)", the touches of touchpoints without an owner (journey attribute --by owner).
func init() {
	registerRule(&Rule{
		ID:       "reserved-owner",
		Severity: Error,
		Summary:  "an owner is not `(direct)` or `(none)`, the names journey gives groups of its own",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        owner: (direct)
        goal: true
`,
		Message: "owner \"(direct)\" is the name journey gives conversions without touches; give the owner another name, such as \"direct\"",
		check:   checkReservedOwner,
	})
}

// reservedOwners says, of each name journey gives a group of its own, what the group is.
var reservedOwners = map[string]string{
	"(direct)": "conversions without touches",
	"(none)":   "the touches of touchpoints without an owner",
}

// checkReservedOwner reports touchpoints whose owner is a name journey gives a group.
func checkReservedOwner(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	for _, t := range m.Touchpoints() {
		if what, ok := reservedOwners[t.Owner]; ok {
			ds = append(ds, r.diag(m.File, t.At("owner"),
				"owner %q is the name journey gives %s; give the owner another name, such as %q", t.Owner, what, t.Owner[1:len(t.Owner)-1]))
		}
	}
	return ds
}
