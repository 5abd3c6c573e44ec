package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL902() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "an ignore of WL310 in carbon.xml, which WL310 never reports", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <!-- wso2lint:ignore WL310 debugging on the test VM -->
        <Offset>0</Offset>
    </Ports>
</Server>
`,
			}},
			{Name: "an ignore that suppresses the finding below it", Files: map[string]string{
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
		ID:       "WL902",
		Name:     "unused-ignore",
		Title:    "an inline ignore suppresses nothing",
		Severity: model.SeverityWarning,
		Scope:    ScopeIgnores,
		Check:    checkUnusedIgnore,
		examples: ex,
		doc: func() string {
			return exampleDoc(`An inline `+"`wso2lint:ignore`"+` that suppresses no finding is stale (the problem was fixed or the element
moved), names a rule that does not exist, or sits in the wrong place, where it would hide a future
finding it was not meant for. An ignore is only reported when every rule it names ran. It does not run
with `+"`--no-inline-ignores`"+`.`, ex(), `Remove the comment, or move it right before the element (or line) that the finding is reported at, and
name the rule by the ID or name `+"`wso2lint explain`"+` shows.`)
		},
	}
}

func checkUnusedIgnore(p *Pass) {
	st := p.ign
	if st == nil {
		return
	}
	for hi, h := range p.Homes {
		for i, ig := range h.Ignores {
			if st.used[hi][i] {
				continue
			}
			if len(ig.Rules) == 0 {
				p.Report(h, ig.Pos, "ignore names no rule; expected a rule ID such as %q before the reason", "WL101")
				continue
			}
			var unknown []string
			ran := true
			for _, s := range ig.Rules {
				r, ok := st.lookup(s)
				switch {
				case !ok:
					unknown = append(unknown, s)
				case !st.didRun(r.ID):
					ran = false
				}
			}
			switch {
			case len(unknown) > 0:
				p.Report(h, ig.Pos, "ignore names unknown rule %q; expected a rule ID or name that `wso2lint explain` knows", strings.Join(unknown, " "))
			case ran:
				p.Report(h, ig.Pos, "ignore of %q suppressed nothing on lines %d-%d; expected a finding of that rule there, or no ignore",
					strings.Join(ig.Rules, " "), ig.FromLine, ig.ToLine)
			}
		}
	}
}
