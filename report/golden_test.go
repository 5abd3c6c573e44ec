package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
)

// hostile is a message with every character some format must escape.
const hostile = "value \"a<b>&c\" is 50% off, host: x\r\ny 'q' ::error::boom\x1b[31m"

func testRules() []RuleInfo {
	return []RuleInfo{
		{ID: "WL101", Name: "port-collision", Title: "two listeners claim one port", Doc: "Two enabled listeners of one host claim the same port.\n\nSet a **different** port offset.", Severity: model.SeverityError},
		{ID: "WL307", Name: "hostname-unset", Title: "hostname is not set", Doc: "Set `HostName` in carbon.xml.", Severity: model.SeverityWarning},
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
	case "json", "sarif":
		return ".json.golden"
	case "checkstyle":
		return ".xml.golden"
	}
	return ".txt.golden"
}

func TestGolden(t *testing.T) {
	color := testOptions()
	color.Color = true
	cases := []struct {
		name     string
		findings []model.Finding
		opt      Options
		formats  []string
	}{
		{"findings", testFindings(), testOptions(), Formats()},
		{"empty", nil, testOptions(), Formats()},
		{"color", testFindings(), color, []string{"text"}},
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
