package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL105() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "HTTPS connector on 9445 (the default is 9443)", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9445" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`,
			}},
			{Name: "HTTPS connector on 9443 with an offset", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>2</Offset></Ports>
</Server>
`,
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
		ID:       "WL105",
		Name:     "non-default-port",
		Title:    "a listener's configured port differs from the product default",
		Severity: model.SeverityInfo,
		Scope:    ScopeServer,
		Check:    checkNonDefaultPort,
		examples: ex,
		doc: func() string {
			return exampleDoc(`A port changed from the product default is often deliberate, but every client, load balancer,
monitoring probe and firewall rule must follow the change, and documentation and other nodes usually
assume the default. The rule compares each listener's port before the offset with the catalog default
for the product, profile and service, also taken before the offset (the Enterprise Integrator broker
profile's broker.xml holds 5672, which its shipped offset 3 makes 5675); it says nothing about the offset
itself.`, ex(), `If the change is deliberate, suppress the finding with a reason, or prefer a port offset so that the
ports keep their known layout. Otherwise restore the default port.`)
		},
	}
}

func checkNonDefaultPort(p *Pass) {
	if p.Opt.DefaultPort == nil {
		return
	}
	s := p.Server
	for _, l := range s.Listeners {
		if !inbound(l) {
			continue
		}
		def, ok := p.Opt.DefaultPort(p.Home.Product.Key, s.Profile, l.ID)
		if !ok || def == l.Base {
			continue
		}
		p.Reportf(l.Source, "%s port %d (before the offset) differs from the product default %d; expected the default unless the change is deliberate",
			l.ID, l.Base, def)
	}
}
