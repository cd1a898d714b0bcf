// Command lineread is the plain line-by-line read journey analyze is measured against: it
// reads a file with bufio.Scanner, as a first Go program over an event file would, and
// prints how many lines and bytes it read. Lines may be up to 1 MiB, as rows may in
// journey. It does nothing with the lines, so it is a floor for any reader that looks at
// every line.
//
//	go build -o bin/lineread ./bench/lineread && bin/lineread big.csv
package main
