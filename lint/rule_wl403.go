package lint

import (
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL403() *Rule {
	tomlFile := `[server]
hostname = "apim.example.com"

[apim.ws]
enable = false
`
	ex := func() []Example {
		return []Example{
			{Name: "API Manager 4.2 ignores [apim.ws] enable = false", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <ServerKey>AM</ServerKey>
    <Version>4.2.0</Version>
    <Ports><Offset>0</Offset></Ports>
</Server>
`,
				"repository/conf/deployment.toml": tomlFile,
			}},
			{Name: "API Manager 4.6 honours it", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <ServerKey>AM</ServerKey>
    <Version>4.6.0</Version>
    <Ports><Offset>0</Offset></Ports>
</Server>
`,
				"repository/conf/deployment.toml": tomlFile,
			}},
		}
	}
	return &Rule{
		ID:       "WL403",
		Name:     "ignored-listener-switch",
		Title:    "a deployment.toml switch that this version ignores leaves a listener open",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkIgnoredListenerSwitch,
		examples: ex,
		doc: func() string {
			return exampleDoc(`API Manager honours `+"`enable = false`"+` under [apim.ws], [apim.wss] and [apim.webhooks] only from 4.6. Earlier
versions render the websocket (9099/8099) and webhook (8021) inbound endpoints regardless, so the ports stay open
while the configuration says they are closed, and firewall rules built from the configuration are wrong.`, ex(), `Upgrade to 4.6 or later, remove the endpoint file from
repository/deployment/server/synapse-configs/default/inbound-endpoints (it comes back when the toml renders
again), or block the port in the firewall.`)
		},
	}
}

// ignoredSwitches are the switches that API Manager honours only from 4.6.
var ignoredSwitches = []struct{ key, ports string }{
	{"apim.ws.enable", "9099"},
	{"apim.wss.enable", "8099"},
	{"apim.webhooks.enable", "8021"},
}

func checkIgnoredListenerSwitch(p *Pass) {
	prod := p.Home.Product
	if catalog.FamilyOf(prod.Key) != model.KeyAM || prod.Version == "" || !versionBefore(prod.Version, 4, 6) {
		return
	}
	s := p.Server
	for _, sw := range ignoredSwitches {
		st, ok := tomlSetting(s, sw.key)
		if !ok || !strings.EqualFold(unquote(st.Value), "false") {
			continue
		}
		p.Reportf(st.Pos, "%s = false is ignored before API Manager 4.6 (this is %s): port %s (plus the offset) stays open; block it in the firewall or upgrade", sw.key, prod.Version, sw.ports)
	}
}

// versionBefore reports whether the dotted version v is below major.minor.
func versionBefore(v string, major, minor int) bool {
	parts := strings.Split(v, ".")
	ma, err := strconv.Atoi(parts[0])
	if err != nil {
		return false
	}
	mi := 0
	if len(parts) > 1 {
		mi, _ = strconv.Atoi(parts[1])
	}
	return ma < major || (ma == major && mi < minor)
}
