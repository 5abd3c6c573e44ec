package report

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// writeMarkdown writes GitHub-flavoured Markdown for a pull-request comment
// or $GITHUB_STEP_SUMMARY: a heading with the summary line, a table of the
// rules that have findings (rule linked to its documentation, severity,
// count), then the findings grouped by file, files in order of first
// appearance, each a table of line, severity, rule and message. Every piece
// of text from the configuration is escaped, so that "|", backticks, "<",
// "[" or a newline in a message can neither break the table nor add markup.
func writeMarkdown(b *bufio.Writer, findings []model.Finding, opt Options) error {
	b.WriteString("### " + escapeMarkdown(opt.toolName()) + ": " + summaryLine(findings, opt) + "\n")
	if len(findings) == 0 {
		return nil
	}
	b.WriteString("\n| Rule | Severity | Findings |\n|---|---|---:|\n")
	var order []string
	count := map[string]int{}
	sev := map[string]model.Severity{}
	for _, f := range findings {
		if _, ok := count[f.Rule]; !ok {
			order = append(order, f.Rule)
			sev[f.Rule] = f.Severity
		}
		count[f.Rule]++
	}
	for _, id := range order {
		b.WriteString("| " + markdownRule(id, opt, true) + " | " + sev[id].String() + " | " + strconv.Itoa(count[id]) + " |\n")
	}
	var files []string
	byFile := map[string][]model.Finding{}
	for _, f := range findings {
		p := repoPath(f, opt)
		if _, ok := byFile[p]; !ok {
			files = append(files, p)
		}
		byFile[p] = append(byFile[p], f)
	}
	for _, p := range files {
		name := escapeMarkdown(p)
		if p == "" {
			name = "(no file)"
		}
		b.WriteString("\n#### " + name + "\n\n| Line | Severity | Rule | Message |\n|---:|---|---|---|\n")
		for _, f := range byFile[p] {
			line := ""
			if f.Pos.Line > 0 {
				line = strconv.Itoa(f.Pos.Line)
				if f.Pos.Col > 0 {
					line += ":" + strconv.Itoa(f.Pos.Col)
				}
			}
			msg := escapeMarkdown(f.Message)
			if f.Host != "" {
				msg += " (host " + escapeMarkdown(f.Host) + ")"
			}
			b.WriteString("| " + line + " | " + f.Severity.String() + " | " + markdownRule(f.Rule, opt, false) + " | " + msg + " |\n")
		}
	}
	if id := explainRule(findings); id != "" {
		b.WriteString("\nRun `" + opt.toolName() + " explain " + strings.Trim(escapeControl(id), "`") + "` for the details of a rule.\n")
	}
	return nil
}

// markdownRule is the rule ID linked to its documentation when known, with
// its name when withName is set.
func markdownRule(id string, opt Options, withName bool) string {
	s := escapeMarkdown(id)
	i := opt.rule(id)
	if i < 0 {
		return s
	}
	r := opt.Rules[i]
	if r.DocURL != "" {
		s = "[" + s + "](" + escapeMarkdownURL(r.DocURL) + ")"
	}
	if withName && r.Name != "" {
		s += " " + escapeMarkdown(r.Name)
	}
	return s
}

// escapeMarkdown makes s inert inline Markdown: control characters become Go
// escapes (a newline "\n"), "&", "<" and ">" become entities (no HTML), and
// the characters that start inline markup or end a table cell or heading
// (backslash, backtick, "*", "_", "[", "]", "|", "~", "#") get a backslash.
func escapeMarkdown(s string) string {
	s = escapeControl(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '|', '~', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeMarkdownURL keeps a link destination inside its parentheses.
func escapeMarkdownURL(u string) string {
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(u)
}
