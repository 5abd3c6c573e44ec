package lint

import "github.com/wso2lint/wso2lint/internal/model"

// Linux's default ephemeral port range (net.ipv4.ip_local_port_range).
const (
	ephemeralLow  model.Port = 32768
	ephemeralHigh model.Port = 60999
)

func ruleWL103() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "PassThrough HTTP listener on 40280", Fires: true, Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="http" class="org.apache.synapse.transport.passthru.PassThroughHttpListener">
        <parameter name="port" locked="false">40280</parameter>
    </transportReceiver>
</axisconfig>
`,
			}},
			{Name: "PassThrough HTTP listener on 8280", Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="http" class="org.apache.synapse.transport.passthru.PassThroughHttpListener">
        <parameter name="port" locked="false">8280</parameter>
    </transportReceiver>
</axisconfig>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL103",
		Name:     "ephemeral-port",
		Title:    "a listener uses a port of the linux ephemeral range",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkEphemeralPort,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Linux hands out ports 32768 to 60999 (net.ipv4.ip_local_port_range) as the local port of outgoing
connections. A server listening in that range fails to start, now and then, when the kernel has already
given the port to an outgoing connection (a JDBC pool, an HTTP client) of this or another process.`, ex(), `Move the listener below 32768, or reserve the port with
`+"`sysctl -w net.ipv4.ip_local_reserved_ports=40280`"+` (persist it in /etc/sysctl.d/).`)
		},
	}
}

func checkEphemeralPort(p *Pass) {
	for _, l := range p.Server.Listeners {
		if !inbound(l) {
			continue
		}
		end := l.PortEnd()
		if end == 0 {
			end = l.Port()
		}
		if l.Port() > ephemeralHigh || end < ephemeralLow {
			continue
		}
		p.Reportf(l.Source,
			"%s listens on %s, inside the linux ephemeral range %d-%d; expected a port below %d or one reserved with net.ipv4.ip_local_reserved_ports",
			l.ID, portText(l), ephemeralLow, ephemeralHigh, ephemeralLow)
	}
}
