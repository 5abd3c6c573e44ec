package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tomlHome is an API Manager home of the version with the settings.
func tomlHome(version string, ss ...model.Setting) *model.Home {
	h := home("a", srv(0, nil, ss...))
	h.Product = model.Product{Key: "am", Version: version}
	return h
}

func TestWL401GeneratedXMLEdited(t *testing.T) {
	drift := func(avoid bool) *model.Home {
		h := tomlHome("4.2.0")
		h.Servers[0].Toml = tomlFacts()
		h.Servers[0].Toml.Drift = []model.Drift{{Item: "offset", XML: 3, Toml: 0, Pos: pos(carbonXML, 98)}}
		h.Servers[0].Toml.AvoidConfigUpdate = avoid
		return h
	}
	testRule(t, "WL401", []ruleCase{
		{
			name:  "edited offset",
			homes: []*model.Home{drift(false)},
			want: []string{
				`a|repository/conf/carbon.xml:98:5: warning: port offset "3" differs from "0" that deployment.toml renders; your edit will be overwritten on the next start; change deployment.toml [WL401]`,
			},
		},
		{name: "avoidConfigUpdate", homes: []*model.Home{drift(true)}},
		{name: "no drift", homes: []*model.Home{tomlHome("4.2.0")}},
	})
}

func TestWL402UnknownTomlKey(t *testing.T) {
	testRule(t, "WL402", []ruleCase{
		{
			name: "invented transport and typo",
			homes: []*model.Home{tomlHome("4.2.0",
				set(model.KeyTomlPrefix+"transport.servlet_http.connector.enable", "false", toml, 20),
				set(model.KeyTomlPrefix+"monitoring.jmx.rmi_server_strat", "false", toml, 24))},
			want: []string{
				`a|repository/conf/deployment.toml:20:5: warning: key "transport.servlet_http.connector.enable" is not a key the server knows and is ignored silently; did you mean "transport.http.connector.enable" [WL402]`,
				`a|repository/conf/deployment.toml:24:5: warning: key "monitoring.jmx.rmi_server_strat" is not a key the server knows and is ignored silently; did you mean "monitoring.jmx.rmi_server_start" [WL402]`,
			},
		},
		{
			name: "known and unjudged keys",
			homes: []*model.Home{tomlHome("4.2.0",
				set(model.KeyTomlPrefix+"monitoring.jmx.rmi_server_start", "false", toml, 24),
				set(model.KeyTomlPrefix+"transport.https.properties.maxThreads", "250", toml, 30),
				set(model.KeyTomlPrefix+"apim.wss.port", "8100", toml, 31),
				set(model.KeyTomlPrefix+"server.anything_goes", "1", toml, 32))},
		},
	})
}

func TestWL403IgnoredListenerSwitch(t *testing.T) {
	off := set(model.KeyTomlPrefix+"apim.ws.enable", "false", toml, 40)
	testRule(t, "WL403", []ruleCase{
		{
			name:  "4.2 ignores it",
			homes: []*model.Home{tomlHome("4.2.0", off)},
			want: []string{
				`a|repository/conf/deployment.toml:40:5: warning: apim.ws.enable = false is ignored before API Manager 4.6 (this is 4.2.0): port 9099 (plus the offset) stays open; block it in the firewall or upgrade [WL403]`,
			},
		},
		{name: "4.6 honours it", homes: []*model.Home{tomlHome("4.6.0", off)}},
		{name: "switch on", homes: []*model.Home{tomlHome("4.2.0", set(model.KeyTomlPrefix+"apim.ws.enable", "true", toml, 40))}},
	})
}

func TestWL404PortFromEnvironment(t *testing.T) {
	env := tomlHome("4.2.0")
	env.Servers[0].Runtime = []model.RuntimeRef{{Kind: model.RuntimeEnv, Name: "HTTPS_PORT", Expr: "$env{HTTPS_PORT}", Port: true,
		Pos: model.Pos{File: toml, Line: 7, Col: 8, Path: "transport.https.properties.port"}}}
	testRule(t, "WL404", []ruleCase{
		{
			name:  "env port",
			homes: []*model.Home{env},
			want: []string{
				`a|repository/conf/deployment.toml:7:8: info: port "transport.https.properties.port" is given through "$env{HTTPS_PORT}": the firewall cannot be derived statically; check the value it holds where the server runs [WL404]`,
			},
		},
		{name: "literal port", homes: []*model.Home{tomlHome("4.2.0", set(model.KeyTomlPrefix+"transport.https.properties.port", "9443", toml, 7))}},
	})
}
