package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL309() *Rule {
	return &Rule{
		ID:       "WL309",
		Name:     "hostname-unset",
		Title:    "the server host name is unset or localhost",
		Severity: model.SeverityInfo,
		Scope:    ScopeHome,
		Check:    checkHostnameUnset,
		Doc: `Carbon builds the URLs it hands out (WSDLs, redirects, the store and publisher links, OAuth callbacks,
JMX service URLs) from ` + "`<HostName>`" + ` in carbon.xml (` + "`hostname`" + ` under ` + "`[server]`" + ` in deployment.toml).
Unset or ` + "`localhost`" + `, those URLs work only on the server itself, and clients elsewhere fail or get
redirected to themselves.

Example:

    <!--HostName>www.wso2.org</HostName-->   (repository/conf/carbon.xml: left commented out)

Fix:

Set the name clients use to reach the server (or the load balancer in front of it):
` + "`<HostName>apim.example.com</HostName>`" + `, and ` + "`<MgtHostName>`" + ` for the console if it differs.`,
	}
}

func checkHostnameUnset(p *Pass) {
	for si := range p.Home.Servers {
		s := &p.Home.Servers[si]
		carbon := confFile(s, "carbon.xml")
		if !hasFile(p.Home, carbon) {
			continue
		}
		if set, ok := tomlSetting(s, "server.hostname"); ok {
			if v := unquote(set.Value); v != "" && !strings.EqualFold(v, "localhost") {
				continue
			}
		}
		set, ok := s.Setting(model.KeyCarbonHostName)
		v := unquote(set.Value)
		switch {
		case ok && v != "" && !strings.EqualFold(v, "localhost"):
			continue
		case ok && !set.Pos.IsZero():
			p.Report(p.Home, set.Pos, "host name is %q; expected the name clients use to reach the server", v)
		default:
			where := model.Pos{File: carbon, Path: "/Server/HostName"}
			if s.Offset.Pos.File == carbon {
				where = s.Offset.Pos // the closest known place in carbon.xml
			}
			p.Report(p.Home, where, "carbon.xml sets no <HostName>; expected the name clients use to reach the server")
		}
	}
}
