package lint

import (
	"fmt"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL301() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>0</Offset>
        <JMX>
            <RMIRegistryPort>9999</RMIRegistryPort>
            <RMIServerPort>11111</RMIServerPort>
        </JMX>
    </Ports>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "jmx.xml starts the RMI server", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/etc/jmx.xml": `<JMX xmlns="http://wso2.org/projects/carbon/jmx.xml">
    <StartRMIServer>true</StartRMIServer>
    <HostName>localhost</HostName>
    <RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort>
    <RMIServerPort>${Ports.JMX.RMIServerPort}</RMIServerPort>
</JMX>
`,
			}},
			{Name: "jmx.xml keeps it off", Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/etc/jmx.xml": `<JMX xmlns="http://wso2.org/projects/carbon/jmx.xml">
    <StartRMIServer>false</StartRMIServer>
    <HostName>localhost</HostName>
    <RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort>
    <RMIServerPort>${Ports.JMX.RMIServerPort}</RMIServerPort>
</JMX>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL301",
		Name:     "jmx-remote-enabled",
		Title:    "the jmx rmi registry and server are enabled and bind all interfaces",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkJMXRemoteEnabled,
		examples: ex,
		doc: func() string {
			return exampleDoc(`With `+"`StartRMIServer`"+` true in etc/jmx.xml, Carbon opens the JMX RMI registry (9999) and RMI server
(11111), plus the offset, on every interface: the `+"`<HostName>`"+` of jmx.xml only goes into the advertised
URL. Anyone who reaches the ports and knows an admin password can read and change the server's MBeans.`, ex(), `Set `+"`StartRMIServer`"+` to false when nothing monitors the server over JMX. Otherwise keep the ports to the
management network with the firewall (`+"`wso2lint rules`"+` puts them in the management class) and change the
default admin credentials.`)
		},
	}
}

func checkJMXRemoteEnabled(p *Pass) {
	s := p.Server
	var jmx []model.Listener
	for _, l := range s.Listeners {
		if inbound(l) && (l.ID == model.SvcJMXRegistry || l.ID == model.SvcJMXServer) {
			jmx = append(jmx, l)
		}
	}
	if len(jmx) == 0 {
		return
	}
	if s.Toml != nil {
		// deployment.toml renders jmx.xml: the switch to change is the toml's.
		var parts []string
		for _, l := range jmx {
			parts = append(parts, fmt.Sprintf("%s %s", l.ID, portText(l)))
		}
		at := jmx[0].Source
		if set, ok := s.Setting(model.KeyTomlPrefix + "monitoring.jmx.rmi_server_start"); ok {
			at = set.Pos
		}
		p.Reportf(at, "JMX is on, so %s listen on all interfaces; expected [monitoring.jmx] rmi_server_start = false in deployment.toml unless JMX monitoring needs it, with the ports kept to the management network",
			strings.Join(parts, " and "))
		return
	}
	if set, ok := s.Setting(model.KeyJMXStartRMIServer); ok {
		var parts []string
		for _, l := range jmx {
			parts = append(parts, fmt.Sprintf("%s %s", l.ID, portText(l)))
		}
		p.Reportf(set.Pos, "StartRMIServer is %q, so %s listen on all interfaces; expected \"false\" unless JMX monitoring needs it, with the ports kept to the management network",
			set.Value, strings.Join(parts, " and "))
		return
	}
	// Enabled JMX listeners without a StartRMIServer setting come from
	// carbon.xml when etc/jmx.xml is absent (the distribution's jmx.xml,
	// StartRMIServer true, is assumed); a jmx.xml without the element
	// leaves them disabled, as the kernel does.
	for _, l := range jmx {
		p.Reportf(l.Source, "%s listens on %s on all interfaces; expected it off (StartRMIServer false in jmx.xml) unless JMX monitoring needs it",
			l.ID, portText(l))
	}
}
