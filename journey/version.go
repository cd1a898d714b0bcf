package journey

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CurrentVersion is the newest map format version, the one new files are written in.
const CurrentVersion = 1

// versionDecoders holds one decode entry point per map format version this build reads.
// Each turns a file of its version into the current model. When a format 2 arrives, its
// decoder is added here and decodeV1 stays: it then maps the meaning of a version 1 file
// onto the new model, which makes it the migration, and `journey fmt` can upgrade files by
// loading them with it and writing them in the newest version.
var versionDecoders = map[int]func(d *decoder, root *yaml.Node) *Map{
	1: (*decoder).decodeV1,
}

// SupportedVersions returns the map format versions this build reads, in ascending order.
func SupportedVersions() []int {
	var vs []int
	for v := range versionDecoders {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	return vs
}

// decodeVersioned reads the version key of root and hands the file to that version's
// decoder. A missing or malformed version is reported and the file read as the current
// version, to find its other problems; a version this build does not read makes the file
// unusable.
func (d *decoder) decodeVersioned(root *yaml.Node) *Map {
	version, v := CurrentVersion, valueOf(root, "version")
	if v == nil {
		d.report(ruleVersion, root, "map is missing the required key \"version\"; add `version: %d`", CurrentVersion)
	} else if n, ok := integer(v); !ok {
		d.report(ruleVersion, v, "version: expected an integer, found %s; this build reads %s", describe(v), versionList())
	} else if versionDecoders[n] == nil {
		d.report(ruleVersion, v, "version %d is not supported; this build reads %s", n, versionList())
		return nil
	} else {
		version = n
	}
	m := versionDecoders[version](d, root)
	m.Version = version
	return m
}

// versionList names the supported versions for messages: "version 1", "versions 1 and 2".
func versionList() string {
	vs := SupportedVersions()
	words := make([]string, len(vs))
	for i, v := range vs {
		words[i] = fmt.Sprint(v)
	}
	if len(vs) == 1 {
		return "version " + words[0]
	}
	return "versions " + strings.Join(words[:len(vs)-1], ", ") + " and " + words[len(vs)-1]
}

// valueOf returns the value of key in mapping n, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
