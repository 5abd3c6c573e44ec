package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL301JMXRemoteEnabled(t *testing.T) {
	reg := in(model.SvcJMXRegistry, 9999, 0, carbonXML, 120)
	rmi := in(model.SvcJMXServer, 11111, 0, carbonXML, 121)
	off := reg
	off.Enabled = false
	testRule(t, "WL301", []ruleCase{
		{
			name:  "start rmi server true",
			homes: []*model.Home{home("a", srv(0, []model.Listener{reg, rmi}, set(model.KeyJMXStartRMIServer, "true", jmxXML, 20)))},
			want: []string{
				`a|repository/conf/etc/jmx.xml:20:5: warning: StartRMIServer is "true", so jmx-rmi-registry 9999 and jmx-rmi-server 11111 listen on all interfaces; expected "false" unless JMX monitoring needs it, with the ports kept to the management network [WL301]`,
			},
		},
		{
			name:  "no jmx.xml setting",
			homes: []*model.Home{home("a", srv(0, []model.Listener{reg}))},
			want: []string{
				`a|repository/conf/carbon.xml:120:5: warning: jmx-rmi-registry listens on 9999 on all interfaces; expected it off (StartRMIServer false in jmx.xml) unless JMX monitoring needs it [WL301]`,
			},
		},
		{
			name:  "disabled",
			homes: []*model.Home{home("a", srv(0, []model.Listener{off}, set(model.KeyJMXStartRMIServer, "false", jmxXML, 20)))},
		},
	})
}
