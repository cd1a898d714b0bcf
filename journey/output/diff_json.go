package output

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/journey-cx/journey/journey/diff"
)

// diffJSON is the JSON object of one diff (SPEC section 9).
type diffJSON struct {
	Old     string        `json:"old"`
	New     string        `json:"new"`
	Changes []diff.Change `json:"changes"`
}

// printDiffJSON writes the diff as the JSON object of SPEC section 9, or under --git a list
// of such objects, one per map file that changed; two-space indentation, a trailing newline.
func printDiffJSON(w io.Writer, r DiffReport, _ Options) error {
	objects := make([]diffJSON, len(r.Diffs))
	for i, d := range r.Diffs {
		objects[i] = diffJSON{Old: d.Old, New: d.New, Changes: d.Changes}
		if objects[i].Changes == nil {
			objects[i].Changes = []diff.Change{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if r.Git {
		return enc.Encode(objects)
	}
	if len(objects) != 1 {
		return errOneDiff
	}
	return enc.Encode(objects[0])
}

// errOneDiff is returned for a report without --git that does not hold exactly one diff.
var errOneDiff = errors.New("output: a diff report holds one diff unless it is for --git")
