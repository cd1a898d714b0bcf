package schema

import (
	_ "embed" // the schema document is embedded
	"fmt"
)

// ID is the schema's $id: the address editors fetch it from.
const ID = "https://journey-cx.github.io/schema/v1/journey.schema.json"

//go:embed journey.schema.json
var document []byte

// JSON returns the schema document. The caller gets its own copy.
func JSON() []byte { return append([]byte(nil), document...) }

// ModelineComment is the first line that ties a map to the schema in editors running the
// YAML language server.
func ModelineComment() string { return fmt.Sprintf("# yaml-language-server: $schema=%s", ID) }
