package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(2)
	}
}

// run parses the flags and writes the export.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.users, "users", 2_000_000, "users to draw sessions from")
	fs.IntVar(&o.rows, "rows", 10_000_000, "rows to write")
	fs.IntVar(&o.names, "names", 300, "distinct event names (at least the shop's 12)")
	fs.IntVar(&o.active, "active", 100_000, "sessions under way at once: how far apart a user's rows are")
	fs.StringVar(&o.ids, "ids", "uuid", "identities: uuid (36 bytes), ga4 (21 bytes) or short (u123)")
	fs.StringVar(&o.times, "times", "millis", "times: millis (RFC 3339 with milliseconds), seconds (RFC 3339) or micros (Unix epoch)")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the random generator")
	out := fs.String("o", "-", `file to write; "-" is standard output`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := o.check(); err != nil {
		return err
	}
	w := stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := write(bw, o); err != nil {
		return err
	}
	return bw.Flush()
}
