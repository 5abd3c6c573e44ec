package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wso2lint/wso2lint/internal/model"
)

func sevPtr(s model.Severity) *model.Severity { return &s }
func intPtr(i int) *int                       { return &i }

// writeConfig writes content to a .wso2lint.yaml in a new directory.
func writeConfig(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var ignoreRefs = cmpopts.IgnoreUnexported(Config{})

func TestLoad(t *testing.T) {
	cases := []struct {
		name    string
		content string
		want    Config // Path is filled in
	}{
		{"empty file", "", Config{}},
		{"comments only", "# nothing here\n", Config{}},
		{"fail-on none", "fail-on: none\n", Config{FailOn: sevPtr(FailNever)}},
		{"fail-on any case", "fail-on: Error\n", Config{FailOn: sevPtr(model.SeverityError)}},
		{"fail-on null is unset", "fail-on: ~\n", Config{}},
		{"offset zero is set", "offset: 0\n", Config{Offset: intPtr(0)}},
		{"block lists", "disable:\n  - WL101\n  - jmx-exposed\nenable:\n  - WL900\n",
			Config{Disable: []string{"WL101", "jmx-exposed"}, Enable: []string{"WL900"}}},
		{"ignore without rules", "ignore:\n  - path: \"**\"\n", Config{Ignore: []PathIgnore{{Path: "**", Line: 2}}}},
		{"host services", "host-services:\n  - name: rabbitmq\n    port: 5672\n  - {name: statsd, port: 8125, protocol: UDP}\n  - name: exporters\n    port: \"9100-9110\"\n",
			Config{HostServices: []model.HostService{
				{Name: "rabbitmq", Port: 5672, Proto: model.ProtoTCP, Line: 3, Col: 11},
				{Name: "statsd", Port: 8125, Proto: model.ProtoUDP, Line: 4, Col: 26},
				{Name: "exporters", Port: 9100, PortEnd: 9110, Proto: model.ProtoTCP, Line: 6, Col: 11},
			}}},
		{"glob is cleaned", "ignore:\n  - path: ./conf/**/**/a.xml\n    rules: [WL1]\n",
			Config{Ignore: []PathIgnore{{Path: "conf/**/a.xml", Rules: []string{"WL1"}, Line: 2}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, tc.content)
			got, err := Load(p)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tc.want.Path = p
			for i := range tc.want.HostServices {
				tc.want.HostServices[i].Origin = p
			}
			if diff := cmp.Diff(&tc.want, got, ignoreRefs); diff != "" {
				t.Errorf("config mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadFull(t *testing.T) {
	p := filepath.Join("testdata", "full.wso2lint.yaml")
	got, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Path:     p,
		Disable:  []string{"WL103", "privileged-port"},
		Severity: map[string]model.Severity{"WL307": model.SeverityWarning, "hostname-unset": model.SeverityInfo},
		FailOn:   sevPtr(model.SeverityWarning),
		Offset:   intPtr(2),
		Ignore: []PathIgnore{
			{Path: "repository/conf/carbon.xml", Rules: []string{"WL309"}, Reason: "hostname set by the LB", Line: 8},
			{Path: "**/log4j.properties", Reason: "logging is not ours", Line: 11},
		},
	}
	if diff := cmp.Diff(want, got, ignoreRefs); diff != "" {
		t.Errorf("config mismatch (-want +got):\n%s", diff)
	}
	wantRefs := []ruleRef{{"WL103", 2, "disable"}, {"privileged-port", 2, "disable"}, {"WL307", 4, "severity"}, {"hostname-unset", 4, "severity"}, {"WL309", 9, "ignore"}}
	if diff := cmp.Diff(wantRefs, got.refs, cmp.AllowUnexported(ruleRef{})); diff != "" {
		t.Errorf("rule references mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name    string
		content string
		want    []string // each line of the error, after "FILE"
	}{
		{"bad yaml", "disable: [WL101\n", []string{":1: did not find expected ',' or ']'"}},
		{"tab indentation", "ignore:\n\t- path: a\n", []string{":2: found character that cannot start any token"}},
		{"unknown key", "disable: []\nfail_on: error\n", []string{`:2: unknown key "fail_on"`}},
		{"unknown key in ignore", "ignore:\n  - path: a\n    rule: [WL1]\n", []string{`:3: unknown key "rule"`}},
		{"bad severity", "severity:\n  WL307: critical\n", []string{`:2: unknown severity "critical" (want error, warning or info)`}},
		{"severity not a mapping", "severity: [WL307]\n", []string{":1: severity must be a mapping of rule to severity, not a list"}},
		{"severity value a list", "severity:\n  WL307: [error]\n", []string{":2: a severity must be a string, not a list"}},
		{"severity set twice", "severity:\n  WL307: error\n  WL307: info\n", []string{`:3: severity of "WL307" set twice`}},
		{"bad fail-on", "fail-on: never\n", []string{`:1: unknown fail-on level "never" (want error, warning, info or none)`}},
		{"offset not a number", "offset: two\n", []string{`:1: offset "two" is not a whole number`}},
		{"offset quoted", "offset: \"2\"\n", []string{`:1: offset "2" is not a whole number`}},
		{"offset negative", "offset: -1\n", []string{":1: offset -1 is out of range (want 0 to 65535)"}},
		{"offset too big", "offset: 70000\n", []string{":1: offset 70000 is out of range (want 0 to 65535)"}},
		{"bad glob", "ignore:\n  - path: \"conf/[a-\"\n", []string{`:2: path glob "conf/[a-": bad pattern "[a-": syntax error in pattern`}},
		{"absolute glob", "ignore:\n  - path: /etc/x\n", []string{`:2: path glob "/etc/x" must be relative to the home`}},
		{"dot-dot glob", "ignore:\n  - path: ../x\n", []string{`:2: path glob "../x" has an empty, "." or ".." segment`}},
		{"empty glob", "ignore:\n  - path: \"\"\n", []string{":2: empty path glob"}},
		{"ignore without path", "ignore:\n  - rules: [WL1]\n", []string{": ignore entry 1 has no path"}},
		{"empty rule", "disable: [\"\"]\n", []string{":1: empty rule name"}},
		{"rule a mapping", "disable:\n  - {a: b}\n", []string{":2: a rule must be a string, not a mapping"}},
		{"top level a list", "- WL101\n", []string{":1: unmarshal !!seq: want a mapping"}},
		{"disable a string", "disable: WL101\n", []string{":1: unmarshal !!str `WL101`: want a list"}},
		{"two documents", "fail-on: error\n---\nfail-on: info\n", []string{":2: more than one yaml document; want one"}},
		{"host service not a mapping", "host-services:\n  - rabbitmq=5672\n", []string{":2: a host service must be a mapping with name, port and protocol, not a document"}},
		{"host service problems", "host-services:\n  - name: rabbitmq\n    port: 70000\n    protocol: sctp\n    prot: 1\n  - port: 1-1\n", []string{
			`:3: port "70000" is not a number from 1 to 65535`,
			`:4: unknown protocol "sctp" (want tcp or udp)`,
			`:5: unknown key "prot" in a host service (want name, port or protocol)`,
			`:6: port range "1-1" does not ascend`,
			`:6: host service without a name`}},
		{"host service without a port", "host-services:\n  - name: x\n", []string{":2: host service without a port"}},
		{"every problem reported", "offset: x\nfail-on: y\nseverity: {WL1: z}\n", []string{
			`:1: offset "x" is not a whole number`,
			`:2: unknown fail-on level "y" (want error, warning, info or none)`,
			`:3: unknown severity "z" (want error, warning or info)`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, tc.content)
			c, err := Load(p)
			if err == nil {
				t.Fatalf("Load succeeded: %+v", c)
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, p+w)
			}
			if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.yaml")
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("Load(missing) = %v, want an error naming the file", err)
	}
}

func TestParseFailOn(t *testing.T) {
	cases := []struct {
		in      string
		want    model.Severity
		wantErr bool
	}{
		{"error", model.SeverityError, false},
		{"WARNING", model.SeverityWarning, false},
		{"info", model.SeverityInfo, false},
		{"None", FailNever, false},
		{"", FailNever, true},
		{"fatal", FailNever, true},
	}
	for _, tc := range cases {
		got, err := ParseFailOn(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseFailOn(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
	// FailNever never fails a run.
	for _, s := range []model.Severity{model.SeverityError, model.SeverityWarning, model.SeverityInfo} {
		if s.AtLeast(FailNever) {
			t.Errorf("%v.AtLeast(FailNever) = true", s)
		}
	}
}

func TestParseHostService(t *testing.T) {
	cases := []struct {
		in      string
		want    model.HostService
		wantErr string
	}{
		{in: "rabbitmq=5672", want: model.HostService{Name: "rabbitmq", Port: 5672, Proto: model.ProtoTCP, Origin: "--host-service"}},
		{in: "statsd=8125/udp", want: model.HostService{Name: "statsd", Port: 8125, Proto: model.ProtoUDP, Origin: "--host-service"}},
		{in: " exporters = 9100-9110/TCP", want: model.HostService{Name: "exporters", Port: 9100, PortEnd: 9110, Proto: model.ProtoTCP, Origin: "--host-service"}},
		{in: "5672", wantErr: `host service "5672": want NAME=PORT[-LAST][/tcp|udp]`},
		{in: "=5672", wantErr: `host service "=5672": want NAME=PORT[-LAST][/tcp|udp]`},
		{in: "x=0", wantErr: `host service "x=0": port "0" is not a number from 1 to 65535`},
		{in: "x=65536", wantErr: `host service "x=65536": port "65536" is not a number from 1 to 65535`},
		{in: "x=9110-9100", wantErr: `host service "x=9110-9100": port range "9110-9100" does not ascend`},
		{in: "x=1-", wantErr: `host service "x=1-": port "" is not a number from 1 to 65535`},
		{in: "x=53/sctp", wantErr: `host service "x=53/sctp": unknown protocol "sctp" (want tcp or udp)`},
	}
	for _, tc := range cases {
		got, err := ParseHostService(tc.in)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("ParseHostService(%q) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseHostService(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseHostService(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}
