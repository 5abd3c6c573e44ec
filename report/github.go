package report

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// writeGitHub writes one GitHub Actions workflow command per finding:
//
//	::error file=F,line=L,col=C,title=WL101 port-collision::message
//
// The command is error, warning or notice; line and col are left out when
// unknown (0), and file when the finding has no location. The title is the
// rule ID followed by its name when the rule is in opt.Rules. Data and
// properties are escaped as the runner expects ("%", CR and LF; in properties
// also ":" and ","), so a hostile message cannot start a second command.
func writeGitHub(b *bytes.Buffer, findings []model.Finding, opt Options) error {
	for _, f := range findings {
		b.WriteString("::" + githubCommand(f.Severity))
		var props []string
		if p := filePath(f); p != "" {
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
	return nil
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
