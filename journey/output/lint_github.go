package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// printLintGitHub writes each diagnostic as a GitHub Actions workflow command, so that it
// shows as an annotation on the pull request.
func printLintGitHub(w io.Writer, r LintResult, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", d.Severity,
			escapeProperty(d.File), d.Line, d.Column, escapeProperty(d.Rule), escapeData(d.Message))
	}
	return bw.Flush()
}

// dataEscaper escapes a workflow command's message as the Actions toolkit does.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// propertyEscaper escapes a workflow command's property value, which also may not hold the
// separators : and ,.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
