package lint_test

import (
	"fmt"
	"net/netip"
	"os"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/lint"
)

// This file shows a whole new rule and its test in one place, the way
// lint/rule_wlNNN.go and its rule_wlNNN_test.go hold a built-in one: a
// constructor returning the *lint.Rule, the Check that runs once per server
// (lint.ScopeServer) with Pass.Server set, reporting with Pass.Reportf, and a
// test that runs it on a home where it fires and on one where it stays
// silent. A built-in rule also gets one line in lint.Rules, and its
// documented examples (Rule.Examples, the doc built from them) are run by
// TestRuleExamples.

// ruleHostnameIsAddress reports a carbon.xml <HostName> that is an IP
// address: the URLs Carbon hands out then break when the address changes.
func ruleHostnameIsAddress() *lint.Rule {
	return &lint.Rule{
		ID:       "WL999",
		Name:     "hostname-is-address",
		Title:    "the server host name is an ip address",
		Severity: model.SeverityInfo,
		Scope:    lint.ScopeServer,
		Check:    checkHostnameIsAddress,
		Doc: `Carbon builds the URLs it hands out from <HostName>; an address breaks them when it changes.

Example:

    <HostName>10.0.0.5</HostName>

Fix:

Use the DNS name clients use to reach the server.`,
	}
}

func checkHostnameIsAddress(p *lint.Pass) {
	set, ok := p.Server.Setting(model.KeyCarbonHostName)
	if !ok {
		return
	}
	if _, err := netip.ParseAddr(set.Value); err == nil {
		p.Reportf(set.Pos, "host name is the address %q; expected a DNS name", set.Value)
	}
}

// homeWithHostName is a one-server home whose carbon.xml sets <HostName>.
func homeWithHostName(dir, name string) *model.Home {
	pos := model.Pos{File: "repository/conf/carbon.xml", Line: 12, Col: 9}
	return &model.Home{Dir: dir, Servers: []model.Server{{
		Profile: "default", ConfDir: "repository/conf",
		Settings: []model.Setting{{Key: model.KeyCarbonHostName, Value: name, Pos: pos}},
	}}}
}

// Example_newRule checks a new rule the way the table tests of the built-in
// rules do: well formed (Validate), firing on one home and silent on another.
func Example_newRule() {
	r := ruleHostnameIsAddress()
	if err := lint.Validate([]*lint.Rule{r}); err != nil {
		fmt.Println(err)
		return
	}
	homes := []*model.Home{
		homeWithHostName("wso2am-fires", "10.0.0.5"),
		homeWithHostName("wso2am-silent", "apim.example.com"),
	}
	for _, f := range lint.Run(homes, []*lint.Rule{r}, lint.Options{}) {
		fmt.Println(f.Home + ": " + f.String())
	}
	if err := lint.Explain(os.Stdout, r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// wso2am-fires: repository/conf/carbon.xml:12:9: info: host name is the address "10.0.0.5"; expected a DNS name [WL999]
	// WL999 hostname-is-address: the server host name is an ip address
	// severity: info, scope: home
	//
	// Carbon builds the URLs it hands out from <HostName>; an address breaks them when it changes.
	//
	// Example:
	//
	//     <HostName>10.0.0.5</HostName>
	//
	// Fix:
	//
	// Use the DNS name clients use to reach the server.
}
