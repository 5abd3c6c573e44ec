package report

import (
	"bufio"
	"encoding/xml"
	"strconv"

	"github.com/wso2lint/wso2lint/internal/model"
)

// writeJUnit writes a JUnit XML report, the form CI systems (GitLab, Jenkins,
// Azure Pipelines) show as test results: one <testsuite> per home, in the
// order of opt.Homes (else of the findings), and in it one failing <testcase>
// per finding, named "ID name at FILE:LINE:COL", whose <failure> holds the
// finding as the text format writes it. A home without findings has one
// passing test case, so that a clean run still shows every home.
func writeJUnit(b *bufio.Writer, findings []model.Finding, opt Options) error {
	groups := groupByHome(findings)
	byHome := map[string][]model.Finding{}
	for _, g := range groups {
		byHome[g.home] = g.findings
	}
	homes := opt.homes(findings)
	// Homes with findings that opt.Homes does not list still get a suite.
	listed := map[string]bool{}
	for _, h := range homes {
		listed[h] = true
	}
	for _, g := range groups {
		if !listed[g.home] {
			homes = append(homes, g.home)
		}
	}
	tests := 0
	for _, h := range homes {
		tests += max(1, len(byHome[h]))
	}
	b.WriteString(xml.Header[:len(xml.Header)-1])
	b.WriteString("\n<testsuites name=\"")
	escapeXML(b, opt.toolName())
	b.WriteString("\" tests=\"" + strconv.Itoa(tests) + "\" failures=\"" + strconv.Itoa(len(findings)) + "\" errors=\"0\">\n")
	for _, h := range homes {
		fs := byHome[h]
		b.WriteString("  <testsuite name=\"")
		escapeXML(b, h)
		b.WriteString("\" tests=\"" + strconv.Itoa(max(1, len(fs))) + "\" failures=\"" + strconv.Itoa(len(fs)) + "\" errors=\"0\" skipped=\"0\">\n")
		if len(fs) == 0 {
			b.WriteString("    <testcase classname=\"")
			escapeXML(b, h)
			b.WriteString("\" name=\"")
			escapeXML(b, opt.toolName()+": no findings")
			b.WriteString("\"/>\n")
		}
		for _, f := range fs {
			loc := repoLocation(f, opt)
			name := f.Rule
			if i := opt.rule(f.Rule); i >= 0 && opt.Rules[i].Name != "" {
				name += " " + opt.Rules[i].Name
			}
			if loc != "" {
				name += " at " + loc
			}
			b.WriteString("    <testcase classname=\"")
			escapeXML(b, h)
			b.WriteString("\" name=\"")
			escapeXML(b, name)
			b.WriteString("\">\n      <failure message=\"")
			escapeXML(b, f.Message)
			b.WriteString("\" type=\"" + f.Severity.String() + "\">")
			escapeXML(b, loc+": "+f.Severity.String()+": "+f.Message+" ["+f.Rule+"]")
			b.WriteString("</failure>\n    </testcase>\n")
		}
		b.WriteString("  </testsuite>\n")
	}
	b.WriteString("</testsuites>\n")
	return nil
}

// repoLocation is "file:line:col", "file:line" or "file" with the file as
// repoPath gives it.
func repoLocation(f model.Finding, opt Options) string {
	s := repoPath(f, opt)
	if f.Pos.Line > 0 {
		s += ":" + strconv.Itoa(f.Pos.Line)
		if f.Pos.Col > 0 {
			s += ":" + strconv.Itoa(f.Pos.Col)
		}
	}
	return s
}
