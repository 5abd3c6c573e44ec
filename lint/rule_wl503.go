package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL503() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "a typo: 9673 for 9763", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"k8s/is.yaml":                     isDeployment(0) + "---\n" + isService(9443, 9673),
			}},
			{Name: "every port is one the server opens", Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"k8s/is.yaml":                     isDeployment(0) + "---\n" + isService(9443, 9763),
			}},
		}
	}
	return &Rule{
		ID:       "WL503",
		Name:     "declared-port-not-listening",
		Title:    "a manifest declares a port that nothing of the server listens on",
		Severity: model.SeverityWarning,
		Scope:    ScopeHome,
		Check:    func(p *Pass) { checkDeclared(p, false) },
		examples: ex,
		doc: func() string {
			return exampleDoc(`A Service targetPort, a containerPort or a compose ports:/expose: entry that no listener of the
home opens is dead weight at best; at worst it is a typo (9673 for 9763) that hides a real port missing next to
it, or a port of another product copied along. Services that also select workloads of other homes are left out
(they hold the other products' ports too). A port that is a listener's port without the offset is WL505.
Workloads are matched to homes as for WL501.`, ex(),
				`Fix the number, or remove the entry; wso2lint rules --target kubernetes (or compose) writes the
list the server opens.`)
		},
	}
}
