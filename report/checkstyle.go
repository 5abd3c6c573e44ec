package report

import (
	"bufio"
	"encoding/xml"
	"strconv"

	"github.com/wso2lint/wso2lint/internal/model"
)

// writeCheckstyle writes Checkstyle 4.3 XML: one <file> per file, in order of
// first appearance, holding that file's <error> elements in input order. The
// file name is joined to the home (and behind opt.PathPrefix); line and column attributes are left out
// when unknown (0); severity is error, warning or info; source is
// "<tool>.<rule ID>". Text is XML-escaped, newlines included, and characters
// XML cannot carry become U+FFFD.
func writeCheckstyle(b *bufio.Writer, findings []model.Finding, opt Options) error {
	b.WriteString(xml.Header[:len(xml.Header)-1])
	b.WriteString("\n<checkstyle version=\"4.3\">\n")
	var order []string
	byFile := map[string][]model.Finding{}
	for _, f := range findings {
		name := repoPath(f, opt)
		if _, ok := byFile[name]; !ok {
			order = append(order, name)
		}
		byFile[name] = append(byFile[name], f)
	}
	for _, name := range order {
		b.WriteString("  <file name=\"")
		escapeXML(b, name)
		b.WriteString("\">\n")
		for _, f := range byFile[name] {
			b.WriteString("    <error")
			if f.Pos.Line > 0 {
				b.WriteString(" line=\"" + strconv.Itoa(f.Pos.Line) + "\"")
				if f.Pos.Col > 0 {
					b.WriteString(" column=\"" + strconv.Itoa(f.Pos.Col) + "\"")
				}
			}
			b.WriteString(" severity=\"" + f.Severity.String() + "\" message=\"")
			escapeXML(b, f.Message)
			b.WriteString("\" source=\"")
			escapeXML(b, opt.toolName()+"."+f.Rule)
			b.WriteString("\"/>\n")
		}
		b.WriteString("  </file>\n")
	}
	b.WriteString("</checkstyle>\n")
	return nil
}

// escapeXML writes s escaped for use in an attribute value or text.
func escapeXML(b *bufio.Writer, s string) {
	// xml.EscapeText only fails when its writer does; a bufio.Writer keeps
	// that error, and Write returns it when it flushes.
	_ = xml.EscapeText(b, []byte(s))
}
