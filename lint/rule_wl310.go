package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL310() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "JDWP agent in JAVA_OPTS", Fires: true, Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
JAVA_OPTS="$JAVA_OPTS -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"
`,
			}},
			{Name: "JDWP agent only in the --debug branch", Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
if [ "$CMD" = "--debug" ]; then
  JAVA_OPTS="-Xdebug -Xnoagent -Djava.compiler=NONE -Xrunjdwp:transport=dt_socket,server=y,suspend=y,address=$PORT"
fi
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL310",
		Name:     "jdwp-always-on",
		Title:    "the start script starts the jdwp debug agent outside its --debug branch",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkJDWPAlwaysOn,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The JDWP debug agent lets anyone who reaches its port run arbitrary code in the server's JVM, with no
authentication. The stock start script only adds it inside its `+"`--debug`"+` branch, which is fine; an
agent in `+"`JAVA_OPTS`"+` or outside that branch is on at every start, or whenever a condition of the
script's own holds (an if, case or && line other than the --debug branch), which holds in production as
easily as anywhere. An option kept in a variable counts where the variable is used.`, ex(), `Remove the option and start with `+"`bin/wso2server.sh --debug 5005`"+` when you need a debugger, on a machine
that is not production; bind it to localhost (`+"`address=127.0.0.1:5005`"+`) and use an SSH tunnel.`)
		},
	}
}

// checkJDWPAlwaysOn reports the JDWP agents the parser found outside the
// stock --debug branch: always on (at the top level, in JAVA_OPTS, on the java
// command line) or turned on by a condition of the script's own (an if, case
// or && one-liner that is not the --debug branch), which holds in production
// as easily as anywhere.
func checkJDWPAlwaysOn(p *Pass) {
	for _, set := range p.Server.SettingsOf(model.KeyScriptJDWP) {
		p.Reportf(set.Pos, "start script starts the debug agent with %q outside the --debug branch; expected it only behind --debug, never in production", set.Value)
	}
}
