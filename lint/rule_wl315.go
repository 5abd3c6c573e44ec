package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL315() *Rule {
	ex := []Example{
		{Name: "carbon.xml turns XSS prevention off", Fires: true, Files: map[string]string{
			"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <XSSPreventionConfig>
            <Enabled>false</Enabled>
        </XSSPreventionConfig>
    </Security>
</Server>
`}},
		{Name: "carbon.xml turns CSRF prevention off", Fires: true, Files: map[string]string{
			"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <CSRFPreventionConfig>
            <Enabled>false</Enabled>
        </CSRFPreventionConfig>
    </Security>
</Server>
`}},
		{Name: "deployment.toml turns the CSRF guard off", Fires: true, Files: map[string]string{
			"repository/conf/deployment.toml": `[server]
hostname = "is.example.com"

[admin_console.csrf_prevention]
enable = false
`}},
		{Name: "both filters on (the shipped carbon.xml)", Files: map[string]string{
			"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <XSSPreventionConfig>
            <Enabled>true</Enabled>
        </XSSPreventionConfig>
    </Security>
</Server>
`}},
	}
	return &Rule{
		ID:       "WL315",
		Name:     "xss-csrf-protection-disabled",
		Title:    "the management console's xss or csrf protection is switched off",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkXSSCSRF,
		Examples: ex,
		Doc: exampleDoc(`Carbon filters every management console request for cross-site scripting
(`+"`<Security><XSSPreventionConfig><Enabled>`"+` in carbon.xml) and, on the products that ship it, for
cross-site request forgery (`+"`<CSRFPreventionConfig>`"+` / the OWASP CSRFGuard). With a filter off, a
page an administrator visits can act in the console with the administrator's session.

Uncertain key names: the carbon.xml elements are those of Carbon 4.4.x. deployment.toml has no single
documented key across products; any deployment.toml table whose name contains `+"`xss`"+` or `+"`csrf`"+`
with `+"`enable`"+` or `+"`enabled`"+` set to false is reported. The OWASP CSRFGuard properties file
(`+"`org.owasp.csrfguard.Enabled`"+`) is not read yet.`, ex,
			"Keep both filters on (`<Enabled>true</Enabled>`, the shipped value), and remove toml overrides that\n"+
				"set them to false; allow-list URLs in the filter's `<Patterns>` instead of turning it off."),
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
	for _, set := range s.Settings {
		key, ok := strings.CutPrefix(set.Key, model.KeyTomlPrefix)
		if !ok {
			continue
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			continue
		}
		table, name := key[:i], key[i+1:]
		lt := strings.ToLower(table)
		if (name == "enable" || name == "enabled") && (strings.Contains(lt, "xss") || strings.Contains(lt, "csrf")) &&
			strings.EqualFold(unquote(set.Value), "false") {
			p.Reportf(set.Pos, "[%s] %s = false switches the console's request filter off; expected true", table, name)
		}
	}
}
