package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL106() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>0</Offset>
        <JMX>
            <RMIRegistryPort>9999</RMIRegistryPort>
            <RMIServerPort>11111</RMIServerPort>
        </JMX>
    </Ports>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "jmx.xml names a port carbon.xml does not define (typo)", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/etc/jmx.xml": `<JMX xmlns="http://wso2.org/projects/carbon/jmx.xml">
    <StartRMIServer>true</StartRMIServer>
    <HostName>localhost</HostName>
    <RMIRegistryPort>${Ports.JMX.RMIRegistyPort}</RMIRegistryPort>
    <RMIServerPort>${Ports.JMX.RMIServerPort}</RMIServerPort>
</JMX>
`,
			}},
			{Name: "jmx.xml names the carbon.xml ports", Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/etc/jmx.xml": `<JMX xmlns="http://wso2.org/projects/carbon/jmx.xml">
    <StartRMIServer>true</StartRMIServer>
    <HostName>localhost</HostName>
    <RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort>
    <RMIServerPort>${Ports.JMX.RMIServerPort}</RMIServerPort>
</JMX>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL106",
		Name:     "unresolved-placeholder",
		Title:    "a placeholder could not be resolved from the configuration",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkUnresolvedPlaceholder,
		examples: ex,
		doc: func() string {
			return exampleDoc(`wso2lint resolves `+"`${Ports.*}`"+` placeholders from carbon.xml and `+"`$ref{...}`"+` from deployment.toml.
A reference that is not defined there, or one that is only known at run time (`+"`$env{...}`"+`,
`+"`$sys{...}`"+`, `+"`$secret{...}`"+`, a system property), leaves the port or value unknown: the port list and the
firewall rules may then miss a listener, or the server may fail to start with an unresolved value.

A deployment.toml port or offset given through `+"`$env{...}`"+` or `+"`$sys{...}`"+` is left to WL404, which reports
it as information.`, ex(), `Correct the placeholder to one defined in carbon.xml `+"`<Ports>`"+` (or the toml key it refers to), or write the
value literally. For values set at run time, make sure the firewall rules are generated with the same
value (pass it to wso2lint) and suppress the finding with a reason.`)
		},
	}
}

func checkUnresolvedPlaceholder(p *Pass) {
	s := p.Server
	// A port or offset of deployment.toml given through $env{}/$sys{} is
	// WL404's (info): the configuration is fine, only the firewall
	// cannot be derived from it.
	wl404 := map[model.Pos]bool{}
	for _, r := range s.Runtime {
		if r.Port {
			wl404[r.Pos] = true
		}
	}
	for _, r := range s.Unresolved {
		if wl404[r.Pos] {
			continue
		}
		if runtimeRef(r.Expr) {
			p.Reportf(r.Pos, "reference %q is only known at run time; expected a value wso2lint can read, or the same value given to wso2lint", r.Expr)
			continue
		}
		p.Reportf(r.Pos, "placeholder %q cannot be resolved; expected a value defined in the configuration (carbon.xml <Ports>, a toml key) or a literal", r.Expr)
	}
}

// runtimeRef reports whether expr refers to the environment, system
// properties or secrets rather than to the configuration.
func runtimeRef(expr string) bool {
	for _, pre := range []string{"$env{", "$sys{", "$secret{", "$sec{"} {
		if strings.HasPrefix(expr, pre) {
			return true
		}
	}
	return false
}
