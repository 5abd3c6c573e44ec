package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL305() *Rule {
	return &Rule{
		ID:       "WL305",
		Name:     "hostname-verification-disabled",
		Title:    "outgoing tls connections skip host name verification",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkHostnameVerificationDisabled,
		Doc: `` + "`-Dhttpclient.hostnameVerifier=AllowAll`" + ` makes the server accept any certificate name on its outgoing
TLS connections (key manager, identity provider, back ends). Anyone who can intercept the traffic and
present any trusted certificate can read and change it.

Example:

    -Dhttpclient.hostnameVerifier=AllowAll \      (bin/wso2server.sh)
    <parameter name="HostnameVerifier">AllowAll</parameter>   (axis2.xml https transportSender)

    [transport.passthru_https.sender]
    hostname_verifier = "AllowAll"                (deployment.toml)

Fix:

Remove the option (the default, ` + "`DefaultAndLocalhost`" + `, verifies names and allows localhost), and give the
peers certificates whose names match the URLs the server uses.`,
	}
}

func checkHostnameVerificationDisabled(p *Pass) {
	for _, set := range p.Server.SettingsOf(model.KeyScriptHostnameVerifier) {
		if strings.EqualFold(optionValue(set.Value), "AllowAll") {
			p.Reportf(set.Pos, "start script sets %q, which accepts any certificate name on outgoing tls connections; expected the default verifier %q", set.Value, "DefaultAndLocalhost")
		}
	}
	s := p.Server
	for _, set := range s.SettingsOf(model.KeyPassthruSenderHostnameVerifier) {
		if strings.EqualFold(unquote(set.Value), "AllowAll") && !renderedXML(s, set.Pos.File) {
			p.Reportf(set.Pos, "PassThrough HTTPS sender HostnameVerifier is %q, which accepts any certificate name from back ends; expected %q", unquote(set.Value), "DefaultAndLocalhost")
		}
	}
	for _, set := range s.Settings {
		key, ok := strings.CutPrefix(set.Key, model.KeyTomlPrefix)
		if ok && strings.HasPrefix(key, "transport.") && strings.HasSuffix(strings.ToLower(key), ".hostname_verifier") &&
			strings.EqualFold(unquote(set.Value), "AllowAll") {
			p.Reportf(set.Pos, "[%s] hostname_verifier = %q accepts any certificate name from back ends; expected %q", key[:strings.LastIndexByte(key, '.')], unquote(set.Value), "DefaultAndLocalhost")
		}
	}
}
