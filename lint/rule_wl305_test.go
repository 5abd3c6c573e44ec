package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL305HostnameVerificationDisabled(t *testing.T) {
	testRule(t, "WL305", []ruleCase{
		{
			name:  "allow all",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptHostnameVerifier, "-Dhttpclient.hostnameVerifier=allowall", script, 290)))},
			want: []string{
				`a|bin/wso2server.sh:290:5: error: start script sets "-Dhttpclient.hostnameVerifier=allowall", which accepts any certificate name on outgoing tls connections; expected the default verifier "DefaultAndLocalhost" [WL305]`,
			},
		},
		{
			name:  "strict",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptHostnameVerifier, "-Dhttpclient.hostnameVerifier=Strict", script, 290)))},
		},
	})
}
