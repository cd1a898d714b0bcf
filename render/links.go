package render

import (
	"cmp"
	"slices"

	"github.com/journey-cx/journey/journey"
)

// maxSpan bounds how much arc the designed links (next) of one picture may draw. A link to
// the next card is a short straight edge; any other is an arc over the cards, which Graphviz
// routes through every column it passes, so the layout time grows with the columns the arcs
// span together, and faster than linearly: a map of 60 touchpoints that all link to each
// other (3,540 links) did not finish in 20 s. A map within the bound is drawn whole; a
// denser one keeps its most telling links up to the bound (see chooseLinks), so its layout
// time stays bounded whatever the map.
const maxSpan = 600

// link is one designed link the picture draws.
type link struct{ from, to *journey.Touchpoint }

// span is how many columns a link's arc passes: 0 for a link to the next card, which is
// not an arc, else the distance between the two cards (1 for a link to itself).
func (k link) span() int {
	switch d := k.to.Index - k.from.Index; {
	case d == 1:
		return 0
	case d > 0:
		return d
	case d < 0:
		return -d
	}
	return 1
}

// chooseLinks picks the designed links to draw and counts those left out. Links to the next
// card are always drawn. When the arcs of the others span more than maxSpan columns in
// all, they are taken in order of importance while they fit: with data, the links most
// users took first; without, the shortest first (forward before back). Ties go in the
// map's order, so the choice depends on nothing but the map and the report; the links drawn
// keep the map's order.
func (d *drawing) chooseLinks() {
	var all []link
	total := 0
	for _, t := range d.tps {
		for _, n := range d.m.NextOf(t) {
			all = append(all, link{t, n})
			total += link{t, n}.span()
		}
	}
	if total <= maxSpan {
		d.links = all
		return
	}
	order := slices.Clone(all)
	slices.SortStableFunc(order, d.linkOrder)
	keep, spent := map[link]bool{}, 0
	for _, k := range order {
		if s := k.span(); spent+s <= maxSpan {
			keep[k], spent = true, spent+s
		}
	}
	for _, k := range all {
		if keep[k] {
			d.links = append(d.links, k)
		}
	}
	d.hidden = len(all) - len(d.links)
}

// linkOrder orders two links by importance, most important first: with data by the users
// who took them, then by span, forward before back.
func (d *drawing) linkOrder(a, b link) int {
	if d.ov.r != nil {
		if c := cmp.Compare(d.ov.users(b), d.ov.users(a)); c != 0 {
			return c
		}
	}
	return cmp.Or(cmp.Compare(a.span(), b.span()), cmp.Compare(backward(a), backward(b)))
}

// backward is 1 for a link that goes back (or to itself), else 0.
func backward(k link) int {
	if k.to.Index <= k.from.Index {
		return 1
	}
	return 0
}

// users is how many users took a designed link, 0 when the report has none.
func (ov *overlay) users(k link) int64 {
	return ov.edges[[2]string{k.from.ID, k.to.ID}].Users
}
