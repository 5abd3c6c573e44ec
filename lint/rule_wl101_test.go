package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL101PortCollision(t *testing.T) {
	am := func(dir string, off int) *model.Home {
		return home(dir, srv(off, []model.Listener{
			in(model.SvcServletHTTPS, 9443, off, catalinaXML, 80),
			in(model.SvcServletHTTP, 9763, off, catalinaXML, 70),
		}))
	}
	flagged := am("b", 0)
	flagged.Servers[0].Offset = model.Offset{Value: 0, Origin: model.OriginFlag}
	crowded := home("a", srv(0, []model.Listener{
		in(model.SvcServletHTTPS, 9443, 0, catalinaXML, 80),
		in(model.SvcPassthruHTTPS, 9444, 0, axis2XML, 120),
	}))
	one := func(dir string) *model.Home {
		return home(dir, srv(0, []model.Listener{in(model.SvcServletHTTPS, 9443, 0, catalinaXML, 80)}))
	}
	hz := func(dir string) *model.Home {
		return home(dir, srv(0, []model.Listener{fixed(model.SvcHazelcastMember, 4000, axis2XML, 60)}))
	}
	disabled := am("b", 0)
	for i := range disabled.Servers[0].Listeners {
		disabled.Servers[0].Listeners[i].Enabled = false
	}
	ei := &model.Home{Dir: "ei", Servers: []model.Server{
		srv(0, []model.Listener{in(model.SvcServletHTTPS, 9443, 0, "conf/tomcat/catalina-server.xml", 80)}),
		{Profile: "broker", ConfDir: "wso2/broker/conf",
			Offset:    model.Offset{Value: 0, Origin: model.OriginCarbon, Pos: pos("wso2/broker/conf/carbon.xml", 97)},
			Listeners: []model.Listener{in(model.SvcServletHTTPS, 9443, 0, "wso2/broker/conf/tomcat/catalina-server.xml", 81)}},
	}}
	testRule(t, "WL101", []ruleCase{
		{
			name:  "two homes at offset 0",
			homes: []*model.Home{am("a", 0), am("b", 0)},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:70:5: error: servlet-http port 9763/tcp is also claimed by servlet-http (port 9763) of "b" at repository/conf/tomcat/catalina-server.xml:70:5; expected one listener per port on the host: set <Offset> to 1 in repository/conf/carbon.xml of "b" [WL101]`,
				`a|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "b" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: set <Offset> to 1 in repository/conf/carbon.xml of "b" [WL101]`,
				`b|repository/conf/tomcat/catalina-server.xml:70:5: error: servlet-http port 9763/tcp is also claimed by servlet-http (port 9763) of "a" at repository/conf/tomcat/catalina-server.xml:70:5; expected one listener per port on the host: set <Offset> to 1 in repository/conf/carbon.xml of "b" [WL101]`,
				`b|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "a" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: set <Offset> to 1 in repository/conf/carbon.xml of "b" [WL101]`,
			},
		},
		{
			name:  "second home offset by 1",
			homes: []*model.Home{am("a", 0), am("b", 1)},
		},
		{
			name:  "disabled listeners do not collide",
			homes: []*model.Home{am("a", 0), disabled},
		},
		{
			name:  "offset 1 would collide again, so 2",
			homes: []*model.Home{crowded, one("b")},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "b" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: set <Offset> to 2 in repository/conf/carbon.xml of "b" [WL101]`,
				`b|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "a" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: set <Offset> to 2 in repository/conf/carbon.xml of "b" [WL101]`,
			},
		},
		{
			name:  "offset from the command line",
			homes: []*model.Home{one("a"), flagged},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "b" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: start "b" with -DportOffset=1 [WL101]`,
				`b|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "a" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: start "b" with -DportOffset=1 [WL101]`,
			},
		},
		{
			name:  "two clustered servers share the hazelcast member range",
			homes: []*model.Home{hz("a"), hz("b")},
		},
		{
			name:  "clustering port is not offset",
			homes: []*model.Home{hz("a"), home("b", srv(0, []model.Listener{fixed(model.SvcInboundHTTP, 4000, "repository/deployment/server/synapse-configs/default/inbound-endpoints/In.xml", 9)}))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:60:5: error: hazelcast-member port 4000/tcp is also claimed by inbound-http (port 4000) of "b" at repository/deployment/server/synapse-configs/default/inbound-endpoints/In.xml:9:5; expected one listener per port on the host: change the port of inbound-http of "b" in repository/deployment/server/synapse-configs/default/inbound-endpoints/In.xml (the port offset does not move it) [WL101]`,
				`b|repository/deployment/server/synapse-configs/default/inbound-endpoints/In.xml:9:5: error: inbound-http port 4000/tcp is also claimed by hazelcast-member (port 4000) of "a" at repository/conf/axis2/axis2.xml:60:5; expected one listener per port on the host: change the port of inbound-http of "b" in repository/deployment/server/synapse-configs/default/inbound-endpoints/In.xml (the port offset does not move it) [WL101]`,
			},
		},
		{
			name: "two listeners of one server",
			homes: []*model.Home{home("a", srv(0, []model.Listener{
				in(model.SvcServletHTTPS, 9443, 0, catalinaXML, 80), in(model.SvcPassthruHTTPS, 9443, 0, axis2XML, 120),
			}))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:120:5: error: passthru-https port 9443/tcp is also claimed by servlet-https (port 9443) of "a" at repository/conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: change the port of servlet-https of "a" in repository/conf/tomcat/catalina-server.xml [WL101]`,
				`a|repository/conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by passthru-https (port 9443) of "a" at repository/conf/axis2/axis2.xml:120:5; expected one listener per port on the host: change the port of servlet-https of "a" in repository/conf/tomcat/catalina-server.xml [WL101]`,
			},
		},
		{
			name:  "a host service takes the port; the wso2 server moves",
			homes: []*model.Home{home("a", srv(0, []model.Listener{in(model.SvcAMQP, 5672, 0, "repository/conf/broker.xml", 79), in(model.SvcWebSocket, 9099, 0, "repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml", 9)}))},
			opt: Options{HostServices: []model.HostService{
				{Name: "rabbitmq", Port: 5672, Proto: model.ProtoTCP, Origin: ".wso2lint.yaml", Line: 3, Col: 11},
				{Name: "node-exporter", Port: 9100, Proto: model.ProtoTCP, Origin: "--host-service"},
			}},
			want: []string{
				`a|repository/conf/broker.xml:79:5: error: amqp port 5672/tcp is also claimed by rabbitmq (port 5672), a service of the host (declared in .wso2lint.yaml:3:11); expected one listener per port on the host: set <Offset> to 2 in repository/conf/carbon.xml of "a" [WL101]`,
			},
		},
		{
			name:  "a host service on another protocol or port does not collide",
			homes: []*model.Home{am("a", 0)},
			opt: Options{HostServices: []model.HostService{
				{Name: "dns", Port: 9443, Proto: model.ProtoUDP, Origin: "--host-service"},
				{Name: "exporters", Port: 9444, PortEnd: 9762, Proto: model.ProtoTCP, Origin: "--host-service"},
			}},
		},
		{
			name:  "a host service range covers a fixed port",
			homes: []*model.Home{hz("a")},
			opt: Options{HostServices: []model.HostService{
				{Name: "other-cluster", Port: 3990, PortEnd: 4010, Proto: model.ProtoTCP, Origin: "--host-service"},
				{Name: "other-cluster-twin", Port: 3990, PortEnd: 4010, Proto: model.ProtoTCP, Origin: "--host-service"},
			}},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:60:5: error: hazelcast-member port 4000/tcp is also claimed by other-cluster (port 3990-4010), a service of the host (given with --host-service) and other-cluster-twin (port 3990-4010), a service of the host (given with --host-service); expected one listener per port on the host: change the port of hazelcast-member of "a" in repository/conf/axis2/axis2.xml (the port offset does not move it) [WL101]`,
			},
		},
		{
			name:  "host services colliding among themselves are not reported",
			homes: []*model.Home{one("a")},
			opt: Options{HostServices: []model.HostService{
				{Name: "x", Port: 80, Proto: model.ProtoTCP, Origin: "--host-service"},
				{Name: "y", Port: 80, Proto: model.ProtoTCP, Origin: "--host-service"},
			}},
		},
		{
			name:  "enterprise integrator profiles",
			homes: []*model.Home{ei},
			want: []string{
				`ei|conf/tomcat/catalina-server.xml:80:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "ei" profile "broker" at wso2/broker/conf/tomcat/catalina-server.xml:81:5; expected one listener per port on the host: set <Offset> to 1 in wso2/broker/conf/carbon.xml of "ei" profile "broker" [WL101]`,
				`ei|wso2/broker/conf/tomcat/catalina-server.xml:81:5: error: servlet-https port 9443/tcp is also claimed by servlet-https (port 9443) of "ei" profile "default" at conf/tomcat/catalina-server.xml:80:5; expected one listener per port on the host: set <Offset> to 1 in wso2/broker/conf/carbon.xml of "ei" profile "broker" [WL101]`,
			},
		},
	})
}

func TestWL101OthersTextBounded(t *testing.T) {
	texts := []string{"a", "b", "c", "d", "e", "f"}
	tests := []struct {
		texts []string
		i     int
		want  string
	}{
		{texts[:2], 0, "b"},
		{texts[:4], 1, "a and c and d"},
		{texts, 0, "b and c and d and 2 more"},
		{texts, 5, "a and b and c and 2 more"},
	}
	for _, tc := range tests {
		if got := othersText(tc.texts, tc.i); got != tc.want {
			t.Errorf("othersText(%q, %d) = %q, want %q", tc.texts, tc.i, got, tc.want)
		}
	}
}
