package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL404() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "HTTPS port from the environment", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.https.properties]
port = "$env{HTTPS_PORT}"
`,
			}},
			{Name: "HTTPS port given literally", Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.https.properties]
port = 9443
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL404",
		Name:     "port-from-environment",
		Title:    "a deployment.toml port comes from an environment variable or system property",
		Severity: model.SeverityInfo,
		Scope:    ScopeServer,
		Check:    checkPortFromEnvironment,
		examples: ex,
		doc: func() string {
			return exampleDoc(`deployment.toml can take values from `+"`$env{NAME}`"+` and `+"`$sys{name}`"+`, resolved when the server starts. A
port given that way is unknown to a static reading: wso2lint shows the product default for the listener, and
firewall rules derived from it may not match the port the server really opens.`, ex(), `Nothing is wrong with the configuration itself: make sure the firewall rules are written for the value the
variable holds in each environment, or give the port literally.`)
		},
	}
}

func checkPortFromEnvironment(p *Pass) {
	s := p.Server
	for _, r := range s.Runtime {
		if r.Port {
			p.Reportf(r.Pos, "port %q is given through %q: the firewall cannot be derived statically; check the value it holds where the server runs", r.Pos.Path, r.Expr)
		}
	}
}
