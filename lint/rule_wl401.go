package lint

import (
	"slices"
	"sort"
	"strconv"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL401() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>3</Offset></Ports>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml offset edited by hand", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"
`,
			}},
			{Name: "deployment.toml sets the offset carbon.xml shows", Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"
offset = 3
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL401",
		Name:     "generated-xml-edited",
		Title:    "a generated XML file differs from what deployment.toml renders",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkGeneratedXMLEdited,
		examples: ex,
		doc: func() string {
			return exampleDoc(`API Manager 3.x/4.x, Identity Server 5.9+ and Micro Integrator render carbon.xml, axis2.xml,
catalina-server.xml, jmx.xml and the other XML files from deployment.toml at every start whose checksums changed.
A hand edit to a generated file is lost then (the old file goes to backup/), and the port or offset silently
returns to what deployment.toml says: firewall rules written for the edited value stop matching. Only a server
started with `+"`-DavoidConfigUpdate=true`"+` keeps the XML, and this rule stays silent for it.`, ex(), `Make the change in deployment.toml (`+"`[server] offset = 3`"+`, `+"`[transport.https.properties] port`"+`, ...) and let the
server render the XML again.`)
		},
	}
}

func checkGeneratedXMLEdited(p *Pass) {
	s := p.Server
	if s.Toml == nil || s.Toml.AvoidConfigUpdate {
		return
	}
	drift := slices.Clone(s.Toml.Drift)
	sort.SliceStable(drift, func(i, j int) bool {
		a, b := drift[i], drift[j]
		if a.Pos.Less(b.Pos) || b.Pos.Less(a.Pos) {
			return a.Pos.Less(b.Pos)
		}
		return a.Item < b.Item
	})
	for _, d := range drift {
		what := d.Item + " port"
		if d.Item == "offset" {
			what = "port offset"
		}
		p.Reportf(d.Pos, "%s %q differs from %q that deployment.toml renders; your edit will be overwritten on the next start; change deployment.toml",
			what, strconv.Itoa(d.XML), strconv.Itoa(d.Toml))
	}
}
