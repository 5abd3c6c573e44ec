package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL305HostnameVerificationDisabled(t *testing.T) {
	testRule(t, "WL305", []ruleCase{
		{
			name: "axis2 sender and toml",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyPassthruSenderHostnameVerifier, "AllowAll", axis2XML, 510),
				set(model.KeyTomlPrefix+"transport.passthru_https.sender.hostname_verifier", `"AllowAll"`, toml, 60),
				set(model.KeyTomlPrefix+"transport.passthru_https.sender.parameters.HostnameVerifier", `"AllowAll"`, toml, 70),
				set(model.KeyTomlPrefix+"transport.passthru_https.sender.parameters.HostnameVerifier", `"Strict"`, toml, 71),
			))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:510:5: error: PassThrough HTTPS sender HostnameVerifier is "AllowAll", which accepts any certificate name from back ends; expected "DefaultAndLocalhost" [WL305]`,
				`a|repository/conf/deployment.toml:60:5: error: [transport.passthru_https.sender] hostname_verifier = "AllowAll" accepts any certificate name from back ends; expected "DefaultAndLocalhost" [WL305]`,
				`a|repository/conf/deployment.toml:70:5: error: [transport.passthru_https.sender.parameters] HostnameVerifier = "AllowAll" accepts any certificate name from back ends; expected "DefaultAndLocalhost" [WL305]`,
			},
		},
		{
			name:  "allow all",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptHostnameVerifier, "-Dhttpclient.hostnameVerifier=allowall", script, 290)))},
			want: []string{
				`a|bin/wso2server.sh:290:5: error: start script sets "-Dhttpclient.hostnameVerifier=allowall", which accepts any certificate name on outgoing tls connections; expected the default verifier "DefaultAndLocalhost" [WL305]`,
			},
		},
		{
			name: "ignore host name verification",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyScriptIgnoreHostname, "-Dorg.opensaml.httpclient.https.disableHostnameVerification=true", script, 326),
				set(model.KeyScriptIgnoreHostname, "-Dorg.wso2.ignoreHostnameVerification=TRUE", script, 327),
				set(model.KeyScriptIgnoreHostname, "-Dorg.wso2.ignoreHostnameVerification=false", script, 328),
			))},
			want: []string{
				`a|bin/wso2server.sh:326:5: error: start script sets "-Dorg.opensaml.httpclient.https.disableHostnameVerification=true", which turns host name verification off on outgoing tls connections; expected the option removed or false [WL305]`,
				`a|bin/wso2server.sh:327:5: error: start script sets "-Dorg.wso2.ignoreHostnameVerification=TRUE", which turns host name verification off on outgoing tls connections; expected the option removed or false [WL305]`,
			},
		},
		{
			name:  "strict",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptHostnameVerifier, "-Dhttpclient.hostnameVerifier=Strict", script, 290)))},
		},
	})
}
