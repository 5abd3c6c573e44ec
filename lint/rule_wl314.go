package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL314() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml serves the console over plain http", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <EnableHTTPAdminConsole>true</EnableHTTPAdminConsole>
</Server>
`}},
			{Name: "the element left commented out (the shipped carbon.xml)", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <!-- EnableHTTPAdminConsole>true</EnableHTTPAdminConsole -->
</Server>
`}},
		}
	}
	return &Rule{
		ID:       "WL314",
		Name:     "http-admin-console",
		Title:    "the management console is served over plain http",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkHTTPAdminConsole,
		examples: ex,
		doc: func() string {
			return exampleDoc(``+"`<EnableHTTPAdminConsole>true</EnableHTTPAdminConsole>`"+` in carbon.xml makes the management console
answer on the plain HTTP servlet port (9763) as well as HTTPS: the admin's password and session cookie
cross the network in clear text. WSO2's production guidelines keep it off.

deployment.toml has no documented key for it (the element is not in the shipped carbon.xml template);
a carbon.xml that deployment.toml renders is not checked.`, ex(),
				"Remove the element (or set it to `false`): the console is then served over HTTPS only.")
		},
	}
}

func checkHTTPAdminConsole(p *Pass) {
	s := p.Server
	for _, set := range s.SettingsOf(model.KeyCarbonEnableHTTPAdminConsole) {
		if isTrue(set.Value) && !renderedXML(s, set.Pos.File) {
			p.Reportf(set.Pos, "EnableHTTPAdminConsole is true, which serves the management console over plain http; expected the element removed or false")
		}
	}
}
