package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL603() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "HTTP connector bound to 127.0.0.1 in the file, open on every interface", Fires: true, Files: liveHome(),
				Live: ssHeader + `tcp   LISTEN 0      100      0.0.0.0:9763    0.0.0.0:*    users:(("java",pid=4242,fd=301))
tcp   LISTEN 0      100      0.0.0.0:9443    0.0.0.0:*    users:(("java",pid=4242,fd=302))
`},
			{Name: "HTTP connector open on loopback only, as configured", Files: liveHome(),
				Live: ssHeader + `tcp   LISTEN 0      100    127.0.0.1:9763    0.0.0.0:*    users:(("java",pid=4242,fd=301))
tcp   LISTEN 0      100      0.0.0.0:9443    0.0.0.0:*    users:(("java",pid=4242,fd=302))
`},
		}
	}
	return &Rule{
		ID:       "WL603",
		Name:     "live-wider-bind",
		Title:    "a listener configured for one address listens on every interface",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkLiveWiderBind,
		examples: ex,
		doc: func() string {
			return exampleDoc(`A bind address in the configuration (a Tomcat connector's `+"`address`"+`, a transport's `+"`bind-address`"+`,
`+"`[transport.http] bind_address`"+`) keeps a port off the network: wso2lint then treats it as local and
writes no firewall rule for it. With `+"`--live`"+` or `+"`--live-from FILE`"+`, a socket of the server on that port
bound to 0.0.0.0 or :: shows the address was not applied (the file the server reads differs, a system
property overrides it, or the product ignores the key), and the port is reachable from every network the
host is on.`, ex(),
				"Find out why the bind address is not applied (the file the server really reads, the start script), and\n"+
					"until then firewall the port.")
		},
	}
}

func checkLiveWiderBind(p *Pass) {
	live := p.Opt.Live
	if live == nil {
		return
	}
	v := liveOf(p.Server, live)
	for i, l := range v.expected {
		for _, sock := range v.held[i] {
			if v.ofServer(sock) && sock.Wider(l.BindAddr) {
				p.Reportf(l.Source, "%s is configured to bind %s but listens on %s (every interface, at %s); expected it bound to %s only",
					l.ID, l.Bind, socketText(sock), sock.Pos, l.BindAddr)
				break
			}
		}
	}
}
