package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: lineread FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineread:", err)
		os.Exit(1)
	}
	defer f.Close()
	lines, bytes, err := count(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lineread:", err)
		os.Exit(1)
	}
	fmt.Printf("%d lines, %d bytes\n", lines, bytes)
}

// count reads r line by line and returns how many lines and bytes, line feeds left out,
// it read.
func count(r io.Reader) (lines, bytes int64, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		lines++
		bytes += int64(len(sc.Bytes()))
	}
	return lines, bytes, sc.Err()
}
