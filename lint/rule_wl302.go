package lint

import (
	"fmt"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL302() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "jvm agent with a random rmi port", Fires: true, Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
JAVA_OPTS="$JAVA_OPTS -Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.port=9010"
`,
			}},
			{Name: "jvm agent on two fixed ports, authentication and ssl left on", Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
JAVA_OPTS="$JAVA_OPTS -Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.rmi.port=9011"
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL302",
		Name:     "jmxremote-random-ports",
		Title:    "the start script enables the jvm's own jmx agent",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkJMXRemoteRandomPorts,
		examples: ex,
		doc: func() string {
			return exampleDoc(``+"`-Dcom.sun.management.jmxremote`"+` starts the JVM's own JMX agent next to Carbon's. Its RMI server takes a
port chosen at random at every start (even with `+"`jmxremote.port`"+` set, unless `+"`jmxremote.rmi.port`"+` is set
too), so no firewall rule can be derived for it, and with `+"`authenticate=false`"+` it needs no password at all.`, ex(), `Remove the options and use Carbon's JMX (jmx.xml, carbon.xml `+"`<Ports><JMX>`"+`), or pin both ports
(`+"`-Dcom.sun.management.jmxremote.port=N -Dcom.sun.management.jmxremote.rmi.port=N`"+`), turn on
authentication and SSL, and open that one port to the management network only.`)
		},
	}
}

// jmxAgent is what one start script sets for the JVM's own JMX agent
// (sun.management.Agent): jmxremote alone starts a local connector on a random
// port; jmxremote.port (with or without jmxremote) starts the remote one, whose
// RMI server port is random unless jmxremote.rmi.port is set; authenticate and
// ssl default to true, and anything but "true" turns them off.
type jmxAgent struct {
	flags   []model.Setting // -Dcom.sun.management.jmxremote
	port    *model.Setting  // the last -Dcom.sun.management.jmxremote.port (the JVM keeps the last)
	rmiPort *model.Setting
	auth    *model.Setting
	ssl     *model.Setting
}

// The options of the agent that WL302 reads. KeyScriptJMXRemote holds the
// bare flag and the agent's other options as written; jmxremote.port has
// KeyScriptJMXRemotePort.
const (
	optJMXRemote        = "-Dcom.sun.management.jmxremote"
	optJMXRemoteRMIPort = optJMXRemote + ".rmi.port"
	optJMXRemoteAuth    = optJMXRemote + ".authenticate"
	optJMXRemoteSSL     = optJMXRemote + ".ssl"
)

func checkJMXRemoteRandomPorts(p *Pass) {
	s := p.Server
	// Each start script is a way to start the server: judge them apart.
	agents := map[string]*jmxAgent{}
	var files []string
	agent := func(file string) *jmxAgent {
		a, ok := agents[file]
		if !ok {
			a = &jmxAgent{}
			agents[file] = a
			files = append(files, file)
		}
		return a
	}
	for _, set := range s.SettingsOf(model.KeyScriptJMXRemotePort) {
		agent(set.Pos.File).port = &set
	}
	for _, set := range s.SettingsOf(model.KeyScriptJMXRemote) {
		a := agent(set.Pos.File)
		name, _, _ := strings.Cut(unquote(set.Value), "=")
		switch name {
		case optJMXRemote:
			a.flags = append(a.flags, set)
		case optJMXRemoteRMIPort:
			a.rmiPort = &set
		case optJMXRemoteAuth:
			a.auth = &set
		case optJMXRemoteSSL:
			a.ssl = &set
		}
	}
	for _, f := range files {
		checkJMXAgent(p, agents[f])
	}
}

// checkJMXAgent reports the JMX agent of one start script.
func checkJMXAgent(p *Pass, a *jmxAgent) {
	if a.port == nil {
		for _, set := range a.flags {
			p.Reportf(set.Pos, "start script enables %q, whose rmi server port is chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port",
				set.Value)
		}
		return
	}
	var off []string
	var offAt *model.Setting
	for _, o := range []struct {
		what string
		set  *model.Setting
	}{{"authentication", a.auth}, {"ssl", a.ssl}} {
		if o.set == nil {
			continue
		}
		v := optionValue(o.set.Value)
		if strings.ContainsAny(v, "$%") || strings.EqualFold(v, "true") {
			continue // a variable, or on
		}
		off = append(off, o.what)
		if offAt == nil {
			offAt = o.set
		}
	}
	worse := ""
	if len(off) > 0 {
		worse = fmt.Sprintf(", with %s disabled", strings.Join(off, " and "))
	}
	if a.rmiPort == nil {
		p.Reportf(a.port.Pos, "start script sets %q, which starts the jvm jmx agent with its rmi server port chosen at random at each start%s; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port with authentication and ssl on",
			a.port.Value, worse)
		return
	}
	if offAt != nil {
		p.Reportf(offAt.Pos, "start script runs the jvm jmx agent on ports %s and %s%s (%q): anyone who reaches the ports can manage the jvm; expected authentication and ssl on",
			optionValue(a.port.Value), optionValue(a.rmiPort.Value), worse, offAt.Value)
	}
}
