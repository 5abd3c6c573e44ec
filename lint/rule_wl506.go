package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL506() *Rule {
	compose := func(second string) string {
		return `services:
  is:
    image: wso2/wso2is:7.0.0
    labels:
      wso2lint.io/home: wso2is-7.0.0
    ports:
      - "9443:9443"
      - "9763:9763"
  is-2:
    image: wso2/wso2is:7.0.0
    ports:
      - "` + second + `:9443"
`
	}
	ex := func() []Example {
		return []Example{
			{Name: "two services publish host port 9443", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"compose/compose.yaml":            compose("9443"),
			}},
			{Name: "the second node is published on 9444", Files: map[string]string{
				"repository/conf/carbon.xml":      isCarbon,
				"repository/conf/deployment.toml": isToml(0),
				"compose/compose.yaml":            compose("9444"),
			}},
		}
	}
	return &Rule{
		ID:       "WL506",
		Name:     "compose-host-port-collision",
		Title:    "two compose services publish the same host port",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    checkComposeHostPorts,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Compose publishes each ports: entry on the Docker host. Two services of one compose file that
publish the same host port (and protocol, on the same or all host addresses) cannot both start: the second fails
with "port is already allocated". It happens when a second node of a product is copied from the first. Reported
at the entries of the services that run a home (matched as for WL501).`, ex(),
				`Publish the second service on another host port ("9444:9443"), or publish only one node and reach the
others through the compose network.`)
		},
	}
}

func checkComposeHostPorts(p *Pass) {
	m := p.Opt.Manifests
	for _, d := range deployments(p) {
		if d.w.Kind != "compose" {
			continue
		}
		for _, c := range d.w.Containers {
			for _, cp := range c.Ports {
				if cp.HostPort == 0 {
					continue
				}
				for i := range m.Workloads {
					o := &m.Workloads[i]
					if o.Kind != "compose" || o.Pos.File != d.w.Pos.File {
						continue
					}
					for _, oc := range o.Containers {
						for _, op := range oc.Ports {
							if op.HostPort != cp.HostPort || op.Proto != cp.Proto || op.Pos == cp.Pos || !sameHostIP(op.HostIP, cp.HostIP) {
								continue
							}
							p.reportManifest(cp.Pos, "host port %d/%s of compose service %q is also published by service %q (%s); only one can start; publish one on another host port",
								cp.HostPort, cp.Proto, d.w.Name, o.Name, op.Pos)
						}
					}
				}
			}
		}
	}
}

// sameHostIP reports whether two published host addresses overlap: equal,
// or either is all addresses.
func sameHostIP(a, b string) bool {
	all := func(s string) bool { return s == "" || s == "0.0.0.0" || s == "::" }
	return a == b || all(a) || all(b)
}
