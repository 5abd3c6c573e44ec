package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL502() *Rule {
	carbon := isCarbon
	toml := isToml(0) + "\n[clustering]\nmembership_scheme = \"kubernetes\"\nlocal_member_port = \"4000\"\n"
	ex := func() []Example {
		return []Example{
			{Name: "the Service has no Hazelcast member ports", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":      carbon,
				"repository/conf/deployment.toml": toml,
				"k8s/is.yaml":                     isDeployment(0) + "---\n" + isService(9443, 9763),
			}},
			{Name: "the Service has the member ports", Files: map[string]string{
				"repository/conf/carbon.xml":      carbon,
				"repository/conf/deployment.toml": toml,
				"k8s/is.yaml":                     isDeployment(0) + "---\n" + isService(4000, 4001, 4002, 9443, 9763),
			}},
		}
	}
	return &Rule{
		ID:       "WL502",
		Name:     "cluster-port-not-exposed",
		Title:    "a cluster port the server opens is missing from its Service or compose ports",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    func(p *Pass) { checkNotExposed(p, model.ExposureCluster, false) },
		examples: ex,
		doc: func() string {
			return exampleDoc(`Cluster ports are those the other nodes of a deployment connect to: Hazelcast members, the
API Manager traffic manager's data receivers (9611/9711) and JMS broker (5672), the analytics receivers. A
Service that leaves one out breaks the feature without an error at start: throttling decisions never reach the
gateways, cluster members never see each other. For a compose service, the port must be under ports: or expose:
(expose: documents that the other services reach it). Workloads are matched to homes as for WL501.`, ex(),
				`Add the port to spec.ports of the Service the other nodes use (often a headless Service), or to
expose: of the compose service; wso2lint rules --target kubernetes writes the complete list.`)
		},
	}
}
