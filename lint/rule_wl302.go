package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL302() *Rule {
	return &Rule{
		ID:       "WL302",
		Name:     "jmxremote-random-ports",
		Title:    "the start script enables the jvm's own jmx agent",
		Severity: model.SeverityWarning,
		Scope:    ScopeHome,
		Check:    checkJMXRemoteRandomPorts,
		Doc: `` + "`-Dcom.sun.management.jmxremote`" + ` starts the JVM's own JMX agent next to Carbon's. Its RMI server takes a
port chosen at random at every start (even with ` + "`jmxremote.port`" + ` set, unless ` + "`jmxremote.rmi.port`" + ` is set
too), so no firewall rule can be derived for it, and with ` + "`authenticate=false`" + ` it needs no password at all.

Example:

    JAVA_OPTS="$JAVA_OPTS -Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.port=9010"

Fix:

Remove the options and use Carbon's JMX (jmx.xml, carbon.xml ` + "`<Ports><JMX>`" + `), or pin both ports
(` + "`-Dcom.sun.management.jmxremote.port=N -Dcom.sun.management.jmxremote.rmi.port=N`" + `), turn on
authentication and SSL, and open that one port to the management network only.`,
	}
}

func checkJMXRemoteRandomPorts(p *Pass) {
	for si := range p.Home.Servers {
		for _, set := range p.Home.Servers[si].SettingsOf(model.KeyScriptJMXRemote) {
			p.Report(p.Home, set.Pos, "start script enables %q, whose rmi server port is chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port",
				set.Value)
		}
	}
}
