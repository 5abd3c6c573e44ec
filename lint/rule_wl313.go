package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL313() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml publishes the admin service WSDLs", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <HideAdminServiceWSDLs>false</HideAdminServiceWSDLs>
</Server>
`}},
			{Name: "deployment.toml enables the admin service WSDLs", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[admin_service.wsdl]
enable = true
`}},
			{Name: "carbon.xml hides them (the shipped value)", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>
</Server>
`}},
			{Name: "deployment.toml keeps the default", Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"
`}},
		}
	}
	return &Rule{
		ID:       "WL313",
		Name:     "admin-service-wsdls-exposed",
		Title:    "the server publishes the wsdls of its admin services",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkAdminServiceWSDLs,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The admin services (user, tenant, key store, registry administration, ...) are SOAP services on the
management port. WSO2's production guidelines ask to hide their WSDLs: published, they give anyone who
reaches the port a map of every administrative operation and its parameters.`, ex(),
				"Keep `<HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>` in carbon.xml (the shipped value), or in\n"+
					"deployment.toml remove `[admin_service.wsdl] enable = true` (the default hides them). Where\n"+
					"deployment.toml renders carbon.xml, the toml is checked and the finding points at it.")
		},
	}
}

func checkAdminServiceWSDLs(p *Pass) {
	s := p.Server
	if set, ok := tomlSetting(s, "admin_service.wsdl.enable"); ok && isTrue(set.Value) {
		p.Reportf(set.Pos, "[admin_service.wsdl] enable = true publishes the wsdls of the admin services; expected false (the default)")
	}
	for _, set := range s.SettingsOf(model.KeyCarbonHideAdminConsole) {
		if renderedXML(s, set.Pos.File) {
			continue
		}
		if unquote(set.Value) != "" && !isTrue(set.Value) {
			p.Reportf(set.Pos, "HideAdminServiceWSDLs is %q, which publishes the wsdls of the admin services; expected true", unquote(set.Value))
		}
	}
}
