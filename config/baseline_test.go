package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
)

func finding(rule, file string, line int, path, msg string) model.Finding {
	return model.Finding{Rule: rule, Severity: model.SeverityWarning, Message: msg, Home: "h",
		Pos: model.Pos{File: file, Line: line, Col: 3, Path: path}}
}

func baselineFindings() []model.Finding {
	return []model.Finding{
		finding("WL307", "repository/conf/carbon.xml", 12, "/Server/HostName", "hostname is \"localhost\" <&>"),
		finding("WL101", "repository/conf/tomcat/catalina-server.xml", 80, "/Server/Service/Connector[1]/@port", "port 9443 collides"),
		finding("WL500", "repository/conf/log4j.properties", 0, "", "root logger at DEBUG"),
		finding("WL101", "repository/conf/tomcat/catalina-server.xml", 80, "/Server/Service/Connector[1]/@port", "port 9443 collides"),
	}
}

func TestWriteBaselineGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteBaseline(&b, baselineFindings()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "baseline.json.golden"), b.Bytes())
	// The order of the findings does not matter.
	rev := baselineFindings()
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	var b2 bytes.Buffer
	if err := WriteBaseline(&b2, rev); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.String(), b2.String()); diff != "" {
		t.Errorf("baseline depends on finding order (-first +reversed):\n%s", diff)
	}
}

func TestWriteBaselineEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteBaseline(&b, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("{\n  \"version\": 1,\n  \"findings\": []\n}\n", b.String()); diff != "" {
		t.Errorf("empty baseline mismatch (-want +got):\n%s", diff)
	}
}

// roundTrip writes findings as a baseline and reads it back through a file.
func roundTrip(t *testing.T, findings []model.Finding) *Baseline {
	t.Helper()
	var b bytes.Buffer
	if err := WriteBaseline(&b, findings); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	bl, err := ReadBaseline(p)
	if err != nil {
		t.Fatalf("ReadBaseline: %v", err)
	}
	return bl
}

func TestBaselineFilter(t *testing.T) {
	base := baselineFindings()
	bl := roundTrip(t, base)
	if bl.Len() != 4 {
		t.Errorf("Len = %d, want 4", bl.Len())
	}
	moved := finding("WL307", "repository/conf/carbon.xml", 30, "/Server/HostName", "hostname is \"localhost\" <&>")
	reworded := finding("WL101", "repository/conf/tomcat/catalina-server.xml", 81, "/Server/Service/Connector[1]/@port", "port 9444 collides")
	third := finding("WL101", "repository/conf/tomcat/catalina-server.xml", 80, "/Server/Service/Connector[1]/@port", "port 9443 collides")
	newRule := finding("WL102", "repository/conf/tomcat/catalina-server.xml", 80, "/Server/Service/Connector[1]/@port", "port 9443 collides")
	otherFile := finding("WL307", "wso2/broker/conf/carbon.xml", 12, "/Server/HostName", "hostname is \"localhost\" <&>")
	otherPath := finding("WL307", "repository/conf/carbon.xml", 12, "/Server/MgtHostName", "hostname is \"localhost\" <&>")
	newMessage := finding("WL500", "repository/conf/log4j.properties", 0, "", "root logger at TRACE")
	cases := []struct {
		name     string
		findings []model.Finding
		want     []model.Finding
	}{
		{"same findings all absorbed", base, []model.Finding{}},
		{"line moved is still known", []model.Finding{moved}, []model.Finding{}},
		{"message change with a path is still known", []model.Finding{reworded}, []model.Finding{}},
		{"count aware: a third copy is new", []model.Finding{third, base[1], base[3]}, []model.Finding{base[3]}},
		{"new rule at a known place", []model.Finding{newRule}, []model.Finding{newRule}},
		{"same place in another file", []model.Finding{otherFile}, []model.Finding{otherFile}},
		{"another path in the file", []model.Finding{otherPath}, []model.Finding{otherPath}},
		{"without a path the message is the key", []model.Finding{newMessage, base[2]}, []model.Finding{newMessage}},
		{"order kept", []model.Finding{newRule, base[0], otherFile}, []model.Finding{newRule, otherFile}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := bl.Filter(tc.findings)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Filter mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// Filter does not use the baseline up.
	if got := bl.Filter(base); len(got) != 0 {
		t.Errorf("second Filter kept %d findings, want 0", len(got))
	}
	var none *Baseline
	if diff := cmp.Diff(base, none.Filter(base)); diff != "" {
		t.Errorf("nil baseline filtered (-want +got):\n%s", diff)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	cases := []struct{ name, content, want string }{
		{"not json", "findings:\n", "invalid character"},
		{"unknown field", `{"version":1,"findings":[{"rule":"WL1","file":"a","location":"b","line":3}]}`, `unknown field "line"`},
		{"wrong version", `{"version":2,"findings":[]}`, "unsupported baseline version 2 (want 1)"},
		{"missing version", `{"findings":[]}`, "unsupported baseline version 0 (want 1)"},
		{"no rule", `{"version":1,"findings":[{"file":"a","location":"b"}]}`, "finding 1 has no rule"},
		{"trailing data", `{"version":1,"findings":[]} {}`, "unexpected data after the baseline object"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "baseline.json")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadBaseline(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), p) {
				t.Errorf("ReadBaseline error = %v, want one naming %s and containing %q", err, p, tc.want)
			}
		})
	}
	if _, err := ReadBaseline(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("ReadBaseline(missing) succeeded")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteBaselineWriterError(t *testing.T) {
	if err := WriteBaseline(failWriter{}, baselineFindings()); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteBaseline to a failing writer = %v, want the writer's error", err)
	}
}
