package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

func TestWL306WeakTLSProtocol(t *testing.T) {
	testRule(t, "WL306", []ruleCase{
		{
			name:  "SSLv2Hello",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyConnectorSSLProtocols, "SSLv2Hello,TLSv1.2", catalinaXML, 91)))},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:91:5: warning: connector enables SSLv2Hello in "SSLv2Hello,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
			},
		},
		{
			name: "old protocols",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyConnectorSSLProtocols, "TLSv1,TLSv1.1,TLSv1.2", catalinaXML, 90),
				set(model.KeyConnectorSSLProtocols, "+SSLv3, +TLSv1.2", catalinaXML, 120),
			))},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:90:5: warning: connector enables TLSv1, TLSv1.1 in "TLSv1,TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
				`a|repository/conf/tomcat/catalina-server.xml:120:5: warning: connector enables SSLv3 in "+SSLv3, +TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
			},
		},
		{
			// Written as the Identity Server docs do: no spaces, joined by "+".
			name: "plus-joined list",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyTomlPrefix+"transport.https.sslHostConfig.properties.protocols", `"TLSv1+TLSv1.1+TLSv1.2+TLSv1.3"`, toml, 12),
			))},
			want: []string{
				`a|repository/conf/deployment.toml:12:5: warning: [transport.https.sslHostConfig.properties] protocols enables TLSv1, TLSv1.1 in "TLSv1+TLSv1.1+TLSv1.2+TLSv1.3"; expected only TLSv1.2 and later [WL306]`,
			},
		},
		{
			name: "PassThrough HTTPS listener",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyPassthruHTTPSProtocols, "TLSv1,TLSv1.1,TLSv1.2", axis2XML, 251),
			))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:251:5: warning: PassThrough HTTPS listener enables TLSv1, TLSv1.1 in HttpsProtocols "TLSv1,TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
			},
		},
		{
			name: "deployment.toml",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"transport.https.sslHostConfig.properties.protocols", "+TLSv1, +TLSv1.1, +TLSv1.2", toml, 40),
				set(model.KeyTomlPrefix+"transport.https.properties.sslEnabledProtocols", "TLSv1.1,TLSv1.2", toml, 44),
				set(model.KeyTomlPrefix+"transport.passthru_https.listener.parameters.HttpsProtocols", "SSLv3,TLSv1.2", toml, 50),
				set(model.KeyTomlPrefix+"transport.http.listener.secured_protocols", "TLSv1,TLSv1.1,TLSv1.2", toml, 60),
				set(model.KeyTomlPrefix+"transport.http.sender.secured_protocols", "TLSv1,TLSv1.1,TLSv1.2", toml, 61),
				set(model.KeyTomlPrefix+"transport.receiver.ssl_enabled_protocols", "[TLSv1, TLSv1.1, TLSv1.2]", toml, 70),
				set(model.KeyTomlPrefix+"transport.receiver.ciphers", "[SSL_RSA_WITH_RC4_128_MD5]", toml, 71),
			))},
			want: []string{
				`a|repository/conf/deployment.toml:40:5: warning: [transport.https.sslHostConfig.properties] protocols enables TLSv1, TLSv1.1 in "+TLSv1, +TLSv1.1, +TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
				`a|repository/conf/deployment.toml:44:5: warning: [transport.https.properties] sslEnabledProtocols enables TLSv1.1 in "TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
				`a|repository/conf/deployment.toml:50:5: warning: [transport.passthru_https.listener.parameters] HttpsProtocols enables SSLv3 in "SSLv3,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
				`a|repository/conf/deployment.toml:60:5: warning: [transport.http.listener] secured_protocols enables TLSv1, TLSv1.1 in "TLSv1,TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
				`a|repository/conf/deployment.toml:70:5: warning: [transport.receiver] ssl_enabled_protocols enables TLSv1, TLSv1.1 in "[TLSv1, TLSv1.1, TLSv1.2]"; expected only TLSv1.2 and later [WL306]`,
			},
		},
		{
			name: "deployment.toml renders the XML: no finding at the generated files",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"transport.https.sslHostConfig.properties.protocols", "+TLSv1.2, +TLSv1.3", toml, 40),
				set(model.KeyTomlPrefix+"transport.passthru_https.listener.parameters.HttpsProtocols", "TLSv1.2", toml, 50),
				set(model.KeyConnectorSSLProtocols, "TLSv1,TLSv1.1,TLSv1.2", catalinaXML, 90),
				set(model.KeyPassthruHTTPSProtocols, "TLSv1,TLSv1.1,TLSv1.2", axis2XML, 251),
			), catalinaXML, axis2XML)},
		},
		{
			name: "current protocols, and removed ones",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyConnectorSSLProtocols, "TLSv1.2,TLSv1.3", catalinaXML, 90),
				set(model.KeyConnectorSSLProtocols, "+TLSv1.2 -TLSv1 -TLSv1.1", catalinaXML, 120),
				set(model.KeyConnectorSSLProtocols, "TLS", catalinaXML, 150),
				set(model.KeyPassthruHTTPSProtocols, "TLSv1.2,TLSv1.3", axis2XML, 251),
				set(model.KeyTomlPrefix+"transport.https.sslHostConfig.properties.protocols", "[TLSv1.2, TLSv1.3]", toml, 40),
			))},
		},
	})
}

func TestWL306CorpusPassThrough(t *testing.T) {
	want := []string{
		`repository/conf/axis2/axis2.xml:251:42: warning: PassThrough HTTPS listener enables TLSv1, TLSv1.1 in HttpsProtocols "TLSv1,TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
		`repository/conf/tomcat/catalina-server.xml:55:38: warning: connector enables TLSv1, TLSv1.1 in "TLSv1,TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`,
	}
	got := lintCorpus(t, filepath.Join(testenv.Corpus(t), "wso2esb-5.0.0"), "WL306")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WL306 findings mismatch (-want +got):\n%s", diff)
	}
}

func TestWL306CorpusToml(t *testing.T) {
	corpus := testenv.Corpus(t)
	for _, tc := range []struct {
		name, home, conf, add string
		want                  []string
	}{
		{
			name: "IS weak protocols", home: "wso2is-7.0.0", conf: "repository/conf",
			add:  "\n[transport.https.sslHostConfig.properties]\nprotocols = \"+TLSv1, +TLSv1.1, +TLSv1.2\"\n",
			want: []string{`:13: warning: [transport.https.sslHostConfig.properties] protocols enables TLSv1, TLSv1.1 in "+TLSv1, +TLSv1.1, +TLSv1.2"; expected only TLSv1.2 and later [WL306]`},
		},
		{
			name: "IS current protocols", home: "wso2is-7.0.0", conf: "repository/conf",
			add: "\n[transport.https.sslHostConfig.properties]\nprotocols = \"+TLSv1.2, +TLSv1.3\"\n",
		},
		{
			name: "MI listener, not sender", home: "wso2mi-4.3.0", conf: "conf",
			add:  "\n[transport.http]\nlistener.secured_protocols = \"TLSv1,TLSv1.1,TLSv1.2\"\nsender.secured_protocols = \"TLSv1,TLSv1.1,TLSv1.2\"\n",
			want: []string{`:30: warning: [transport.http.listener] secured_protocols enables TLSv1, TLSv1.1 in "TLSv1,TLSv1.1,TLSv1.2"; expected only TLSv1.2 and later [WL306]`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			testenv.CopyTree(t, filepath.Join(corpus, tc.home), dir)
			name := filepath.Join(dir, filepath.FromSlash(tc.conf), "deployment.toml")
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			content := string(b) + tc.add
			writeFile(t, name, content)
			var want []string
			for _, w := range tc.want {
				// The key's line is the second line added; the column follows " = ".
				line := strings.Count(content[:len(content)-len(tc.add)], "\n") + 3
				want = append(want, fmt.Sprintf("%s/deployment.toml:%d%s", tc.conf, line, w))
			}
			if diff := cmp.Diff(want, lintCorpus(t, dir, "WL306")); diff != "" {
				t.Errorf("WL306 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
