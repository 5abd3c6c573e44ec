package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL504() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "a readiness probe on 9445, which nothing opens", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"k8s/is.yaml":                     isDeployment(9445) + "---\n" + isService(9443, 9763),
			}},
			{Name: "a readiness probe on the HTTPS port", Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"k8s/is.yaml":                     isDeployment(9443) + "---\n" + isService(9443, 9763),
			}},
		}
	}
	return &Rule{
		ID:       "WL504",
		Name:     "probe-on-closed-port",
		Title:    "a probe or health check connects to a port the server does not open",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    func(p *Pass) { checkDeclared(p, true) },
		examples: ex,
		doc: func() string {
			return exampleDoc(`A liveness, readiness or startup probe (httpGet, tcpSocket, grpc, or an exec command such as
"nc -z localhost 9443") or a compose healthcheck on a port nothing listens on always fails: Kubernetes keeps the
pod out of the Service or restarts it in a loop, compose marks the service unhealthy and its dependants never
start. A probe that names a port the containers do not declare is reported too. A probe on a listener's port
without the offset is WL505. Workloads are matched to homes as for WL501.`, ex(),
				`Probe a port the server opens (the servlet HTTPS port is the usual one), with the offset applied.`)
		},
	}
}
