package report

import (
	"bufio"
	"strconv"

	"github.com/wso2lint/wso2lint/internal/model"
)

// gitlabIssue is one entry of a GitLab Code Quality report (a subset of the
// Code Climate issue format: GitLab requires description, check_name,
// fingerprint, severity, location.path and location.lines.begin).
type gitlabIssue struct {
	Type        string         `json:"type"`
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Categories  []string       `json:"categories"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// writeGitLab writes a GitLab Code Quality report: a JSON array with one issue
// per finding, in order. The description is "ID: message"; the fingerprint is
// that of the sarif format (stable when lines are inserted above); the path is
// the home-joined file behind opt.PathPrefix; a finding without a line points
// at line 1, as GitLab needs a line. Severity: an error is critical (blocker
// for a security rule scored 9.0 or more), a warning major, info info.
func writeGitLab(b *bufio.Writer, findings []model.Finding, opt Options) error {
	prints := fingerprints(findings, opt)
	b.WriteByte('[')
	err := encodeJSONMembers(b, 0, len(findings), func(i int) any {
		f := findings[i]
		line := f.Pos.Line
		if line < 1 {
			line = 1
		}
		sec := ""
		if r := opt.rule(f.Rule); r >= 0 {
			sec = opt.Rules[r].SecuritySeverity
		}
		cat := "Bug Risk"
		if sec != "" {
			cat = "Security"
		}
		return gitlabIssue{
			Type:        "issue",
			Description: f.Rule + ": " + f.Message,
			CheckName:   f.Rule,
			Fingerprint: prints[i],
			Severity:    gitlabSeverity(f.Severity, sec),
			Categories:  []string{cat},
			Location:    gitlabLocation{Path: repoPath(f, opt), Lines: gitlabLines{Begin: line}},
		}
	})
	b.WriteByte('\n')
	return err
}

func gitlabSeverity(s model.Severity, security string) string {
	switch s {
	case model.SeverityError:
		if v, err := strconv.ParseFloat(security, 64); err == nil && v >= 9 {
			return "blocker"
		}
		return "critical"
	case model.SeverityInfo:
		return "info"
	}
	return "major"
}
