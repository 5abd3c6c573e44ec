package report

import (
	"bufio"
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
	ansiBold   = "\x1b[1m"
)

// writeText writes the findings grouped by home (homes in order of first
// appearance; a "# HOME (N findings: ...)" line heads each group when there
// are several), then a summary line ("11 findings: 1 error, 7 warnings, 3
// info in 2 homes") and, when there are findings, a hint to `explain`.
//
// With opt.Width zero (not a terminal) each finding is one line, "FILE:LINE:COL:
// SEVERITY: MESSAGE [ID]", followed by " (host NAME)" when opt.ShowHost is set
// and the finding names its host, with LINE and COL left out when unknown (0).
// With opt.Width positive the line is wrapped to the width and followed, when
// opt.Source knows it, by the source line and a caret under the column, as
// compilers print them.
//
// Control characters in the message (a newline, or an escape sequence copied
// from a configuration value) are written as Go escapes, so that a finding
// cannot drive the terminal.
func writeText(b *bufio.Writer, findings []model.Finding, opt Options) error {
	groups := groupByHome(findings)
	for i, g := range groups {
		if i > 0 && opt.Width <= 0 {
			b.WriteByte('\n') // a blank line ends each finding on a terminal
		}
		if len(groups) > 1 {
			c := countFindings(g.findings)
			head := "# " + escapeControl(g.home) + " (" + plural(c.total, "finding") + ": " + c.bySeverity() + ")"
			if opt.Color {
				head = ansiBold + head + ansiReset
			}
			b.WriteString(head + "\n")
		}
		for _, f := range g.findings {
			line := textFinding(f, opt)
			if opt.Width <= 0 {
				b.WriteString(line + "\n")
				continue
			}
			b.WriteString(wrapText(line, opt.Width, "    "))
			writeSnippet(b, f, opt)
			b.WriteByte('\n')
		}
	}
	if len(findings) > 0 && opt.Width <= 0 {
		b.WriteByte('\n')
	}
	sum := summaryLine(findings, opt)
	if opt.Color {
		sum = ansiBold + sum + ansiReset
	}
	b.WriteString(sum + "\n")
	if id := explainRule(findings); id != "" {
		b.WriteString("run `" + opt.toolName() + " explain " + escapeControl(id) + "` for the details of a rule\n")
	}
	return nil
}

// textFinding is the one-line form of a finding, without a newline.
func textFinding(f model.Finding, opt Options) string {
	var b strings.Builder
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
	return b.String()
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
