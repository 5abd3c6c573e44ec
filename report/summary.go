package report

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// counts holds how many findings there are of each severity.
type counts struct {
	total, errors, warnings, infos int
}

func countFindings(findings []model.Finding) counts {
	var c counts
	for _, f := range findings {
		c.total++
		switch f.Severity {
		case model.SeverityError:
			c.errors++
		case model.SeverityInfo:
			c.infos++
		default:
			c.warnings++
		}
	}
	return c
}

// plural is "1 error", "2 errors"; info is a mass noun ("3 info").
func plural(n int, word string) string {
	if n != 1 && word != "info" {
		word += "s"
	}
	return strconv.Itoa(n) + " " + word
}

// bySeverity is "1 error, 7 warnings, 3 info", leaving out severities with
// no finding.
func (c counts) bySeverity() string {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{c.errors, "error"}, {c.warnings, "warning"}, {c.infos, "info"}} {
		if p.n > 0 {
			parts = append(parts, plural(p.n, p.word))
		}
	}
	return strings.Join(parts, ", ")
}

// homeGroup is the findings of one home, in their order.
type homeGroup struct {
	home     string
	findings []model.Finding
}

// groupByHome groups the findings by home, homes in order of first
// appearance, findings in their order within each home.
func groupByHome(findings []model.Finding) []homeGroup {
	var groups []homeGroup
	index := map[string]int{}
	for _, f := range findings {
		i, ok := index[f.Home]
		if !ok {
			i = len(groups)
			index[f.Home] = i
			groups = append(groups, homeGroup{home: f.Home})
		}
		groups[i].findings = append(groups[i].findings, f)
	}
	return groups
}

// homes returns opt.Homes, or the homes of the findings when it is empty.
func (o Options) homes(findings []model.Finding) []string {
	if len(o.Homes) > 0 {
		return o.Homes
	}
	var out []string
	for _, g := range groupByHome(findings) {
		out = append(out, g.home)
	}
	return out
}

// summaryLine is "11 findings: 1 error, 7 warnings, 3 info in 2 homes", with
// "in 2 of 5 homes" when only some of the linted homes have findings, and
// "no findings in 5 homes" when there are none.
func summaryLine(findings []model.Finding, opt Options) string {
	c := countFindings(findings)
	linted := len(opt.homes(findings))
	withFindings := len(groupByHome(findings))
	if c.total == 0 {
		if linted == 0 {
			return "no findings"
		}
		return "no findings in " + plural(linted, "home")
	}
	s := plural(c.total, "finding") + ": " + c.bySeverity() + " in "
	if linted > withFindings {
		return s + strconv.Itoa(withFindings) + " of " + plural(linted, "home")
	}
	return s + plural(withFindings, "home")
}

// explainRule is the rule a hint to `explain` names: that of the first error,
// else of the first finding; "" when there are none.
func explainRule(findings []model.Finding) string {
	for _, f := range findings {
		if f.Severity == model.SeverityError {
			return f.Rule
		}
	}
	if len(findings) > 0 {
		return findings[0].Rule
	}
	return ""
}

// repoPath is filePath with opt.PathPrefix joined in front of a relative
// path, for the formats that repository tools read.
func repoPath(f model.Finding, opt Options) string {
	p := filePath(f)
	if p == "" || opt.PathPrefix == "" || strings.HasPrefix(p, "/") || isDrivePath(p) {
		return p
	}
	return path.Join(strings.ReplaceAll(opt.PathPrefix, `\`, "/"), p)
}

// fingerprintKey names the partialFingerprints entry of sarif results.
const fingerprintKey = "wso2lint/v1"

// fingerprints gives each finding a fingerprint that stays the same when
// lines are inserted or removed elsewhere in its file: a SHA-256 over the rule
// ID, the file, what is at the finding (the source line with its white space
// collapsed, else the element path, else the message) and the occurrence
// index among the earlier findings with the same three, in hex. The line
// number is left out on purpose.
func fingerprints(findings []model.Finding, opt Options) []string {
	out := make([]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		file := filePath(f)
		content := ""
		if opt.Source != nil && f.Pos.Line > 0 && file != "" {
			if line, ok := opt.Source(file, f.Pos.Line); ok {
				content = "line\x00" + strings.Join(strings.Fields(line), " ")
			}
		}
		if content == "" && f.Pos.Path != "" {
			content = "path\x00" + f.Pos.Path
		}
		if content == "" {
			content = "message\x00" + f.Message
		}
		key := f.Rule + "\x00" + file + "\x00" + content
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}
