package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL315() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml turns XSS prevention off", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <XSSPreventionConfig>
            <Enabled>false</Enabled>
        </XSSPreventionConfig>
    </Security>
</Server>
`}},
			{Name: "carbon.xml turns the CSRF referer check off", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <CSRFPreventionConfig>
            <Enabled>false</Enabled>
        </CSRFPreventionConfig>
    </Security>
</Server>
`}},
			{Name: "the OWASP CSRFGuard switched off", Fires: true, Files: map[string]string{
				"repository/conf/security/Owasp.CsrfGuard.Carbon.properties": `# If csrfguard filter is enabled
org.owasp.csrfguard.Enabled = false
`}},
			{Name: "both filters on (the shipped carbon.xml and CSRFGuard)", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <XSSPreventionConfig>
            <Enabled>true</Enabled>
        </XSSPreventionConfig>
    </Security>
</Server>
`,
				"repository/conf/security/Owasp.CsrfGuard.Carbon.properties": `org.owasp.csrfguard.Enabled = true
`}},
		}
	}
	return &Rule{
		ID:       "WL315",
		Name:     "xss-csrf-protection-disabled",
		Title:    "the management console's xss or csrf protection is switched off",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkXSSCSRF,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Carbon filters every management console request for cross-site scripting
(`+"`<Security><XSSPreventionConfig><Enabled>`"+` in carbon.xml) and for cross-site request forgery: the OWASP
CSRFGuard (`+"`org.owasp.csrfguard.Enabled`"+` in repository/conf/security/Owasp.CsrfGuard.Carbon.properties)
and, on the products that ship it, a referer check (`+"`<Security><CSRFPreventionConfig><Enabled>`"+`). With a
filter off, a page an administrator visits can act in the console with the administrator's session.

deployment.toml has no key for them: the carbon.xml template of Carbon 4.5+ (carbon-kernel
carbon.xml.j2) writes `+"`<XSSPreventionConfig><Enabled>true</Enabled>`"+` whatever the toml says, so only a
carbon.xml that deployment.toml does not render is checked. The `+"`<CSRFPreventionFilter><Enabled>`"+` switch of
some 4.4.x products ships false (CSRFGuard does the work there) and is not reported.`, ex(),
				"Keep the filters on (`<Enabled>true</Enabled>`, `org.owasp.csrfguard.Enabled = true`, the shipped\n"+
					"values); allow-list URLs in the filter's `<Patterns>` or CSRFGuard's `unprotected` pages instead of\n"+
					"turning it off.")
		},
	}
}

func checkXSSCSRF(p *Pass) {
	s := p.Server
	for _, k := range []struct{ key, name string }{
		{model.KeyCarbonXSSPreventionEnabled, "XSSPreventionConfig"},
		{model.KeyCarbonCSRFPreventionEnabled, "CSRFPreventionConfig"},
	} {
		for _, set := range s.SettingsOf(k.key) {
			if strings.EqualFold(unquote(set.Value), "false") && !renderedXML(s, set.Pos.File) {
				p.Reportf(set.Pos, "%s is disabled, so console requests are not filtered; expected <Enabled>true</Enabled>", k.name)
			}
		}
	}
	for _, set := range s.SettingsOf(model.KeyCSRFGuardEnabled) {
		if strings.EqualFold(unquote(set.Value), "false") && !renderedXML(s, set.Pos.File) {
			p.Reportf(set.Pos, "org.owasp.csrfguard.Enabled is %q, so console requests are not checked for cross-site request forgery; expected true", unquote(set.Value))
		}
	}
}
