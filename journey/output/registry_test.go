package output

import (
	"errors"
	"io"
	"testing"
)

func TestRegistry(t *testing.T) {
	var r Registry[int]
	r.Register("text", func(io.Writer, int, Options) error { return nil })
	r.Register("json", func(io.Writer, int, Options) error { return nil })
	if _, err := r.Lookup("json"); err != nil {
		t.Fatalf("Lookup(json): %v", err)
	}
	_, err := r.Lookup("yaml")
	var unknown *UnknownFormatError
	if !errors.As(err, &unknown) {
		t.Fatalf("Lookup(yaml) err = %v, want *UnknownFormatError", err)
	}
	if want := `unknown format "yaml" (valid formats: text, json)`; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
}
