package report

import (
	"bytes"
	"encoding/json"

	"github.com/wso2lint/wso2lint/internal/model"
)

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
}

// jsonFinding is one finding of the json format. File is relative to Home;
// Line and Column are 0 when unknown.
type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Home     string `json:"home"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	// Host is the host of the home, when the configuration names hosts.
	Host string `json:"host,omitempty"`
}

// writeJSON writes {"findings":[...]} with two-space indentation and a final
// newline. The array is never null: no findings give "findings": [].
func writeJSON(b *bytes.Buffer, findings []model.Finding, _ Options) error {
	r := jsonReport{Findings: make([]jsonFinding, 0, len(findings))}
	for _, f := range findings {
		r.Findings = append(r.Findings, jsonFinding{
			Rule:     f.Rule,
			Severity: f.Severity.String(),
			Message:  f.Message,
			Home:     f.Home,
			File:     f.Pos.File,
			Line:     f.Pos.Line,
			Column:   f.Pos.Col,
			Host:     f.Host,
		})
	}
	return encodeJSON(b, r)
}

// encodeJSON writes v indented by two spaces, without HTML escaping (so "<"
// stays "<"), followed by a newline.
func encodeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
