package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

// liveHome is the configuration of the live rules' examples: an overlay
// with the servlet connectors of catalina-server.xml, HTTP bound to
// loopback. It is a function, not a package-level map, so that nothing is
// built at start-up (issue 15 item 4).
func liveHome() map[string]string {
	return map[string]string{
		"repository/conf/tomcat/catalina-server.xml": `<Server>
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9763" address="127.0.0.1"/>
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true"/>
    </Service>
</Server>
`,
	}
}

// ssHeader starts the examples' saved `ss -ltnup` output.
const ssHeader = "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"

func ruleWL601() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "HTTPS connector configured, nothing listens on 9443", Fires: true, Files: liveHome(),
				Live: ssHeader + `tcp   LISTEN 0      100    127.0.0.1:9763    0.0.0.0:*    users:(("java",pid=4242,fd=301))
`},
			{Name: "every configured listener is open", Files: liveHome(),
				Live: ssHeader + `tcp   LISTEN 0      100    127.0.0.1:9763    0.0.0.0:*    users:(("java",pid=4242,fd=301))
tcp   LISTEN 0      100      0.0.0.0:9443    0.0.0.0:*    users:(("java",pid=4242,fd=302))
`},
		}
	}
	return &Rule{
		ID:       "WL601",
		Name:     "live-not-listening",
		Title:    "a listener the configuration opens is not listening on the host",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkLiveNotListening,
		examples: ex,
		doc: func() string {
			return exampleDoc(`With `+"`--live`"+` (the sockets of this host, from /proc) or `+"`--live-from FILE`"+` (a saved
`+"`ss -ltnup`"+` of a container or another host), each enabled listener of a server is looked up among the
sockets really open. One that is missing means the server failed to bind it (a port taken, a typo in a
file the server reads differently), the server runs with other files than the ones linted, or it is not
running at all, which the rule reports once for the server instead of once per port. A port held by
another process than the server's is named with that process.`, ex(),
				"Look at the server's log for the bind error, free or change the port, or lint the files the server\n"+
					"really runs with; run the check when the server has finished starting.")
		},
	}
}

func checkLiveNotListening(p *Pass) {
	live := p.Opt.Live
	if live == nil {
		return
	}
	v := liveOf(p.Server, live)
	if len(v.expected) == 0 {
		return
	}
	if !v.any {
		p.Reportf(serverPos(p.Server), "none of the %d listeners of %s is open in %s; expected the server to be running", len(v.expected), serverName(p.Home, p.Server), live.Source)
		return
	}
	for i, l := range v.expected {
		mine := false
		var other model.Socket
		for _, sock := range v.held[i] {
			if v.ofServer(sock) {
				mine = true
				break
			}
			other = sock
		}
		switch {
		case mine:
		case len(v.held[i]) > 0:
			p.Reportf(l.Source, "%s port %s/%s is held by %s, not by the server's %s; expected the server to listen there", l.ID, portText(l), l.Proto, processText(other.Process, other.PID), processText(v.process, v.pid))
		default:
			p.Reportf(l.Source, "%s port %s/%s is not listening in %s; expected the server to open it", l.ID, portText(l), l.Proto, live.Source)
		}
	}
}
