package format

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/journey-cx/journey/journey"
)

// TestMeaningSurvives checks that formatting never changes what a map means: for every map
// the loader accepts, the model loaded from the formatted text equals the original's,
// positions aside.
func TestMeaningSurvives(t *testing.T) {
	ignore := cmp.Options{
		cmpopts.IgnoreTypes(journey.Node{}),
		// Stage points back at the stage that holds the touchpoint: a cycle, and compared
		// already through Map.Stages.
		cmpopts.IgnoreFields(journey.Touchpoint{}, "Stage"),
		// The flow index NextOf builds is derived from the stages.
		cmpopts.IgnoreUnexported(journey.Map{}),
	}
	accepted := 0
	for _, file := range corpus(t) {
		src := readFile(t, file)
		before, diags := journey.Parse(file, src)
		if journey.HasErrors(diags, false) {
			continue
		}
		accepted++
		out, fdiags := Source(file, src)
		if len(fdiags) > 0 {
			t.Errorf("%s: the loader accepts it, fmt refuses it: %v", file, fdiags)
			continue
		}
		after, diags := journey.Parse(file, out)
		if journey.HasErrors(diags, false) {
			t.Errorf("%s: the formatted map does not load: %v\n%s", file, diags, out)
			continue
		}
		if diff := cmp.Diff(before, after, ignore); diff != "" {
			t.Errorf("%s: formatting changed the model (-before +after):\n%s", file, diff)
		}
	}
	t.Logf("%d maps compared", accepted)
	if accepted < 5 {
		t.Errorf("only %d maps were accepted by the loader; the test proves little", accepted)
	}
}
