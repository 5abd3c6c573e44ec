package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL306WeakTLSProtocol(t *testing.T) {
	testRule(t, "WL306", []ruleCase{
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
			name: "current protocols, and removed ones",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyConnectorSSLProtocols, "TLSv1.2,TLSv1.3", catalinaXML, 90),
				set(model.KeyConnectorSSLProtocols, "+TLSv1.2 -TLSv1 -TLSv1.1", catalinaXML, 120),
				set(model.KeyConnectorSSLProtocols, "TLS", catalinaXML, 150),
			))},
		},
	})
}
