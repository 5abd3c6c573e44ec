package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL103EphemeralPort(t *testing.T) {
	rng := fixed(model.SvcHazelcastMember, 32700, axis2XML, 60)
	rng.BaseEnd = 32800
	peer := out(model.SvcJDBC, "db", 40000, "repository/conf/datasources/master-datasources.xml", 20)
	testRule(t, "WL103", []ruleCase{
		{
			name: "ports in the range",
			homes: []*model.Home{home("a", srv(1, []model.Listener{
				in(model.SvcPassthruHTTP, 60998, 1, axis2XML, 120), rng,
			}))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:60:5: warning: hazelcast-member listens on 32700-32800, inside the linux ephemeral range 32768-60999; expected a port below 32768 or one reserved with net.ipv4.ip_local_reserved_ports [WL103]`,
				`a|repository/conf/axis2/axis2.xml:120:5: warning: passthru-http listens on 60999, inside the linux ephemeral range 32768-60999; expected a port below 32768 or one reserved with net.ipv4.ip_local_reserved_ports [WL103]`,
			},
		},
		{
			name: "ports just outside, and an outbound peer",
			homes: []*model.Home{home("a", srv(1, []model.Listener{
				in(model.SvcPassthruHTTP, 60999, 1, axis2XML, 120), in(model.SvcServletHTTPS, 32766, 1, catalinaXML, 80), peer,
			}))},
		},
	})
}
