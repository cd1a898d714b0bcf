package journey

// Lint runs the graph and workshop rules (those that inspect a parsed map, as opposed to
// the loader's rules) over m, which may be partial. Diagnostics are in rule order; Check
// sorts them with the loader's.
func Lint(m *Map) []Diagnostic {
	var ds []Diagnostic
	for _, r := range Rules() {
		if r.check != nil {
			ds = append(ds, r.check(r, m)...)
		}
	}
	return ds
}
