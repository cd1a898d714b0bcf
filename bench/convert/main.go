// Command convert writes the rows of a CSV event file as JSON Lines and as Parquet beside it
// (FILE.jsonl, FILE.parquet), for measuring journey on the same rows in every format:
//
//	go run ./bench/convert big-by-time.csv
//
// JSON Lines is written with encoding/json, one object per row, empty cells left out;
// Parquet with parquet-go, snappy, row groups of 1,048,576 rows and dictionaries of up to
// 1 MiB a column (as pyarrow writes it), the timestamp column as a TIMESTAMP.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/journey-cx/journey/internal/convert"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/convert EVENTS.csv")
		os.Exit(2)
	}
	base := strings.TrimSuffix(os.Args[1], ".csv")
	for _, format := range []string{"jsonl", "parquet"} {
		if err := write(os.Args[1], base+"."+format, format); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// write writes the rows of the CSV file in to out in format.
func write(in, out, format string) error {
	r, err := os.Open(in)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if format == "jsonl" {
		err = convert.JSONL(w, r, convert.Omit, false)
	} else {
		err = convert.Parquet(w, r, convert.ParquetOptions{Time: "timestamp", RowGroupRows: 1 << 20})
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
