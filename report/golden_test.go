package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
)

// hostile is a message with every character some format must escape.
const hostile = "value \"a<b>&c\" is 50% off, host: x\r\ny 'q' ::error::boom\x1b[31m"

func testRules() []RuleInfo {
	return []RuleInfo{
		{ID: "WL101", Name: "port-collision", Title: "two listeners claim one port", Doc: "Two enabled listeners of one host claim the same port.\n\nSet a **different** port offset.", Severity: model.SeverityError,
			DocURL: "https://example.org/rules.md#wl101-port-collision"},
		{ID: "WL307", Name: "hostname-unset", Title: "hostname is not set", Doc: "Set `HostName` in carbon.xml.", Severity: model.SeverityWarning,
			DocURL: "https://example.org/rules.md#wl307-hostname-unset", SecuritySeverity: "9.1"},
		{ID: "WL308", Name: "no-doc", Title: "rule with no doc", Severity: model.SeverityInfo},
	}
}

func testFindings() []model.Finding {
	return []model.Finding{
		{Rule: "WL101", Severity: model.SeverityError, Message: "port 9443 of servlet-https collides with testdata/is", Home: "testdata/apim",
			Pos: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 80, Col: 9, Path: "/Server/Service/Connector[@port]"}},
		{Rule: "WL307", Severity: model.SeverityWarning, Message: hostile, Home: "./homes/is",
			Pos: model.Pos{File: "repository/conf/carbon.xml", Line: 12, Path: "/Server/HostName"}},
		{Rule: "WL900", Severity: model.SeverityInfo, Message: "rule unknown to the report options", Home: ".",
			Pos: model.Pos{File: "conf/deployment.toml"}},
		{Rule: "WL101", Severity: model.SeverityError, Message: "port 9763 of servlet-http collides with testdata/is", Home: "testdata/apim",
			Pos: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 95, Col: 9}},
		{Rule: "WL308", Severity: model.SeverityInfo, Message: "odd home, with a comma", Home: "my homes/wso2am:1,2",
			Pos: model.Pos{File: "bin/wso2server.sh", Line: 3, Col: 1}},
	}
}

func testOptions() Options {
	return Options{ToolName: "wso2lint", ToolVersion: "v1.2.3", RuleSetVersion: "2024.1", Rules: testRules(), InfoURI: "https://github.com/wso2lint/wso2lint"}
}

func goldenExt(format string) string {
	switch format {
	case "json", "sarif", "gitlab":
		return ".json.golden"
	case "checkstyle", "junit":
		return ".xml.golden"
	case "markdown":
		return ".md.golden"
	}
	return ".txt.golden"
}

func TestGolden(t *testing.T) {
	color := testOptions()
	color.Color = true
	terminal := testOptions()
	terminal.Width = 60
	terminal.Source = testSource
	terminalColor := terminal
	terminalColor.Color = true
	prefix := testOptions()
	prefix.PathPrefix = "deploy"
	prefix.Category = "wso2lint-prod"
	prefix.Source = testSource
	homes := testOptions()
	homes.Homes = []string{"testdata/apim", "testdata/is", "testdata/ei"}
	cases := []struct {
		name     string
		findings []model.Finding
		opt      Options
		formats  []string
	}{
		{"findings", testFindings(), testOptions(), Formats()},
		{"empty", nil, testOptions(), Formats()},
		{"color", testFindings(), color, []string{"text"}},
		{"terminal", testFindings(), terminal, []string{"text"}},
		{"terminal-color", testFindings(), terminalColor, []string{"text"}},
		{"prefix", testFindings(), prefix, []string{"sarif", "gitlab", "github", "checkstyle", "junit", "markdown"}},
		{"homes", testFindings()[:1], homes, []string{"text", "junit", "markdown"}},
		{"many", manyFindings(), testOptions(), []string{"github", "text"}},
	}
	for _, tc := range cases {
		for _, format := range tc.formats {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := Write(&b, format, tc.findings, tc.opt); err != nil {
					t.Fatalf("Write: %v", err)
				}
				golden.Check(t, filepath.Join("testdata", tc.name+"."+format+goldenExt(format)), b.Bytes())
			})
		}
	}
}

// testSource is the source of the test findings' files: a tab-indented line
// with a multi-byte character before the column, a line with a control
// character, and a line too long to show whole.
func testSource(path string, n int) (string, bool) {
	switch {
	case path == "testdata/apim/repository/conf/tomcat/catalina-server.xml" && n == 80:
		return "\t<!-- é -->\t<Connector port=\"9443\"", true
	case path == "testdata/apim/repository/conf/tomcat/catalina-server.xml" && n == 95:
		return "    <Connector\x1b[31m port=\"9763\" " + strings.Repeat("x", 200), true
	case path == "homes/is/repository/conf/carbon.xml" && n == 12:
		return "  <HostName>localhost</HostName>", true
	case path == "my homes/wso2am:1,2/bin/wso2server.sh" && n == 3:
		return strings.Repeat("y", 150) + "z", true
	}
	return "", false
}

// manyFindings has more errors, warnings and notices than GitHub annotates in
// one step.
func manyFindings() []model.Finding {
	var out []model.Finding
	for i := 1; i <= 12; i++ {
		out = append(out,
			model.Finding{Rule: "WL101", Severity: model.SeverityError, Message: fmt.Sprintf("error %d", i), Home: "h", Pos: model.Pos{File: "a.xml", Line: i, Col: 1}},
			model.Finding{Rule: "WL307", Severity: model.SeverityWarning, Message: fmt.Sprintf("warning %d", i), Home: "h", Pos: model.Pos{File: "b.xml", Line: i}})
	}
	for i := 1; i <= 10; i++ {
		out = append(out, model.Finding{Rule: "WL308", Severity: model.SeverityInfo, Message: fmt.Sprintf("note %d", i), Home: "::error h2", Pos: model.Pos{File: "c.xml", Line: i}})
	}
	return out
}
