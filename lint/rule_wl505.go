package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL505() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "offset 1, Service and probe on 9443", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(1),
				"k8s/is.yaml":                     isDeployment(9443) + "---\n" + isService(9444, 9764, 9443),
			}},
			{Name: "offset 1, Service and probe on 9444", Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(1),
				"k8s/is.yaml":                     isDeployment(9444) + "---\n" + isService(9444, 9764),
			}},
		}
	}
	return &Rule{
		ID:       "WL505",
		Name:     "manifest-port-ignores-offset",
		Title:    "a manifest port or probe is a listener's port without the port offset",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    checkOffsetIgnored,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The port offset ([server] offset, carbon.xml Ports/Offset, -DportOffset) moves every offsetable
listener: with offset 1 the HTTPS servlet listens on 9444, not 9443. A Service targetPort, containerPort, probe or
compose entry that still names 9443 points at a closed port: the traffic is refused, the probe fails. Reported
when nothing listens on the port and it is the port of a listener before its offset. Workloads are matched to
homes as for WL501.`, ex(),
				`Add the offset to the port in the manifest, or drop the offset from the server (a container has the
ports to itself, so an offset is rarely needed there).`)
		},
	}
}
