package events

import (
	"fmt"

	"github.com/journey-cx/journey/journey"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// pqColumn is a column of a Parquet file as journey sees it: a leaf that no repeated field
// holds, named by its path with dots (a nested group's fields, "device.category"), or a
// field that is repeated or a LIST or MAP, whose value is written as JSON text.
type pqColumn struct {
	name string
	col  *parquet.Column
	// nested says the value is JSON text assembled from the leaves under col.
	nested bool
}

// pqColumns lists the columns of a file's schema, in schema order.
func pqColumns(root *parquet.Column) []pqColumn {
	var out []pqColumn
	var walk func(c *parquet.Column, prefix string)
	walk = func(c *parquet.Column, prefix string) {
		name := prefix + c.Name()
		switch {
		case c.Repeated() || isListOrMap(c):
			out = append(out, pqColumn{name: name, col: c, nested: true})
		case c.Leaf():
			out = append(out, pqColumn{name: name, col: c})
		default:
			for _, child := range c.Columns() {
				walk(child, name+".")
			}
		}
	}
	for _, c := range root.Columns() {
		walk(c, "")
	}
	return out
}

// isListOrMap reports whether a group is annotated as a LIST or a MAP.
func isListOrMap(c *parquet.Column) bool {
	if c.Leaf() || len(c.Columns()) == 0 {
		return false
	}
	lt := c.Type().LogicalType()
	if lt == nil {
		return false
	}
	switch lt.Value.(type) {
	case *format.ListType, *format.MapType:
		return true
	}
	return false
}

// pqPick finds the columns a read needs: every required one must be there, and of the
// others those that are. It refuses a schema in which two columns have one name.
func pqPick(file string, cols []pqColumn, required, others []string) (header []string, picked []pqColumn, err error) {
	byName := make(map[string]int, len(cols))
	names := make([]string, len(cols))
	for i, c := range cols {
		if _, dup := byName[c.name]; dup {
			return nil, nil, &Error{File: file, Message: fmt.Sprintf(
				"two columns are named %q (a field with a dot beside a nested group, or a field given twice); the columns found: %s",
				c.name, quoteList(names[:i]))}
		}
		byName[c.name], names[i] = i, c.name
	}
	for _, name := range required {
		i, ok := byName[name]
		if !ok {
			return nil, nil, missingParquetColumn(file, names, name)
		}
		header, picked = append(header, name), append(picked, cols[i])
	}
	for _, name := range others {
		if i, ok := byName[name]; ok {
			header, picked = append(header, name), append(picked, cols[i])
		}
	}
	return header, picked, nil
}

// missingParquetColumn explains a required column the file lacks, suggesting a close name.
func missingParquetColumn(file string, names []string, name string) error {
	msg := fmt.Sprintf("no column %q in the file", name)
	if s := journey.Suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	if len(names) == 0 {
		return &Error{File: file, Message: msg + "; the file has no columns"}
	}
	return &Error{File: file, Message: msg + "; the columns found (nested fields joined with dots): " + quoteList(names)}
}

// leaves returns the leaf columns under c, in schema order.
func leaves(c *parquet.Column) []*parquet.Column {
	if c.Leaf() {
		return []*parquet.Column{c}
	}
	var out []*parquet.Column
	for _, child := range c.Columns() {
		out = append(out, leaves(child)...)
	}
	return out
}
