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

// successors returns what Map.NextOf returns for every touchpoint, computed with one id
// index so that graph rules stay linear in the size of the map.
func successors(m *Map) map[*Touchpoint][]*Touchpoint {
	all := m.Touchpoints()
	byID := make(map[string]*Touchpoint, len(all))
	for _, t := range all {
		if _, dup := byID[t.ID]; !dup {
			byID[t.ID] = t
		}
	}
	next := make(map[*Touchpoint][]*Touchpoint, len(all))
	for i, t := range all {
		switch {
		case t.Next == nil && i+1 < len(all):
			next[t] = []*Touchpoint{all[i+1]}
		default:
			for _, id := range t.Next {
				if n := byID[id]; n != nil {
					next[t] = append(next[t], n)
				}
			}
		}
	}
	return next
}
