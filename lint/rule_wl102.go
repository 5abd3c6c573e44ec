package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL102() *Rule {
	catalinaFile := `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "offset 60000 moves 9443 to 69443", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>60000</Offset></Ports>
</Server>
`,
				"repository/conf/tomcat/catalina-server.xml": catalinaFile,
			}},
			{Name: "offset 1", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>1</Offset></Ports>
</Server>
`,
				"repository/conf/tomcat/catalina-server.xml": catalinaFile,
			}},
		}
	}
	return &Rule{
		ID:       "WL102",
		Name:     "port-out-of-range",
		Title:    "a port plus the port offset is beyond 65535",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkPortOutOfRange,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Carbon adds the port offset to every offsettable port without checking the result. A large
offset (or a large configured port) gives a number a socket cannot use, and the transport fails to
start. The rule checks the effective port, and the last port of a range, of every enabled listener.`, ex(), `Use a small offset (WSO2 documents 0 to a few hundred) or a lower port, so that every effective port
stays at or below 65535.`)
		},
	}
}

func checkPortOutOfRange(p *Pass) {
	s := p.Server
	for _, l := range s.Listeners {
		if !l.Enabled {
			continue
		}
		end := l.PortEnd()
		if end == 0 {
			end = l.Port()
		}
		if end <= model.MaxPort && l.Port() >= 0 {
			continue
		}
		if l.Offset != 0 {
			p.Reportf(l.Source, "%s port %s is %d plus %s; expected at most %d",
				l.ID, portText(l), l.Base, offsetFrom(s), model.MaxPort)
			continue
		}
		p.Reportf(l.Source, "%s port %s is out of range; expected 1 to %d", l.ID, portText(l), model.MaxPort)
	}
}
