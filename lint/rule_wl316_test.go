package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWeakCiphers(t *testing.T) {
	for list, want := range map[string][]string{
		"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA":   {"TLS_RSA_WITH_3DES_EDE_CBC_SHA"},
		`["SSL_RSA_WITH_RC4_128_MD5", "TLS_DH_anon_WITH_AES_128_CBC_SHA"]`:      {"SSL_RSA_WITH_RC4_128_MD5", "TLS_DH_anon_WITH_AES_128_CBC_SHA"},
		"ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:!aNULL":                       {"DES-CBC3-SHA"},
		"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_AES_256_GCM_SHA384": nil,
		"TLS_RSA_WITH_NULL_SHA256":                                              {"TLS_RSA_WITH_NULL_SHA256"},
	} {
		if diff := cmp.Diff(want, weakCiphers(list)); diff != "" {
			t.Errorf("weakCiphers(%q) (-want +got):\n%s", list, diff)
		}
	}
}

func TestWL316WeakCiphers(t *testing.T) {
	testRule(t, "WL316", []ruleCase{
		{
			name: "xml",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyConnectorCiphers, "SSL_RSA_WITH_RC4_128_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", catalinaXML, 92),
				set(model.KeyPassthruCiphers, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", axis2XML, 260),
			))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:260:5: warning: PassThrough HTTPS PreferredCiphers allow weak cipher suites TLS_RSA_EXPORT_WITH_RC4_40_MD5; expected only strong suites (ECDHE with AES-GCM or CHACHA20-POLY1305) [WL316]`,
				`a|repository/conf/tomcat/catalina-server.xml:92:5: warning: connector ciphers allow weak cipher suites SSL_RSA_WITH_RC4_128_SHA; expected only strong suites (ECDHE with AES-GCM or CHACHA20-POLY1305) [WL316]`,
			},
		},
		{
			name: "toml, rendered xml skipped",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"transport.https.sslHostConfig.properties.ciphers", `"TLS_RSA_WITH_DES_CBC_SHA"`, toml, 30),
				set(model.KeyConnectorCiphers, "TLS_RSA_WITH_DES_CBC_SHA", catalinaXML, 92),
			), catalinaXML)},
			want: []string{
				`a|repository/conf/deployment.toml:30:5: warning: [transport.https.sslHostConfig.properties] ciphers allows weak cipher suites TLS_RSA_WITH_DES_CBC_SHA; expected only strong suites (ECDHE with AES-GCM or CHACHA20-POLY1305) [WL316]`,
			},
		},
		{
			name:  "strong",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyConnectorCiphers, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", catalinaXML, 92)))},
		},
	})
}
