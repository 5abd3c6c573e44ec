package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL310() *Rule {
	return &Rule{
		ID:       "WL310",
		Name:     "jdwp-always-on",
		Title:    "the start script always starts the jdwp debug agent",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    checkJDWPAlwaysOn,
		Doc: `The JDWP debug agent lets anyone who reaches its port run arbitrary code in the server's JVM, with no
authentication. The stock start script only adds it inside its ` + "`--debug`" + ` branch, which is fine; an
agent in ` + "`JAVA_OPTS`" + ` or outside that branch is on at every start.

Example:

    JAVA_OPTS="$JAVA_OPTS -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"

Fix:

Remove the option and start with ` + "`bin/wso2server.sh --debug 5005`" + ` when you need a debugger, on a machine
that is not production; bind it to localhost (` + "`address=127.0.0.1:5005`" + `) and use an SSH tunnel.`,
	}
}

func checkJDWPAlwaysOn(p *Pass) {
	for si := range p.Home.Servers {
		for _, set := range p.Home.Servers[si].SettingsOf(model.KeyScriptJDWP) {
			p.Report(p.Home, set.Pos, "start script always starts the debug agent with %q; expected it only behind --debug, never in production", set.Value)
		}
	}
}
