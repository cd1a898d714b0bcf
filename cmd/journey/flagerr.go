package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/pflag"
)

// flagError turns a flag's value that does not parse into a usage error in the user's
// words: pflag's own says "strconv.ParseFloat: parsing "abc": invalid syntax".
func flagError(err error) error {
	var bad *pflag.InvalidValueError
	var num *strconv.NumError
	if !errors.As(err, &bad) || !errors.As(err, &num) {
		return usageError{err}
	}
	want := "a number, like 0.05"
	switch bad.GetFlag().Value.Type() {
	case "int", "int64", "uint", "uint64":
		want = "a whole number"
	case "bool":
		want = "true or false"
	}
	name := bad.GetFlag().Name
	if errors.Is(num.Err, strconv.ErrRange) {
		return usageError{fmt.Errorf("--%s %q: the number is out of range", name, bad.GetValue())}
	}
	return usageError{fmt.Errorf("--%s %q: expected %s", name, bad.GetValue(), want)}
}
