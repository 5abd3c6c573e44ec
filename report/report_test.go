package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

func TestFormats(t *testing.T) {
	want := []string{"text", "json", "sarif", "checkstyle", "github", "gitlab", "junit", "markdown"}
	if diff := cmp.Diff(want, Formats()); diff != "" {
		t.Errorf("Formats mismatch (-want +got):\n%s", diff)
	}
	// The slice is the caller's to change.
	Formats()[0] = "changed"
	if got := Formats()[0]; got != "text" {
		t.Errorf("Formats()[0] = %q after a caller changed a returned slice", got)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, "xml", testFindings(), testOptions())
	if err == nil || !strings.Contains(err.Error(), `unknown output format "xml"`) || !strings.Contains(err.Error(), "checkstyle") {
		t.Errorf("Write(xml) error = %v, want one naming the format and the choices", err)
	}
	if b.Len() != 0 {
		t.Errorf("Write(xml) wrote %q", b.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, format := range Formats() {
		err := Write(failWriter{}, format, testFindings(), testOptions())
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("Write(%s) to a failing writer = %v, want the writer's error", format, err)
		}
	}
}

func TestFilePath(t *testing.T) {
	cases := []struct{ home, file, want string }{
		{"testdata/x", "repository/conf/carbon.xml", "testdata/x/repository/conf/carbon.xml"},
		{"./testdata/x/", "conf/a.xml", "testdata/x/conf/a.xml"},
		{".", "conf/a.xml", "conf/a.xml"},
		{"", "conf/a.xml", "conf/a.xml"},
		{"/opt/wso2am-2.6.0", "bin/wso2server.sh", "/opt/wso2am-2.6.0/bin/wso2server.sh"},
		{`C:\wso2\am`, "conf/a.xml", "C:/wso2/am/conf/a.xml"},
		{"../homes/is", "", "../homes/is"},
		{"", "", ""},
	}
	for _, tc := range cases {
		got := filePath(model.Finding{Home: tc.home, Pos: model.Pos{File: tc.file}})
		if got != tc.want {
			t.Errorf("filePath(%q, %q) = %q, want %q", tc.home, tc.file, got, tc.want)
		}
	}
}

func TestEscapeControl(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain ü text", "plain ü text"},
		{"a\nb", `a\nb`},
		{"a\r\n\tb", `a\r\n\tb`},
		{"\x1b[31mred", `\x1b[31mred`},
		{"nel\u0085", `nel\u0085`},
	}
	for _, tc := range cases {
		if got := escapeControl(tc.in); got != tc.want {
			t.Errorf("escapeControl(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGitHubEscape(t *testing.T) {
	cases := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"50%", "50%25", "50%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"%0A", "%250A", "%250A"},
	}
	for _, tc := range cases {
		if got := escapeGitHubData(tc.in); got != tc.data {
			t.Errorf("escapeGitHubData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeGitHubProperty(tc.in); got != tc.prop {
			t.Errorf("escapeGitHubProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestGitHubOneLinePerFinding(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "github", testFindings(), testOptions()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(testFindings()) {
		t.Fatalf("github wrote %d lines for %d findings:\n%s", len(lines), len(testFindings()), b.String())
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::warning ") && !strings.HasPrefix(l, "::notice ") {
			t.Errorf("line %q does not start a workflow command", l)
		}
	}
}

// findingLines returns the lines of text output that hold a finding (they
// name a rule in brackets), each with its newline, leaving out group headings,
// blank lines, the summary and the hint to explain.
func findingLines(text string) []string {
	var out []string
	for _, l := range strings.SplitAfter(text, "\n") {
		if strings.Contains(l, "[WL") {
			out = append(out, l)
		}
	}
	return out
}

func TestTextOneLinePerFinding(t *testing.T) {
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		opt := testOptions()
		opt.Color = color
		if err := Write(&b, "text", testFindings(), opt); err != nil {
			t.Fatal(err)
		}
		if n := len(findingLines(b.String())); n != len(testFindings()) {
			t.Errorf("color=%v: text wrote %d finding lines for %d findings:\n%s", color, n, len(testFindings()), b.String())
		}
		if !color && strings.Contains(b.String(), "\x1b") {
			t.Errorf("text without colour contains an escape character:\n%q", b.String())
		}
	}
}

func TestIsSemver(t *testing.T) {
	cases := []struct {
		v    string
		want bool
	}{
		{"1.2.3", true},
		{"v1.2.3", true},
		{"0.0.0-rc.1+build.5", true},
		{"1.2", false},
		{"01.2.3", false},
		{"1.2.3-", false},
		{"1.2.3-a..b", false},
		{"devel", false},
		{"", false},
		{"1.2.3+x_y", false},
	}
	for _, tc := range cases {
		if got := isSemver(tc.v); got != tc.want {
			t.Errorf("isSemver(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// TestJSONRoundTrip decodes the json output and checks it against the input,
// including the hostile message.
func TestJSONRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "json", testFindings(), testOptions()); err != nil {
		t.Fatal(err)
	}
	var got oracleFindings
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var want []oracleFinding
	for _, f := range testFindings() {
		want = append(want, oracleFinding{f.Rule, f.Severity.String(), f.Message, f.Home, f.Pos.File, f.Pos.Line, f.Pos.Col, f.Host})
	}
	if diff := cmp.Diff(want, got.Findings); diff != "" {
		t.Errorf("json round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestCheckstyleRoundTrip parses the checkstyle output and checks that each
// message survives escaping (XML cannot carry ESC, which becomes U+FFFD).
func TestCheckstyleRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "checkstyle", testFindings(), testOptions()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("checkstyle output is not XML: %v", err)
	}
	type row struct {
		File, Severity, Message, Source string
		Line, Column                    int
	}
	var got, want []row
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			got = append(got, row{f.Name, e.Severity, e.Message, e.Source, e.Line, e.Column})
		}
	}
	fs := testFindings()
	for _, i := range []int{0, 3, 1, 2, 4} { // grouped by file, in order of first appearance
		f := fs[i]
		want = append(want, row{filePath(f), f.Severity.String(), strings.ReplaceAll(f.Message, "\x1b", "\uFFFD"), "wso2lint." + f.Rule, f.Pos.Line, f.Pos.Col})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("checkstyle round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestSARIFResults(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "sarif", testFindings(), testOptions()); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	for i, r := range run.Results {
		f := testFindings()[i]
		if r.RuleID != f.Rule || r.Message.Text != f.Message {
			t.Errorf("result %d = %s %q, want %s %q", i, r.RuleID, r.Message.Text, f.Rule, f.Message)
		}
		if r.RuleIndex == nil {
			if f.Rule != "WL900" {
				t.Errorf("result %d (%s) has no ruleIndex", i, r.RuleID)
			}
			continue
		}
		if got := run.Tool.Driver.Rules[*r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("result %d: ruleIndex %d names %s, want %s", i, *r.RuleIndex, got, r.RuleID)
		}
	}
}

func TestSARIFLocation(t *testing.T) {
	cases := []struct {
		name   string
		f      model.Finding
		want   *sarifLocation
		prefix string // Options.PathPrefix
	}{
		{"path prefix", model.Finding{Home: "./h", Pos: model.Pos{File: "conf/a.xml", Line: 2}},
			&sarifLocation{sarifPhysical{sarifArtifact{"deploy/h/conf/a.xml", "%SRCROOT%"}, &sarifRegion{StartLine: 2}}}, "deploy/"},
		{"path prefix with backslashes", model.Finding{Home: "h", Pos: model.Pos{File: "a.xml"}},
			&sarifLocation{sarifPhysical{sarifArtifact{"infra/deploy/h/a.xml", "%SRCROOT%"}, nil}}, `infra\deploy`},
		{"path prefix leaves absolute paths", model.Finding{Home: "/opt/wso2", Pos: model.Pos{File: "c.xml"}},
			&sarifLocation{sarifPhysical{sarifArtifact{"file:///opt/wso2/c.xml", ""}, nil}}, "deploy"},
		{"relative with line and column", model.Finding{Home: "h", Pos: model.Pos{File: "conf/a.xml", Line: 2, Col: 5}},
			&sarifLocation{sarifPhysical{sarifArtifact{"h/conf/a.xml", "%SRCROOT%"}, &sarifRegion{StartLine: 2, StartColumn: 5}}}, ""},
		{"column without line gives no region", model.Finding{Home: "h", Pos: model.Pos{File: "a.xml", Col: 5}},
			&sarifLocation{sarifPhysical{sarifArtifact{"h/a.xml", "%SRCROOT%"}, nil}}, ""},
		{"escaped", model.Finding{Home: "my home", Pos: model.Pos{File: "a#b%c.xml", Line: 1}},
			&sarifLocation{sarifPhysical{sarifArtifact{"my%20home/a%23b%25c.xml", "%SRCROOT%"}, &sarifRegion{StartLine: 1}}}, ""},
		{"colon in first segment", model.Finding{Home: "a:b", Pos: model.Pos{File: "c.xml"}},
			&sarifLocation{sarifPhysical{sarifArtifact{"./a:b/c.xml", "%SRCROOT%"}, nil}}, ""},
		{"absolute home", model.Finding{Home: "/opt/wso2", Pos: model.Pos{File: "c.xml", Line: 1}},
			&sarifLocation{sarifPhysical{sarifArtifact{"file:///opt/wso2/c.xml", ""}, &sarifRegion{StartLine: 1}}}, ""},
		{"windows home", model.Finding{Home: `C:\wso2`, Pos: model.Pos{File: "c.xml"}},
			&sarifLocation{sarifPhysical{sarifArtifact{"file:///C:/wso2/c.xml", ""}, nil}}, ""},
		{"no location", model.Finding{}, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			loc, ok := sarifLocationOf(tc.f, Options{PathPrefix: tc.prefix})
			var got *sarifLocation
			if ok {
				got = &loc
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("location mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSARIFSemanticVersion(t *testing.T) {
	for _, tc := range []struct{ version, want string }{{"v0.3.0", "0.3.0"}, {"devel", ""}, {"", ""}} {
		opt := testOptions()
		opt.ToolVersion = tc.version
		var b bytes.Buffer
		if err := Write(&b, "sarif", nil, opt); err != nil {
			t.Fatal(err)
		}
		var log sarifLog
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		d := log.Runs[0].Tool.Driver
		if d.Version != tc.version || d.SemanticVersion != tc.want {
			t.Errorf("version %q: driver version %q, semanticVersion %q; want %q, %q", tc.version, d.Version, d.SemanticVersion, tc.version, tc.want)
		}
	}
}

// TestHostNamed checks that findings of named hosts say so: text only with
// ShowHost (single-host output stays as it was), json and sarif whenever a
// finding has a host, and not at all for findings without one.
func TestHostNamed(t *testing.T) {
	fs := []model.Finding{
		{Rule: "WL101", Severity: model.SeverityError, Message: "port 9443 collides", Home: "prod/a", Pos: model.Pos{File: "conf/carbon.xml", Line: 3, Col: 5}, Host: "prod-1"},
		{Rule: "WL102", Severity: model.SeverityWarning, Message: "m", Home: "dev/a", Pos: model.Pos{File: "conf/carbon.xml"}},
	}
	write := func(format string, opt Options) string {
		t.Helper()
		var b bytes.Buffer
		if err := Write(&b, format, fs, opt); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	opt := testOptions()
	if got, want := strings.Join(findingLines(write("text", opt)), ""), "prod/a/conf/carbon.xml:3:5: error: port 9443 collides [WL101]\ndev/a/conf/carbon.xml: warning: m [WL102]\n"; got != want {
		t.Errorf("text without ShowHost:\n got %q\nwant %q", got, want)
	}
	opt.ShowHost = true
	if got, want := strings.Join(findingLines(write("text", opt)), ""), "prod/a/conf/carbon.xml:3:5: error: port 9443 collides [WL101] (host prod-1)\ndev/a/conf/carbon.xml: warning: m [WL102]\n"; got != want {
		t.Errorf("text with ShowHost:\n got %q\nwant %q", got, want)
	}
	var js struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(write("json", opt)), &js); err != nil {
		t.Fatal(err)
	}
	var hosts []any
	for _, f := range js.Findings {
		hosts = append(hosts, f["host"])
	}
	if diff := cmp.Diff([]any{"prod-1", nil}, hosts); diff != "" {
		t.Errorf("json host fields (-want +got):\n%s", diff)
	}
	var sr struct {
		Runs []struct {
			Results []struct {
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(write("sarif", opt)), &sr); err != nil {
		t.Fatal(err)
	}
	var props []map[string]any
	for _, r := range sr.Runs[0].Results {
		props = append(props, r.Properties)
	}
	if diff := cmp.Diff([]map[string]any{{"host": "prod-1"}, nil}, props); diff != "" {
		t.Errorf("sarif result properties (-want +got):\n%s", diff)
	}
}
