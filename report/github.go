package report

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// githubAnnotationsPerLevel is how many annotations of each level (error,
// warning, notice) GitHub shows for one step; it drops the rest silently.
// https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md
// ("10 warning annotations, 10 error annotations, and 10 notice annotations
// per step").
const githubAnnotationsPerLevel = 10

// writeGitHub writes one GitHub Actions workflow command per finding:
//
//	::error file=F,line=L,col=C,title=WL101 port-collision::message
//
// The command is error, warning or notice; line and col are left out when
// unknown (0), and file when the finding has no location. The title is the
// rule ID followed by its name when the rule is in opt.Rules. Data and
// properties are escaped as the runner expects ("%", CR and LF; in properties
// also ":" and ","), so a hostile message cannot start a second command.
//
// GitHub shows at most ten annotations of each level per step. Past that, the
// findings of a level are written as plain log lines (as the text format
// writes them), and a last ::notice counts them, so that none is lost without
// a word; the notices then keep one place free for it.
func writeGitHub(b *bufio.Writer, findings []model.Finding, opt Options) error {
	total := map[string]int{}
	for _, f := range findings {
		total[githubCommand(f.Severity)]++
	}
	limit := map[string]int{"error": githubAnnotationsPerLevel, "warning": githubAnnotationsPerLevel, "notice": githubAnnotationsPerLevel}
	over := false
	for level, n := range total {
		over = over || n > limit[level]
	}
	if over {
		limit["notice"]--
	}
	shown := map[string]int{}
	var hidden []model.Finding
	for _, f := range findings {
		cmd := githubCommand(f.Severity)
		if shown[cmd] >= limit[cmd] {
			hidden = append(hidden, f)
			b.WriteString(escapeGitHubLine(textLocation(f) + ": " + f.Severity.String() + ": " + escapeControl(f.Message) + " [" + escapeControl(f.Rule) + "]"))
			b.WriteByte('\n')
			continue
		}
		shown[cmd]++
		b.WriteString("::" + cmd)
		var props []string
		if p := repoPath(f, opt); p != "" {
			props = append(props, "file="+escapeGitHubProperty(p))
		}
		if f.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Pos.Line))
			if f.Pos.Col > 0 {
				props = append(props, "col="+strconv.Itoa(f.Pos.Col))
			}
		}
		title := f.Rule
		if i := opt.rule(f.Rule); i >= 0 && opt.Rules[i].Name != "" {
			title += " " + opt.Rules[i].Name
		}
		props = append(props, "title="+escapeGitHubProperty(title))
		b.WriteString(" " + strings.Join(props, ","))
		b.WriteString("::" + escapeGitHubData(f.Message) + "\n")
	}
	if len(hidden) > 0 {
		c := countFindings(hidden)
		msg := plural(c.total, "more finding") + " (" + c.bySeverity() + ") than GitHub shows as annotations (" +
			strconv.Itoa(githubAnnotationsPerLevel) + " of each level per step) are in the log above; " +
			summaryLine(findings, opt) + ". Write all of them with --output sarif=FILE or --output markdown=$GITHUB_STEP_SUMMARY."
		b.WriteString("::notice title=" + escapeGitHubProperty(opt.toolName()+": "+plural(c.total, "finding")+" not annotated") + "::" + escapeGitHubData(msg) + "\n")
	}
	return nil
}

// escapeGitHubLine keeps a plain log line, which starts with a relative
// path, from being read as a workflow command: the runner takes a line
// starting with "::" (after white space) as one, so such a path gets "./" in
// front, which names the same file.
func escapeGitHubLine(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "::") {
		return "./" + strings.TrimLeft(s, " \t")
	}
	return s
}

func githubCommand(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return "error"
	case model.SeverityInfo:
		return "notice"
	}
	return "warning"
}

// escapeGitHubData escapes the message of a workflow command.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes a property value of a workflow command.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
