package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL602() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "the server's JVM also listens on a random RMI port and a debug port", Fires: true, Files: liveHome(),
				Live: ssHeader + `tcp   LISTEN 0      100    127.0.0.1:9763    0.0.0.0:*    users:(("java",pid=4242,fd=301))
tcp   LISTEN 0      100      0.0.0.0:9443    0.0.0.0:*    users:(("java",pid=4242,fd=302))
tcp   LISTEN 0      50             *:41873         *:*    users:(("java",pid=4242,fd=312))
tcp   LISTEN 0      50       0.0.0.0:5005    0.0.0.0:*    users:(("java",pid=4242,fd=4))
tcp   LISTEN 0      128      0.0.0.0:22      0.0.0.0:*    users:(("sshd",pid=700,fd=3))
`},
			{Name: "the server's JVM listens only where the configuration says", Files: liveHome(),
				Live: ssHeader + `tcp   LISTEN 0      100    127.0.0.1:9763    0.0.0.0:*    users:(("java",pid=4242,fd=301))
tcp   LISTEN 0      100      0.0.0.0:9443    0.0.0.0:*    users:(("java",pid=4242,fd=302))
tcp   LISTEN 0      128      0.0.0.0:22      0.0.0.0:*    users:(("sshd",pid=700,fd=3))
`},
		}
	}
	return &Rule{
		ID:       "WL602",
		Name:     "live-unexplained-listener",
		Title:    "the server's process listens on a port its configuration does not explain",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkLiveUnexplained,
		examples: ex,
		doc: func() string {
			return exampleDoc(`With `+"`--live`"+` or `+"`--live-from FILE`"+`, the process of a server is the one holding most of the
ports its configuration opens. Every other socket that process holds is reported at the line of the socket
table or ss output that shows it: a JMX agent started with `+"`-Dcom.sun.management.jmxremote`"+` and no fixed
RMI port (a random port, WL302), a debug agent (`+"`-agentlib:jdwp`"+`, WL310), a listener enabled in a file
wso2lint does not read, or files that differ from the ones linted. None of them is in the firewall rules
wso2lint writes, so each is either unreachable or opened by hand. The process is known only when ss ran with
`+"`-p`"+` or /proc/PID/fd could be read (as root, or as the server's user).`, ex(),
				"Give the agent a fixed port (and a listener wso2lint knows), remove the option from the start script,\n"+
					"or lint the files the server really runs with.")
		},
	}
}

func checkLiveUnexplained(p *Pass) {
	live := p.Opt.Live
	if live == nil {
		return
	}
	v := liveOf(p.Server, live)
	if v.pid == 0 {
		return
	}
	for _, sock := range live.Sockets {
		if sock.PID != v.pid || explained(p.Home, sock) {
			continue
		}
		p.Reportf(sock.Pos, "%s of %s listens on %s, which no listener of the configuration explains; expected only the listeners `wso2lint ports` lists",
			processText(v.process, v.pid), serverName(p.Home, p.Server), socketText(sock))
	}
}

// explained reports whether an enabled inbound listener of any server of
// the home covers the socket's port and protocol.
func explained(h *model.Home, sock model.Socket) bool {
	for _, s := range h.Servers {
		for _, l := range s.Listeners {
			if l.Enabled && l.Dir == model.DirIn && l.Proto == sock.Proto && l.Contains(sock.Port) {
				return true
			}
		}
	}
	return false
}
