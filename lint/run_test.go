package lint

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// reporter is a test rule that reports a fixed message at each position for
// each home (ScopeHome) or for every home (ScopeHost).
func reporter(id, name string, scope Scope, lines ...int) *Rule {
	return &Rule{ID: id, Name: name, Title: "test rule", Doc: "doc", Severity: model.SeverityWarning, Scope: scope,
		Check: func(p *Pass) {
			homes := p.Homes
			if p.Home != nil {
				homes = []*model.Home{p.Home}
			}
			for _, h := range homes {
				for _, l := range lines {
					p.Report(h, pos(carbonXML, l), "found %q", name)
				}
			}
		}}
}

func TestRunOrderAndDedupe(t *testing.T) {
	z, a := home("z", srv(0, nil)), home("a", srv(0, nil))
	rules := []*Rule{
		reporter("WL992", "second", ScopeHome, 7, 3, 3),
		reporter("WL991", "first", ScopeHost, 7),
	}
	got := lines(Run([]*model.Home{z, a}, rules, Options{}))
	want := []string{
		`z|repository/conf/carbon.xml:3:5: warning: found "second" [WL992]`,
		`z|repository/conf/carbon.xml:7:5: warning: found "first" [WL991]`,
		`z|repository/conf/carbon.xml:7:5: warning: found "second" [WL992]`,
		`a|repository/conf/carbon.xml:3:5: warning: found "second" [WL992]`,
		`a|repository/conf/carbon.xml:7:5: warning: found "first" [WL991]`,
		`a|repository/conf/carbon.xml:7:5: warning: found "second" [WL992]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Run mismatch (-want +got):\n%s", diff)
	}
}

func TestRunOptions(t *testing.T) {
	h := home("a", srv(0, nil))
	off := reporter("WL993", "off-rule", ScopeHome, 3)
	off.OffByDefault = true
	rules := []*Rule{reporter("WL991", "one", ScopeHome, 1), reporter("WL992", "two", ScopeHome, 2), off}
	cases := []struct {
		name string
		opt  Options
		want []string
	}{
		{"defaults", Options{}, []string{
			`a|repository/conf/carbon.xml:1:5: warning: found "one" [WL991]`,
			`a|repository/conf/carbon.xml:2:5: warning: found "two" [WL992]`,
		}},
		{"disable by name and id", Options{Disable: []string{"one", "wl992"}}, nil},
		{"enable wins over disable", Options{Disable: []string{"WL991", "WL992"}, Enable: []string{"one", "off-rule"}}, []string{
			`a|repository/conf/carbon.xml:1:5: warning: found "one" [WL991]`,
			`a|repository/conf/carbon.xml:3:5: warning: found "off-rule" [WL993]`,
		}},
		{"severity by id and name", Options{Severity: map[string]model.Severity{"WL991": model.SeverityError, "two": model.SeverityInfo}}, []string{
			`a|repository/conf/carbon.xml:1:5: error: found "one" [WL991]`,
			`a|repository/conf/carbon.xml:2:5: info: found "two" [WL992]`,
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(Run([]*model.Home{h}, rules, tc.opt))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Run mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRunSuppression(t *testing.T) {
	a, b := home("a", srv(0, nil)), home("b", srv(0, nil))
	a.Ignores = []model.Ignore{
		{Rules: []string{"WL991"}, Reason: "fine here", Pos: pos(carbonXML, 4), FromLine: 5, ToLine: 6},
		{Rules: []string{"host-rule", "WL992"}, Reason: "fine too", Pos: pos(carbonXML, 9), FromLine: 10, ToLine: 10},
	}
	rules := []*Rule{reporter("WL991", "host-rule", ScopeHost, 5, 10, 11), reporter("WL992", "home-rule", ScopeHome, 6), lookup(t, "WL902")}
	got := lines(Run([]*model.Home{a, b}, rules, Options{}))
	want := []string{
		`a|repository/conf/carbon.xml:6:5: warning: found "home-rule" [WL992]`,
		`a|repository/conf/carbon.xml:11:5: warning: found "host-rule" [WL991]`,
		`b|repository/conf/carbon.xml:5:5: warning: found "host-rule" [WL991]`,
		`b|repository/conf/carbon.xml:6:5: warning: found "home-rule" [WL992]`,
		`b|repository/conf/carbon.xml:10:5: warning: found "host-rule" [WL991]`,
		`b|repository/conf/carbon.xml:11:5: warning: found "host-rule" [WL991]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Run mismatch (-want +got):\n%s", diff)
	}
}

func TestCheckOptions(t *testing.T) {
	rules := Rules()
	if err := CheckOptions(Options{Disable: []string{"wl101", "jmx-remote-enabled"}, Enable: []string{"WL310"},
		Severity: map[string]model.Severity{"plaintext-http": model.SeverityError}}, rules); err != nil {
		t.Errorf("CheckOptions(valid) = %v", err)
	}
	err := CheckOptions(Options{Disable: []string{"WL100"}, Enable: []string{"nope"},
		Severity: map[string]model.Severity{"zz": model.SeverityError, "WL101": model.SeverityInvalid}}, rules)
	for _, want := range []string{`disable: unknown rule "WL100"`, `enable: unknown rule "nope"`, `severity: unknown rule "zz"`, `severity: invalid severity for rule "WL101"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckOptions = %v, want an error containing %q", err, want)
		}
	}
}
