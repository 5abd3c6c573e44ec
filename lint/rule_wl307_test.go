package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL307PlaintextHTTP(t *testing.T) {
	off := in(model.SvcPassthruHTTP, 8280, 0, axis2XML, 100)
	off.Enabled = false
	testRule(t, "WL307", []ruleCase{
		{
			name:  "servlet and passthru http",
			homes: []*model.Home{home("a", srv(0, []model.Listener{in(model.SvcServletHTTP, 9763, 0, catalinaXML, 70), in(model.SvcPassthruHTTP, 8280, 0, axis2XML, 100)}))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:100:5: info: passthru-http listens on 8280 without tls; expected https only, or the port restricted to a tls-terminating load balancer [WL307]`,
				`a|repository/conf/tomcat/catalina-server.xml:70:5: info: servlet-http listens on 9763 without tls; expected https only, or the port restricted to a tls-terminating load balancer [WL307]`,
			},
		},
		{
			name:  "https only",
			homes: []*model.Home{home("a", srv(0, []model.Listener{in(model.SvcServletHTTPS, 9443, 0, catalinaXML, 80), off}))},
		},
	})
}
