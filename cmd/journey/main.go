// Command journey lints, analyzes and renders customer journey maps kept as code.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
