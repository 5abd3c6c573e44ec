package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL104PrivilegedPort(t *testing.T) {
	testRule(t, "WL104", []ruleCase{
		{
			name:  "https on 443",
			homes: []*model.Home{home("a", srv(0, []model.Listener{in(model.SvcServletHTTPS, 443, 0, catalinaXML, 80)}))},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: warning: servlet-https listens on privileged port 443, which needs root or CAP_NET_BIND_SERVICE; expected a port of 1024 or more [WL104]`,
			},
		},
		{
			name: "1023 plus offset 1, and outbound syslog",
			homes: []*model.Home{home("a", srv(1, []model.Listener{
				in(model.SvcServletHTTPS, 1023, 1, catalinaXML, 80),
				out(model.SvcSyslog, "logs", 514, "repository/conf/log4j.properties", 30),
			}))},
		},
	})
}
