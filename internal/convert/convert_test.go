package convert

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"
)

const rows = "user_id,timestamp,p.a,p.b,x\nu1,2024-01-01T00:00:00Z,1,,\"q\"\"\"\n"

// TestJSONL pins the lines written for each way of writing an empty cell.
func TestJSONL(t *testing.T) {
	for empty, want := range map[Empty]string{
		Omit:        `{"user_id":"u1","timestamp":"2024-01-01T00:00:00Z","p":{"a":"1"},"x":"q\""}`,
		Null:        `{"user_id":"u1","timestamp":"2024-01-01T00:00:00Z","p":{"a":"1","b":null},"x":"q\""}`,
		EmptyString: `{"user_id":"u1","timestamp":"2024-01-01T00:00:00Z","p":{"a":"1","b":""},"x":"q\""}`,
	} {
		var b bytes.Buffer
		if err := JSONL(&b, strings.NewReader(rows), empty, true); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want+"\n", b.String()); diff != "" {
			t.Errorf("empty %d (-want +got):\n%s", empty, diff)
		}
	}
}

// TestParquet reads back a written file with parquet-go.
func TestParquet(t *testing.T) {
	var b bytes.Buffer
	if err := Parquet(&b, strings.NewReader(rows), ParquetOptions{Time: "timestamp"}); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := f.Schema().String()
	for _, want := range []string{"optional binary user_id (STRING)", "optional int64 timestamp (TIMESTAMP(isAdjustedToUTC=true,unit=NANOS))", "optional binary p.b (STRING)"} {
		if !strings.Contains(got, want) {
			t.Errorf("schema lacks %q:\n%s", want, got)
		}
	}
	if f.NumRows() != 1 {
		t.Errorf("%d rows, want 1", f.NumRows())
	}
}
