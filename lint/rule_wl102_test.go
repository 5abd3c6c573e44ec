package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL102PortOutOfRange(t *testing.T) {
	big := srv(60000, []model.Listener{
		in(model.SvcServletHTTPS, 9443, 60000, catalinaXML, 80),
		in(model.SvcServletHTTP, 5000, 60000, catalinaXML, 70),
	})
	literal := srv(0, []model.Listener{fixed(model.SvcInboundHTTP, 70000, "repository/deployment/server/synapse-configs/default/inbound-endpoints/in.xml", 7)})
	rng := fixed(model.SvcHazelcastMember, 65500, axis2XML, 60)
	rng.BaseEnd = 65600
	off := in(model.SvcServletHTTPS, 9443, 60000, catalinaXML, 80)
	off.Enabled = false
	testRule(t, "WL102", []ruleCase{
		{
			name:  "offset pushes a port out",
			homes: []*model.Home{home("a", big)},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 69443 is 9443 plus offset 60000 from repository/conf/carbon.xml:98:5; expected at most 65535 [WL102]`,
			},
		},
		{
			name:  "literal port and range end",
			homes: []*model.Home{home("a", literal, srv(0, []model.Listener{rng}))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:60:5: error: hazelcast-member port 65500-65600 is out of range; expected 1 to 65535 [WL102]`,
				`a|repository/deployment/server/synapse-configs/default/inbound-endpoints/in.xml:7:5: error: inbound-http port 70000 is out of range; expected 1 to 65535 [WL102]`,
			},
		},
		{
			name:  "in range or disabled",
			homes: []*model.Home{home("a", srv(0, []model.Listener{in(model.SvcServletHTTPS, 65535, 0, catalinaXML, 80), off}))},
		},
	})
}
