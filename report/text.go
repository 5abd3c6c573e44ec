package report

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/wso2lint/wso2lint/internal/model"
)

// ANSI escape sequences of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
)

// writeText writes one line per finding, "FILE:LINE:COL: SEVERITY: MESSAGE
// [ID]", followed by " (host NAME)" when opt.ShowHost is set and the finding
// names its host, with LINE and COL left out when unknown (0), and nothing else: no
// header and no summary. Control characters in the message (a newline, or an
// escape sequence copied from a configuration value) are written as Go
// escapes, so each finding stays on one line and cannot drive the terminal.
func writeText(b *bytes.Buffer, findings []model.Finding, opt Options) error {
	for _, f := range findings {
		b.WriteString(textLocation(f))
		b.WriteString(": ")
		sev := f.Severity.String()
		if opt.Color {
			b.WriteString(severityColor(f.Severity) + sev + ansiReset)
		} else {
			b.WriteString(sev)
		}
		b.WriteString(": ")
		b.WriteString(escapeControl(f.Message))
		b.WriteString(" ")
		id := "[" + escapeControl(f.Rule) + "]"
		if opt.Color {
			b.WriteString(ansiDim + id + ansiReset)
		} else {
			b.WriteString(id)
		}
		if opt.ShowHost && f.Host != "" {
			b.WriteString(" (host " + escapeControl(f.Host) + ")")
		}
		b.WriteByte('\n')
	}
	return nil
}

// textLocation is "file:line:col", "file:line" or "file", with the file
// joined to the home.
func textLocation(f model.Finding) string {
	s := escapeControl(filePath(f))
	if f.Pos.Line > 0 {
		s += ":" + strconv.Itoa(f.Pos.Line)
		if f.Pos.Col > 0 {
			s += ":" + strconv.Itoa(f.Pos.Col)
		}
	}
	return s
}

func severityColor(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return ansiRed
	case model.SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}

// escapeControl replaces control characters with their Go escapes ("\n",
// "\x1b") and leaves everything else, including non-ASCII letters, as it is.
func escapeControl(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r) // "'\n'", "'\x1b'", "'\u0085'"
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
