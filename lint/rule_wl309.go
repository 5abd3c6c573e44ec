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

    [server]
    hostname = "localhost"                   (repository/conf/deployment.toml: as shipped)

When deployment.toml renders carbon.xml, the finding points at the toml: an edit to the generated
carbon.xml is lost at the next start.

Fix:

Set the name clients use to reach the server (or the load balancer in front of it):
` + "`<HostName>apim.example.com</HostName>`" + `, and ` + "`<MgtHostName>`" + ` for the console if it differs;
in deployment.toml, ` + "`hostname = \"apim.example.com\"`" + ` under ` + "`[server]`" + `.`,
	}
}

func checkHostnameUnset(p *Pass) {
	for si := range p.Home.Servers {
		s := &p.Home.Servers[si]
		carbon := confFile(s, "carbon.xml")
		if tf, ok := s.Setting(model.KeyTomlFile); ok && !(hasFile(p.Home, carbon) && !renderedXML(s, carbon)) {
			// deployment.toml renders carbon.xml: report the toml, never the
			// generated file.
			checkTomlHostname(p, s, tf)
			continue
		}
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

// checkTomlHostname checks [server] hostname of a server configured by the
// deployment.toml tf: at the value when set, else at the first key of [server]
// (or the file).
func checkTomlHostname(p *Pass, s *model.Server, tf model.Setting) {
	if set, ok := tomlSetting(s, "server.hostname"); ok {
		if v := unquote(set.Value); v == "" || strings.EqualFold(v, "localhost") {
			p.Report(p.Home, set.Pos, "[server] hostname is %q; expected the name clients use to reach the server", v)
		}
		return
	}
	p.Report(p.Home, tomlAnchor(s, tf, "server"), "deployment.toml sets no [server] hostname; expected the name clients use to reach the server")
}

// tomlAnchor returns where to report about a table of the deployment.toml tf
// that lacks a key: the first key of the first of tables that has one, else
// the file itself.
func tomlAnchor(s *model.Server, tf model.Setting, tables ...string) model.Pos {
	for _, t := range tables {
		prefix := model.KeyTomlPrefix + t + "."
		var best model.Pos
		for _, st := range s.Settings {
			if strings.HasPrefix(st.Key, prefix) && st.Pos.File == tf.Value && st.Pos.Line > 0 && (best.IsZero() || st.Pos.Less(best)) {
				best = st.Pos
			}
		}
		if !best.IsZero() {
			return best
		}
	}
	return model.Pos{File: tf.Value}
}

// renderedXML reports whether deployment.toml renders the home-relative file
// rel at every start of s, so that the toml, not the file, says what the
// server uses: s is configured by deployment.toml, its start script does not
// pass -DavoidConfigUpdate=true, and rel is one of the core XML files of its
// conf directory or a file that a template present renders.
func renderedXML(s *model.Server, rel string) bool {
	if _, ok := s.Setting(model.KeyTomlFile); !ok || scriptAvoidsConfigUpdate(s) {
		return false
	}
	for _, f := range []string{"carbon.xml", "axis2/axis2.xml", "tomcat/catalina-server.xml", "user-mgt.xml", "identity/embedded-ldap.xml"} {
		if rel == confFile(s, f) {
			return true
		}
	}
	for _, t := range s.SettingsOf(model.KeyTomlTemplate) {
		if t.Value == rel {
			return true
		}
	}
	return false
}
