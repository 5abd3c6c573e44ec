package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL307() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "catalina-server.xml keeps the HTTP connector", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9763"/>
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`,
			}},
			{Name: "HTTPS connector only", Files: map[string]string{
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
		ID:       "WL307",
		Name:     "plaintext-http",
		Title:    "a plain http listener is enabled",
		Severity: model.SeverityInfo,
		Scope:    ScopeServer,
		Check:    checkPlaintextHTTP,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The servlet HTTP connector (9763) and the PassThrough HTTP listener (8280) carry credentials, tokens
and payloads in clear text. In production, clients should use the HTTPS ports, or the HTTP ports should be
reachable only from a TLS-terminating load balancer.`, ex(), `Remove or comment out the HTTP connector or listener when nothing needs it, or restrict it to the load
balancer with the firewall (`+"`wso2lint rules`"+`), and suppress the finding with that reason.`)
		},
	}
}

func checkPlaintextHTTP(p *Pass) {
	for _, l := range p.Server.Listeners {
		if inbound(l) && (l.ID == model.SvcServletHTTP || l.ID == model.SvcPassthruHTTP) {
			p.Reportf(l.Source, "%s listens on %s without tls; expected https only, or the port restricted to a tls-terminating load balancer", l.ID, portText(l))
		}
	}
}
