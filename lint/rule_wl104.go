package lint

import "github.com/wso2lint/wso2lint/internal/model"

// firstUnprivileged is the lowest port a process without CAP_NET_BIND_SERVICE may bind.
const firstUnprivileged model.Port = 1024

func ruleWL104() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "HTTPS connector on 443", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`,
			}},
			{Name: "HTTPS connector on 9443", Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL104",
		Name:     "privileged-port",
		Title:    "a listener uses a privileged port below 1024",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkPrivilegedPort,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Binding a port below 1024 needs root or the CAP_NET_BIND_SERVICE capability. WSO2 servers should
not run as root; without the capability the transport fails to start with "Permission denied".`, ex(), `Keep the server on its unprivileged port (9443) and publish 443 on a load balancer or with a
port redirect (`+"`nft add rule ip nat prerouting tcp dport 443 redirect to :9443`"+`), or grant the JVM
CAP_NET_BIND_SERVICE (`+"`setcap cap_net_bind_service=+ep $JAVA_HOME/bin/java`"+`) and suppress this finding
with a reason.`)
		},
	}
}

func checkPrivilegedPort(p *Pass) {
	for _, l := range p.Server.Listeners {
		if !inbound(l) || l.Port() < 1 || l.Port() >= firstUnprivileged {
			continue
		}
		p.Reportf(l.Source,
			"%s listens on privileged port %s, which needs root or CAP_NET_BIND_SERVICE; expected a port of %d or more",
			l.ID, portText(l), firstUnprivileged)
	}
}
