package output

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"

	"github.com/journey-cx/journey/journey"
)

// SARIF 2.1.0 document, reduced to what code-scanning tools read. Structs (not maps) keep
// the key order fixed.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string      `json:"id"`
		ShortDescription sarifText   `json:"shortDescription"`
		HelpURI          string      `json:"helpUri"`
		Default          sarifConfig `json:"defaultConfiguration"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		Physical sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		Artifact sarifArtifact `json:"artifactLocation"`
		Region   *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// rulesDocURI is where the rules are documented.
const rulesDocURI = "https://github.com/journey-cx/journey/blob/main/docs/rules.md"

// printLintSARIF writes the diagnostics as a SARIF 2.1.0 log whose driver lists every rule.
// Columns count Unicode code points, as the YAML parser does, which the run declares.
func printLintSARIF(w io.Writer, r LintResult, _ Options) error {
	driver := sarifDriver{Name: "journey", InformationURI: rulesDocURI}
	index := map[string]int{}
	for i, rule := range journey.Rules() {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{ID: rule.ID,
			ShortDescription: sarifText{Text: rule.Summary}, HelpURI: rulesDocURI + "#" + rule.ID, Default: sarifConfig{Level: rule.Severity.String()}})
	}
	results := make([]sarifResult, 0, len(r.Diagnostics))
	for _, d := range r.Diagnostics {
		results = append(results, sarifResult{RuleID: d.Rule, RuleIndex: index[d.Rule], Level: d.Severity.String(),
			Message: sarifText{Text: d.Message}, Locations: []sarifLocation{{Physical: physical(d)}}})
	}
	log := sarifLog{Version: "2.1.0", Schema: "https://json.schemastore.org/sarif-2.1.0.json",
		Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: results}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// physical is where a diagnostic is: its file as a URI reference (a path with spaces, % or
// letters beyond ASCII percent-encoded, as SARIF requires a valid URI), line and column.
func physical(d journey.Diagnostic) sarifPhysical {
	uri := (&url.URL{Path: filepath.ToSlash(d.File)}).String()
	p := sarifPhysical{Artifact: sarifArtifact{URI: uri}}
	if d.Line > 0 {
		p.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Column}
	}
	return p
}
