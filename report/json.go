package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/wso2lint/wso2lint/internal/model"
)

// writeJSON writes the json format: {"findings": [...]} with two-space
// indentation and a final newline, each finding
//
//	{"rule", "severity", "message", "home", "file", "line", "column",
//	 "host" (when the finding has one)}
//
// with File relative to Home and Line and Column 0 when unknown. The array
// is never null: no findings give "findings": []. It is written as it is
// made (see jsonWriter), so that a run over many homes never holds it whole.
func writeJSON(w io.Writer, findings []model.Finding, _ Options) error {
	return writeFindingsJSON(w, findings)
}

func writeFindingsJSON(w io.Writer, findings []model.Finding) error {
	j := newJSONWriter(w)
	j.open('{')
	j.key("findings")
	j.open('[')
	for i := range findings {
		f := &findings[i]
		j.elem()
		j.open('{')
		j.str("rule", f.Rule)
		j.str("severity", f.Severity.String())
		j.str("message", f.Message)
		j.str("home", f.Home)
		j.str("file", f.Pos.File)
		j.int("line", f.Pos.Line)
		j.int("column", f.Pos.Col)
		j.strOmit("host", f.Host)
		j.close('}')
		j.flushIfFull()
	}
	j.close(']')
	j.close('}')
	return j.end()
}

// encodeJSON writes v indented by two spaces, without HTML escaping (so "<"
// stays "<"), followed by a newline.
func encodeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
