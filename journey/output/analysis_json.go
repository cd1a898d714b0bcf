package output

import (
	"encoding/json"
	"io"

	"github.com/journey-cx/journey/journey/analysis"
)

// printAnalysisJSON writes the report as the JSON object of SPEC section 4: two-space
// indentation, numbers unrounded, a trailing newline.
func printAnalysisJSON(w io.Writer, r *analysis.Report, _ Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
