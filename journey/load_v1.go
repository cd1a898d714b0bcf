package journey

import (
	"cmp"
	"slices"

	"go.yaml.in/yaml/v3"
)

// decodeV1 decodes a format 1 map from its root mapping.
func (d *decoder) decodeV1(root *yaml.Node) *Map {
	m := &Map{File: d.file}
	d.fields(root, "map", &m.Node, []field{
		{"version", false, func(*yaml.Node) {}}, // read by decodeVersioned
		{"id", true, func(v *yaml.Node) { m.ID = d.mapID(v) }},
		{"title", true, func(v *yaml.Node) { m.Title = d.text(v, "title") }},
		{"description", false, func(v *yaml.Node) { m.Description = d.text(v, "description") }},
		{"owner", false, func(v *yaml.Node) { m.Owner = d.text(v, "owner") }},
		{"window", false, func(v *yaml.Node) { m.Window = d.duration(v, "window") }},
		{"identity", false, func(v *yaml.Node) { m.Identity = d.text(v, "identity") }},
		{"language", false, func(v *yaml.Node) { m.Language = d.language(v) }},
		{"currency", false, func(v *yaml.Node) { m.Currency = d.currency(v) }},
		{"persona", false, func(v *yaml.Node) { m.Persona = d.persona(v) }},
		{"stages", true, func(v *yaml.Node) { m.Stages = d.stages(v) }},
		{"funnels", false, func(v *yaml.Node) { m.Funnels = d.funnels(v) }},
	})
	for i, t := range m.Touchpoints() {
		t.Index = i
	}
	d.checkRefs()
	return m
}

func (d *decoder) persona(n *yaml.Node) *Persona {
	p := &Persona{}
	d.fields(n, "persona", &p.Node, []field{
		{"name", false, func(v *yaml.Node) { p.Name = d.text(v, "name") }},
		{"description", false, func(v *yaml.Node) { p.Description = d.text(v, "description") }},
		{"goals", false, func(v *yaml.Node) { p.Goals = d.texts(v, "goals") }},
		{"frustrations", false, func(v *yaml.Node) { p.Frustrations = d.texts(v, "frustrations") }},
	})
	return p
}

func (d *decoder) stages(n *yaml.Node) []*Stage {
	var out []*Stage
	d.list(n, "stages", func(item *yaml.Node) { out = append(out, d.stage(item)) })
	if out == nil && resolve(n).Kind == yaml.SequenceNode {
		d.report(ruleEmptyList, n, "stages is empty; a map needs at least one stage")
	}
	return out
}

func (d *decoder) stage(n *yaml.Node) *Stage {
	s := &Stage{}
	d.fields(n, "stage", &s.Node, []field{
		{"id", true, func(v *yaml.Node) { s.ID = d.declare(v, "stage") }},
		{"name", true, func(v *yaml.Node) { s.Name = d.text(v, "name") }},
		{"goal", false, func(v *yaml.Node) { s.Goal = d.text(v, "goal") }},
		{"touchpoints", true, func(v *yaml.Node) { s.Touchpoints = d.touchpoints(v, s) }},
	})
	return s
}

func (d *decoder) touchpoints(n *yaml.Node, s *Stage) []*Touchpoint {
	var out []*Touchpoint
	d.list(n, "touchpoints", func(item *yaml.Node) { out = append(out, d.touchpoint(item, s)) })
	if out == nil && resolve(n).Kind == yaml.SequenceNode {
		d.report(ruleEmptyList, n, "touchpoints is empty; a stage needs at least one touchpoint")
	}
	return out
}

func (d *decoder) touchpoint(n *yaml.Node, s *Stage) *Touchpoint {
	t := &Touchpoint{Stage: s}
	d.fields(n, "touchpoint", &t.Node, []field{
		{"id", true, func(v *yaml.Node) { t.ID = d.declare(v, "touchpoint") }},
		{"name", true, func(v *yaml.Node) { t.Name = d.text(v, "name") }},
		{"channel", false, func(v *yaml.Node) { t.Channel = d.channel(v) }},
		{"owner", false, func(v *yaml.Node) { t.Owner = d.text(v, "owner") }},
		{"systems", false, func(v *yaml.Node) { t.Systems = d.texts(v, "systems") }},
		{"description", false, func(v *yaml.Node) { t.Description = d.text(v, "description") }},
		{"expectation", false, func(v *yaml.Node) { t.Expectation = d.text(v, "expectation") }},
		{"duration", false, func(v *yaml.Node) { t.Duration = d.duration(v, "duration") }},
		{"emotion", false, func(v *yaml.Node) { t.Emotion = d.emotion(v) }},
		{"feeling", false, func(v *yaml.Node) { t.Feeling = d.text(v, "feeling") }},
		{"pains", false, func(v *yaml.Node) { t.Pains = d.texts(v, "pains") }},
		{"gains", false, func(v *yaml.Node) { t.Gains = d.texts(v, "gains") }},
		{"moment_of_truth", false, func(v *yaml.Node) { t.MomentOfTruth = d.boolean(v, "moment_of_truth") }},
		{"opportunities", false, func(v *yaml.Node) { t.Opportunities = d.texts(v, "opportunities") }},
		{"goal", false, func(v *yaml.Node) { t.Goal = d.boolean(v, "goal") }},
		{"cost", false, func(v *yaml.Node) { t.Cost = d.cost(v) }},
		{"events", false, func(v *yaml.Node) { t.Events = d.matchers(v) }},
		{"next", false, func(v *yaml.Node) { t.Next = d.refList(v, "next", refNext) }},
		{"kpis", false, func(v *yaml.Node) { t.KPIs = d.kpis(v) }},
	})
	return t
}

func (d *decoder) matchers(n *yaml.Node) []Matcher {
	var out []Matcher
	d.list(n, "events", func(item *yaml.Node) {
		var m Matcher
		d.fields(item, "event matcher", &m.Node, []field{
			{"event", true, func(v *yaml.Node) { m.Event = d.text(v, "event") }},
			{"where", false, func(v *yaml.Node) { m.Where = d.where(v) }},
		})
		out = append(out, m)
	})
	return out
}

// where decodes the column conditions of a matcher: each value is a scalar taken as
// written, or a list of them (any of). The result is sorted by column.
func (d *decoder) where(n *yaml.Node) []Where {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.report(ruleWrongType, n, "where: expected a mapping of columns to values, found %s", kindName(n))
		return nil
	}
	var out []Where
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode {
			d.report(ruleWrongType, n.Content[i], "where: expected a column name, found %s", kindName(k))
			continue
		}
		if slices.ContainsFunc(out, func(w Where) bool { return w.Column == k.Value }) {
			continue // duplicate-key, reported by checkTree
		}
		out = append(out, Where{Column: k.Value, Values: d.whereValues(n.Content[i+1], k.Value)})
	}
	slices.SortFunc(out, func(a, b Where) int { return cmp.Compare(a.Column, b.Column) })
	return out
}

func (d *decoder) whereValues(n *yaml.Node, column string) []string {
	n = resolve(n)
	switch {
	case n.Kind == yaml.ScalarNode:
		d.whereNull(n, column)
		return []string{n.Value}
	case n.Kind == yaml.SequenceNode && len(n.Content) == 0:
		d.report(ruleEmptyList, n, "where: column %q has an empty list of values; it could never match", column)
	case n.Kind == yaml.SequenceNode:
		var vs []string
		for _, item := range n.Content {
			if item = resolve(item); item.Kind != yaml.ScalarNode {
				d.report(ruleWrongType, item, "where: column %q: expected a value, found %s", column, kindName(item))
				continue
			}
			d.whereNull(item, column)
			vs = append(vs, item.Value)
		}
		return vs
	default:
		d.report(ruleWrongType, n, "where: column %q: expected a value or a list of values, found %s", column, kindName(n))
	}
	return nil
}

// whereNull warns of a where value written as YAML's null, which is taken as its text.
func (d *decoder) whereNull(n *yaml.Node, column string) {
	if n.Tag == "!!null" && n.Value != "" && n.Style == 0 {
		d.report(ruleWhereNull, n, "where: column %q: %s matches the text %q, not an empty cell; write \"\" to match rows without a value, or %q in quotes for the text",
			column, n.Value, n.Value, n.Value)
	}
}

func (d *decoder) funnels(n *yaml.Node) []*Funnel {
	var out []*Funnel
	d.list(n, "funnels", func(item *yaml.Node) { out = append(out, d.funnel(item)) })
	return out
}

func (d *decoder) funnel(n *yaml.Node) *Funnel {
	f := &Funnel{Order: Ordered}
	d.fields(n, "funnel", &f.Node, []field{
		{"id", true, func(v *yaml.Node) { f.ID = d.declare(v, "funnel") }},
		{"steps", true, func(v *yaml.Node) { f.Steps = d.refList(v, "steps", refStep) }},
		{"window", false, func(v *yaml.Node) { f.Window = d.duration(v, "window") }},
		{"order", false, func(v *yaml.Node) { f.Order = d.order(v) }},
		{"exclude", false, func(v *yaml.Node) { f.Exclude = d.exclusions(v) }},
	})
	if f.Steps != nil && len(f.Steps) == 0 {
		d.report(ruleEmptyList, resolve(n), "funnel %q has no steps; expected at least one", f.ID)
	}
	return f
}

func (d *decoder) exclusions(n *yaml.Node) []Exclusion {
	var out []Exclusion
	d.list(n, "exclude", func(item *yaml.Node) {
		var e Exclusion
		d.fields(item, "exclusion", &e.Node, []field{
			{"event", true, func(v *yaml.Node) { e.Event = d.text(v, "event") }},
			{"where", false, func(v *yaml.Node) { e.Where = d.where(v) }},
			{"between", false, func(v *yaml.Node) { d.between(v, &e) }},
		})
		out = append(out, e)
	})
	return out
}

// between decodes `between: [a, b]` into e; the range itself is checked by the
// exclude-range rule. A value that is not two whole numbers is reported here and its key
// dropped from e.Keys, so that the rule does not report it a second time.
func (d *decoder) between(n *yaml.Node, e *Exclusion) {
	n = resolve(n)
	if n.Kind == yaml.SequenceNode && len(n.Content) == 2 {
		a, aok := integer(n.Content[0])
		b, bok := integer(n.Content[1])
		if aok && bok {
			e.From, e.To = a, b
			return
		}
	}
	d.report(ruleWrongType, n, "between: expected two whole step numbers like [1, 3]")
	delete(e.Keys, "between")
}
