package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL309() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml leaves <HostName> commented out", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <!--HostName>www.wso2.org</HostName-->
    <Ports><Offset>0</Offset></Ports>
</Server>
`,
			}},
			{Name: "deployment.toml keeps the shipped localhost", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "localhost"
`,
			}},
			{Name: "the name clients use", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <HostName>apim.example.com</HostName>
    <Ports><Offset>0</Offset></Ports>
</Server>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL309",
		Name:     "hostname-unset",
		Title:    "the server host name is unset or localhost",
		Severity: model.SeverityInfo,
		Scope:    ScopeServer,
		Check:    checkHostnameUnset,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Carbon builds the URLs it hands out (WSDLs, redirects, the store and publisher links, OAuth callbacks,
JMX service URLs) from `+"`<HostName>`"+` in carbon.xml (`+"`hostname`"+` under `+"`[server]`"+` in deployment.toml).
Unset or `+"`localhost`"+`, those URLs work only on the server itself, and clients elsewhere fail or get
redirected to themselves.

When deployment.toml renders carbon.xml, the finding points at the toml: an edit to the generated
carbon.xml is lost at the next start.`, ex(), `Set the name clients use to reach the server (or the load balancer in front of it):
`+"`<HostName>apim.example.com</HostName>`"+`, and `+"`<MgtHostName>`"+` for the console if it differs;
in deployment.toml, `+"`hostname = \"apim.example.com\"`"+` under `+"`[server]`"+`.`)
		},
	}
}

func checkHostnameUnset(p *Pass) {
	s := p.Server
	carbon := confFile(s, "carbon.xml")
	if s.Toml != nil && !(hasFile(p.Home, carbon) && !renderedXML(s, carbon)) {
		// deployment.toml renders carbon.xml: report the toml, never the
		// generated file.
		checkTomlHostname(p, s, s.Toml.File)
		return
	}
	if !hasFile(p.Home, carbon) {
		return
	}
	if set, ok := tomlSetting(s, "server.hostname"); ok {
		if v := unquote(set.Value); v != "" && !strings.EqualFold(v, "localhost") {
			return
		}
	}
	set, ok := s.Setting(model.KeyCarbonHostName)
	v := unquote(set.Value)
	switch {
	case ok && v != "" && !strings.EqualFold(v, "localhost"):
		return
	case ok && !set.Pos.IsZero():
		p.Reportf(set.Pos, "host name is %q; expected the name clients use to reach the server", v)
	default:
		where := model.Pos{File: carbon, Path: "/Server/HostName"}
		if s.Offset.Pos.File == carbon {
			where = s.Offset.Pos // the closest known place in carbon.xml
		}
		p.Reportf(where, "carbon.xml sets no <HostName>; expected the name clients use to reach the server")
	}
}

// checkTomlHostname checks [server] hostname of a server configured by the
// deployment.toml tf (home-relative): at the value when set, else at the first
// key of [server] (or the file).
func checkTomlHostname(p *Pass, s *model.Server, tf string) {
	if set, ok := tomlSetting(s, "server.hostname"); ok {
		if v := unquote(set.Value); v == "" || strings.EqualFold(v, "localhost") {
			p.Reportf(set.Pos, "[server] hostname is %q; expected the name clients use to reach the server", v)
		}
		return
	}
	p.Reportf(tomlAnchor(s, tf, "server"), "deployment.toml sets no [server] hostname; expected the name clients use to reach the server")
}
