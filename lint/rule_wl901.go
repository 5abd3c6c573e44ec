package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL901() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "an ignore without a reason", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <!-- wso2lint:ignore WL104 -->
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`,
			}},
			{Name: "an ignore with its reason", Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <!-- wso2lint:ignore WL104 443 is bound through authbind on this host -->
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="443" SSLEnabled="true" scheme="https" secure="true"/>
    </Service>
</Server>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL901",
		Name:     "ignore-without-reason",
		Title:    "an inline ignore gives no reason",
		Severity: model.SeverityWarning,
		Scope:    ScopeIgnores,
		Check:    checkIgnoreWithoutReason,
		examples: ex,
		doc: func() string {
			return exampleDoc(`An inline `+"`wso2lint:ignore`"+` comment should say why the finding does not apply, so that the next
person (or a review) can tell a deliberate exception from a silenced problem. The ignore still
suppresses its findings; this rule only asks for the reason. It does not run with `+"`--no-inline-ignores`"+`.`, ex(), `Write the reason after the rule IDs:

    <!-- wso2lint:ignore WL104 443 is bound through authbind on this host -->`)
		},
	}
}

func checkIgnoreWithoutReason(p *Pass) {
	for _, h := range p.Homes {
		for _, ig := range h.Ignores {
			if strings.TrimSpace(ig.Reason) == "" {
				p.Report(h, ig.Pos, "ignore of %q gives no reason; expected the rule IDs followed by why the finding does not apply",
					strings.Join(ig.Rules, " "))
			}
		}
	}
}
