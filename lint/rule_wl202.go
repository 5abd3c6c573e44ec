package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL202() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>1</Offset></Ports>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "start script and carbon.xml disagree", Fires: true, Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
JAVA_OPTS="$JAVA_OPTS -DportOffset=2"
`,
				"repository/conf/carbon.xml": carbonFile,
			}},
			{Name: "start script and carbon.xml agree", Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
JAVA_OPTS="$JAVA_OPTS -DportOffset=1"
`,
				"repository/conf/carbon.xml": carbonFile,
			}},
		}
	}
	return &Rule{
		ID:       "WL202",
		Name:     "script-offset-mismatch",
		Title:    "the start script sets a port offset that differs from carbon.xml",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkScriptOffsetMismatch,
		examples: ex,
		doc: func() string {
			return exampleDoc(`A `+"`-DportOffset=N`"+` written into bin/wso2server.sh (or .bat) overrides the `+"`<Offset>`"+` of carbon.xml
(and the `+"`[server] offset`"+` of deployment.toml). Whoever reads carbon.xml, a colleague or a provisioning
tool, sees one offset while the server runs with another, and clients, load balancers and firewall rules
end up on the wrong ports.`, ex(), `Keep the offset in one place: remove the option from the script and set the offset in carbon.xml (or
deployment.toml), or make both values agree.`)
		},
	}
}

func checkScriptOffsetMismatch(p *Pass) {
	s := p.Server
	conf, ok := offsetOf(s, model.OriginToml)
	what := "deployment.toml [server] offset"
	if !ok {
		conf, ok = offsetOf(s, model.OriginCarbon)
		what = "carbon.xml <Offset>"
	}
	if !ok {
		return
	}
	for _, script := range s.Offsets {
		if script.Origin != model.OriginScript || sameOffset(script, conf) {
			continue
		}
		p.Reportf(script.Pos,
			"start script sets %q, which overrides %s %q%s; expected one offset, kept in one place",
			script.Text, what, unquote(conf.Text), at(conf.Pos))
	}
}

// offsetOf returns the first offset source of the origin.
func offsetOf(s *model.Server, origin string) (model.OffsetSource, bool) {
	for _, o := range s.Offsets {
		if o.Origin == origin {
			return o, true
		}
	}
	return model.OffsetSource{}, false
}

// sameOffset compares two offsets as numbers when both are known, else as
// written.
func sameOffset(a, b model.OffsetSource) bool {
	if a.Known && b.Known {
		return a.Value == b.Value
	}
	return optionValue(a.Text) == unquote(b.Text)
}
