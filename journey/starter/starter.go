package starter

import (
	_ "embed" // the starter files are embedded
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/schema"
)

// The starter event file is the output of simulate.Write for the starter map with these
// options; a test regenerates it (JOURNEY_UPDATE=1) and checks that it still matches.
const (
	Users = 10
	Seed  = 3
)

// DefaultID is the map id used when no usable name is given.
const DefaultID = "my-journey"

// mapTemplates are the starter map in each language: the same map (ids, events, flow,
// numbers), its texts and comments translated.
var mapTemplates = map[string]string{"en": mapEN, "nl": mapNL}

//go:embed starter.journey.yaml.tmpl
var mapEN string

//go:embed starter.nl.journey.yaml.tmpl
var mapNL string

//go:embed events.csv
var events []byte

// Map returns the starter map with the given id, which must be kebab-case (see ID), written
// in the given language (a tag journey.Languages lists; English for any other).
func Map(id, language string) []byte {
	tmpl, ok := mapTemplates[language]
	if !ok {
		tmpl = mapEN
	}
	r := strings.NewReplacer("{{id}}", id, "{{schema}}", schema.ID, "{{language}}", language)
	return []byte(r.Replace(tmpl))
}

// Events returns the starter event file, which maps onto the starter map.
func Events() []byte { return append([]byte(nil), events...) }

// ID turns a name (a folder's name, typically) into a kebab-case map id: lower-case ASCII
// letters and digits, other runs of characters made one dash. It returns DefaultID when
// nothing usable is left.
func ID(name string) string {
	if id := journey.KebabCase(name); id != "" {
		return id
	}
	return DefaultID
}
