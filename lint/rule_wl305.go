package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL305() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "start script accepts any certificate name", Fires: true, Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
    $JAVACMD \
    -Dhttpclient.hostnameVerifier=AllowAll \
    org.wso2.carbon.bootstrap.Bootstrap $*
`}},
			{Name: "start script turns Carbon's and OpenSAML's verification off", Fires: true, Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
    $JAVACMD \
    -Dorg.opensaml.httpclient.https.disableHostnameVerification=true \
    -Dorg.wso2.ignoreHostnameVerification=true \
    org.wso2.carbon.bootstrap.Bootstrap $*
`}},
			{Name: "axis2.xml https sender accepts any certificate name", Fires: true, Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportSender name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLSender">
        <parameter name="HostnameVerifier">AllowAll</parameter>
    </transportSender>
</axisconfig>
`}},
			{Name: "deployment.toml sender accepts any certificate name (Micro Integrator)", Fires: true, Files: map[string]string{
				"conf/deployment.toml": `[server]
hostname = "mi.example.com"

[transport.http]
sender.hostname_verifier = "AllowAll"
`}},
			{Name: "deployment.toml passes HostnameVerifier AllowAll to the https sender (API Manager)", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.passthru_https.sender.parameters]
HostnameVerifier = "AllowAll"
`}},
			{Name: "start script keeps the default verifier", Files: map[string]string{
				"bin/wso2server.sh": `#!/bin/sh
    $JAVACMD \
    -Dhttpclient.hostnameVerifier=DefaultAndLocalhost \
    -Dorg.wso2.ignoreHostnameVerification=false \
    org.wso2.carbon.bootstrap.Bootstrap $*
`}},
		}
	}
	return &Rule{
		ID:       "WL305",
		Name:     "hostname-verification-disabled",
		Title:    "outgoing tls connections skip host name verification",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkHostnameVerificationDisabled,
		examples: ex,
		doc: func() string {
			return exampleDoc(`A server that does not check the name in the certificate of the peer it connects to (key manager,
identity provider, back ends) talks to anyone who can intercept the traffic and present any trusted
certificate. Reported: `+"`-Dhttpclient.hostnameVerifier=AllowAll`"+` in a start script (Carbon's and Synapse's HTTP
clients), `+"`-Dorg.wso2.ignoreHostnameVerification=true`"+` (Carbon's own clients; WSO2's security guidelines ask
for false) and `+"`-Dorg.opensaml.httpclient.https.disableHostnameVerification=true`"+` (OpenSAML's HTTPS
client), which some stock start scripts ship; `+"`HostnameVerifier`"+` `+"`AllowAll`"+` on an axis2.xml https
transportSender; and in deployment.toml, `+"`HostnameVerifier`"+` under `+"`[transport.passthru_https.sender.parameters]`"+`
(API Manager) or `+"`sender.hostname_verifier`"+` under `+"`[transport.http]`"+` (Micro Integrator) set to `+"`AllowAll`"+`.`, ex(),
				"Remove the options, or set `-Dhttpclient.hostnameVerifier=Strict` (the default, `DefaultAndLocalhost`,\n"+
					"verifies names and allows localhost) and `-Dorg.wso2.ignoreHostnameVerification=false`; give the peers\n"+
					"certificates whose names match the URLs the server uses.")
		},
	}
}

func checkHostnameVerificationDisabled(p *Pass) {
	s := p.Server
	for _, set := range s.SettingsOf(model.KeyScriptHostnameVerifier) {
		if strings.EqualFold(optionValue(set.Value), "AllowAll") {
			p.Reportf(set.Pos, "start script sets %q, which accepts any certificate name on outgoing tls connections; expected the default verifier %q", set.Value, "DefaultAndLocalhost")
		}
	}
	for _, set := range s.SettingsOf(model.KeyScriptIgnoreHostname) {
		if isTrue(optionValue(set.Value)) {
			p.Reportf(set.Pos, "start script sets %q, which turns host name verification off on outgoing tls connections; expected the option removed or false", set.Value)
		}
	}
	for _, set := range s.SettingsOf(model.KeyPassthruSenderHostnameVerifier) {
		if strings.EqualFold(unquote(set.Value), "AllowAll") && !renderedXML(s, set.Pos.File) {
			p.Reportf(set.Pos, "PassThrough HTTPS sender HostnameVerifier is %q, which accepts any certificate name from back ends; expected %q", unquote(set.Value), "DefaultAndLocalhost")
		}
	}
	for _, set := range s.Settings {
		key, ok := strings.CutPrefix(set.Key, model.KeyTomlPrefix)
		if !ok || !strings.HasPrefix(key, "transport.") || !strings.EqualFold(unquote(set.Value), "AllowAll") {
			continue
		}
		i := strings.LastIndexByte(key, '.')
		if name := key[i+1:]; tomlHostnameVerifierKey(name) {
			p.Reportf(set.Pos, "[%s] %s = %q accepts any certificate name from back ends; expected %q", key[:i], name, unquote(set.Value), "DefaultAndLocalhost")
		}
	}
}

// tomlHostnameVerifierKey reports whether the last part of a deployment.toml
// [transport...] key sets a sender's host name verifier: hostname_verifier
// (Micro Integrator, sender.hostname_verifier under [transport.http]) or the
// axis2 parameter HostnameVerifier passed through
// [transport.passthru_https.sender.parameters] (API Manager).
func tomlHostnameVerifierKey(name string) bool {
	return strings.EqualFold(name, "hostname_verifier") || name == "HostnameVerifier"
}
