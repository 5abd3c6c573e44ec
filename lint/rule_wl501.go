package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL501() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "the Service leaves out 9763", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"k8s/is.yaml":                     isDeployment(0) + "---\n" + isService(9443),
			}},
			{Name: "the Service has both public ports", Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"k8s/is.yaml":                     isDeployment(0) + "---\n" + isService(9443, 9763),
			}},
		}
	}
	return &Rule{
		ID:       "WL501",
		Name:     "public-port-not-exposed",
		Title:    "a public port the server opens is missing from its Service or compose ports",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    func(p *Pass) { checkNotExposed(p, model.ExposurePublic, true) },
		examples: ex,
		doc: func() string {
			return exampleDoc(`With lint --manifests, each workload that runs a home (annotation or label wso2lint.io/home, a
mapping in .wso2lint.yaml, a mounted ConfigMap holding the home's files, or a compose bind mount of the
home) is compared with the listeners the server opens. A public listener (servlet, pass-through, websocket,
...) that no Service selecting the pods lets in, or that a compose service does not publish under ports:,
cannot be reached by clients: the endpoint is silently down for them while the server runs. Hand-kept port
lists drift from the configuration: a port enabled later, a Service copied from another node.`, ex(),
				`Add the port to spec.ports of the Service (or to ports: of the compose service), or regenerate the
Service with wso2lint rules --target kubernetes (compose: --target compose).`)
		},
	}
}
