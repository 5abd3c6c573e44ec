package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"

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

// encodeJSONMembers writes the n values member(i) as the members of a JSON
// array whose "[" is already written, at nesting depth depth, and then the
// array's "]": byte for byte what encodeJSON writes for the array inside the
// whole document (one member per line, two spaces per level, [] when n is 0).
// Each member is encoded on its own, so that a long array is never held
// whole in memory.
func encodeJSONMembers(b *bufio.Writer, depth, n int, member func(i int) any) error {
	if n == 0 {
		b.WriteByte(']')
		return nil
	}
	indent := strings.Repeat("  ", depth+1)
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	enc.SetIndent(indent, "  ")
	for i := range n {
		one.Reset()
		if err := enc.Encode(member(i)); err != nil {
			return err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		b.WriteString(indent)
		b.Write(bytes.TrimSuffix(one.Bytes(), []byte{'\n'})) // Encode ends the value with a newline
	}
	b.WriteByte('\n')
	b.WriteString(indent[2:])
	b.WriteByte(']')
	return nil
}
