package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

func TestMatchGlob(t *testing.T) {
	cases := []struct {
		glob, file string
		want       bool
	}{
		{"repository/conf/carbon.xml", "repository/conf/carbon.xml", true},
		{"repository/conf/carbon.xml", "repository/conf/carbon.xml.bak", false},
		{"repository/conf/*.xml", "repository/conf/axis2.xml", true},
		{"repository/conf/*.xml", "repository/conf/axis2/axis2.xml", false},
		{"**/axis2.xml", "repository/conf/axis2/axis2.xml", true},
		{"**/axis2.xml", "axis2.xml", true},
		{"repository/**", "repository/conf/a/b.xml", true},
		{"repository/**", "conf/a.xml", false},
		{"repository/**/tomcat/*.xml", "repository/conf/tomcat/catalina-server.xml", true},
		{"repository/**/tomcat/*.xml", "repository/tomcat/catalina-server.xml", true},
		{"repository/**/tomcat/*.xml", "repository/conf/tomcat/x/catalina-server.xml", false},
		{"**", "anything/at/all", true},
		{"wso2/?roker/conf/*", "wso2/broker/conf/broker.xml", true},
		{"carbon.xml", "repository/conf/carbon.xml", false},
		{"conf/[a-c]*.xml", "conf/carbon.xml", true},
		{"conf/[a-c]*.xml", "conf/log4j.xml", false},
	}
	for _, tc := range cases {
		if got := matchGlob(tc.glob, tc.file); got != tc.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tc.glob, tc.file, got, tc.want)
		}
	}
}

func TestIgnored(t *testing.T) {
	c := &Config{Ignore: []PathIgnore{
		{Path: "repository/conf/carbon.xml", Rules: []string{"WL309"}},
		{Path: "**/log4j.properties"},
		{Path: "conf/*.xml", Rules: []string{"WL101", "WL102"}},
	}}
	f := func(rule, file string) model.Finding {
		return model.Finding{Rule: rule, Home: "h", Pos: model.Pos{File: file, Line: 3}}
	}
	cases := []struct {
		name string
		f    model.Finding
		want bool
	}{
		{"named rule", f("WL309", "repository/conf/carbon.xml"), true},
		{"rule ID in another case", f("wl309", "repository/conf/carbon.xml"), true},
		{"other rule", f("WL101", "repository/conf/carbon.xml"), false},
		{"all rules", f("WL500", "repository/conf/log4j.properties"), true},
		{"second of two rules", f("WL102", "conf/a.xml"), true},
		{"file not matched", f("WL309", "repository/conf/axis2/axis2.xml"), false},
		{"no file", f("WL309", ""), false},
	}
	for _, tc := range cases {
		if got := c.Ignored(tc.f); got != tc.want {
			t.Errorf("%s: Ignored = %v, want %v", tc.name, got, tc.want)
		}
	}
	var none *Config
	if none.Ignored(f("WL309", "repository/conf/carbon.xml")) {
		t.Error("nil config ignored a finding")
	}
}

// lookup knows WL101 port-collision and WL309 hostname.
func lookup(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "wl101", "port-collision":
		return "WL101", true
	case "wl309", "hostname":
		return "WL309", true
	}
	return "", false
}

func TestResolveRules(t *testing.T) {
	p := writeConfig(t, `disable: [port-collision]
enable: [wl309]
severity: {hostname: info}
ignore:
  - path: conf/*.xml
    rules: [port-collision, WL309]
  - path: "**"
`)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ResolveRules(lookup); err != nil {
		t.Fatalf("ResolveRules: %v", err)
	}
	want := &Config{
		Path:     p,
		Disable:  []string{"WL101"},
		Enable:   []string{"WL309"},
		Severity: map[string]model.Severity{"WL309": model.SeverityInfo},
		Ignore: []PathIgnore{
			{Path: "conf/*.xml", Rules: []string{"WL101", "WL309"}, Line: 5},
			{Path: "**", Line: 7},
		},
	}
	if diff := cmp.Diff(want, c, ignoreRefs); diff != "" {
		t.Errorf("resolved config mismatch (-want +got):\n%s", diff)
	}
	// Resolving again changes nothing.
	if err := c.ResolveRules(lookup); err != nil {
		t.Fatalf("second ResolveRules: %v", err)
	}
	if diff := cmp.Diff(want, c, ignoreRefs); diff != "" {
		t.Errorf("config changed by a second ResolveRules (-want +got):\n%s", diff)
	}
	if !c.Ignored(model.Finding{Rule: "WL101", Pos: model.Pos{File: "conf/a.xml"}}) {
		t.Error("resolved ignore does not cover port-collision in conf/a.xml")
	}
}

func TestResolveRulesErrors(t *testing.T) {
	cases := []struct {
		name, content string
		want          []string
	}{
		{"unknown rules everywhere", "disable: [WL999]\nenable: [nope]\nseverity: {bad: info}\nignore:\n  - path: a\n    rules: [WL101, zzz]\n", []string{
			`:1: unknown rule "WL999" in disable`,
			`:2: unknown rule "nope" in enable`,
			`:3: unknown rule "bad" in severity`,
			`:6: unknown rule "zzz" in ignore`,
		}},
		{"severity set by ID and name", "severity:\n  WL101: info\n  port-collision: error\n", []string{
			":3: severity of rule WL101 set twice",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, tc.content)
			c, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			before := *c
			err = c.ResolveRules(lookup)
			if err == nil {
				t.Fatal("ResolveRules succeeded")
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, p+w)
			}
			if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(&before, c, ignoreRefs); diff != "" {
				t.Errorf("failed ResolveRules changed the config (-want +got):\n%s", diff)
			}
			var joined interface{ Unwrap() []error }
			if !errors.As(err, &joined) {
				t.Errorf("error %T does not unwrap to its parts", err)
			}
		})
	}
}
