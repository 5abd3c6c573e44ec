package emit

import (
	"context"
	"fmt"
	"net/netip"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func in(id string, base model.Port, off int, proto model.Protocol, class model.Exposure, file string, line int) model.Listener {
	return model.Listener{ID: id, Base: base, Offset: off, Offsetable: off != 0, Proto: proto, Dir: model.DirIn,
		Enabled: true, Exposure: class, Source: model.Pos{File: file, Line: line}}
}

func out(id string, host string, port model.Port, proto model.Protocol, file string, line int) model.Listener {
	return model.Listener{ID: id, Base: port, Proto: proto, Dir: model.DirOut, Enabled: true, Host: host,
		Exposure: model.ExposureOutbound, Source: model.Pos{File: file, Line: line}}
}

// appleRange marks an outbound listener's host as a block wso2lint knows, as
// the parser does for APNs.
func appleRange(l model.Listener) model.Listener {
	l.HostIsRange = true
	return l
}

const (
	tcp = model.ProtoTCP
	udp = model.ProtoUDP
)

// amHome is an API Manager home at offset 0 with public, management, cluster
// and local listeners, outbound connections and a device port.
func amHome() *model.Home {
	const cat, ax, cx = "repository/conf/tomcat/catalina-server.xml", "repository/conf/axis2/axis2.xml", "repository/conf/carbon.xml"
	hz := in(model.SvcHazelcastMember, 4000, 0, tcp, model.ExposureCluster, ax, 30)
	hz.BaseEnd = 4002
	ws := in(model.SvcWebSocket, 9099, 0, tcp, model.ExposurePublic, "repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml", 3)
	ws.Enabled = false
	push := model.Listener{ID: "push-device", Base: 5223, Proto: tcp, Dir: model.DirDevice, Enabled: true, Exposure: model.ExposureOutbound}
	s := model.Server{Profile: "default", ConfDir: "repository/conf", Listeners: []model.Listener{
		in(model.SvcServletHTTPS, 9443, 0, tcp, model.ExposurePublic, cat, 80),
		in(model.SvcServletHTTP, 9763, 0, tcp, model.ExposurePublic, cat, 72),
		in(model.SvcPassthruHTTP, 8280, 0, tcp, model.ExposurePublic, ax, 120),
		in(model.SvcPassthruHTTPS, 8243, 0, tcp, model.ExposurePublic, ax, 150),
		in(model.SvcJMXRegistry, 9999, 0, tcp, model.ExposureManagement, cx, 40),
		in(model.SvcJMXServer, 11111, 0, tcp, model.ExposureManagement, cx, 41),
		hz,
		in(model.SvcHazelcastMcast, 45564, 0, udp, model.ExposureCluster, ax, 31),
		ws,
		push,
		out(model.SvcJDBC, "db.example.com", 3306, tcp, "repository/conf/datasources/master-datasources.xml", 30),
		out(model.SvcLDAPClient, "10.1.2.3", 389, tcp, "repository/conf/user-mgt.xml", 110),
		out(model.SvcSyslog, "logs.example.com", 514, udp, "repository/conf/log4j.properties", 60),
		out(model.SvcAnalyticsURL, "localhost", 7612, tcp, "repository/conf/api-manager.xml", 20),
		appleRange(out("apple-push", "17.0.0.0/8", 443, tcp, "repository/conf/push.xml", 5)),
	}}
	s.Sort()
	return &model.Home{Dir: "./wso2am-2.6.0/", Product: model.Product{Key: "am", Version: "2.6.0"}, Servers: []model.Server{s}}
}

// isHome is an Identity Server home at offset 1 on the same host, with a
// socket described twice, a local LDAP and KDC, an unclassified listener and a
// loopback-bound one.
func isHome() *model.Home {
	const cat, ldap = "repository/conf/tomcat/catalina-server.xml", "repository/conf/identity/embedded-ldap.xml"
	lo := in(model.SvcMIInternalHTTP, 9191, 1, tcp, model.ExposurePublic, "repository/conf/x.xml", 2)
	lo.Bind = "127.0.0.1"
	lo.BindAddr = model.ParseBind(lo.Bind)
	s := model.Server{Profile: "default", ConfDir: "repository/conf", Offset: model.Offset{Value: 1}, Listeners: []model.Listener{
		in(model.SvcServletHTTPS, 9443, 1, tcp, model.ExposurePublic, cat, 80),
		in(model.SvcServletHTTPS, 9443, 1, tcp, model.ExposurePublic, "repository/conf/axis2/axis2.xml", 200),
		in(model.SvcServletHTTP, 9763, 1, tcp, model.ExposurePublic, cat, 72),
		in(model.SvcEmbeddedLDAP, 10389, 1, tcp, model.ExposureLocal, ldap, 20),
		in(model.SvcKDC, 8000, 1, udp, model.ExposureLocal, ldap, 40),
		in(model.SvcThriftEntitle, 10500, 1, tcp, model.ExposureUnknown, "repository/conf/identity/identity.xml", 300),
		lo,
		out(model.SvcJDBC, "db.example.com", 3306, tcp, "repository/conf/datasources/master-datasources.xml", 44),
	}}
	s.Sort()
	return &model.Home{Dir: "/opt/wso2is-5.7.0", Product: model.Product{Key: "is", Version: "5.7.0"}, Servers: []model.Server{s}}
}

// hostileHome has config text that tries to break out of comments and strings.
func hostileHome() *model.Home {
	evil := "conf/a\"b\n*/ \\x' `$(reboot)` <!-- -- >\x01é.xml"
	s := model.Server{Profile: "de\"fault", Listeners: []model.Listener{
		in("servlet-https\"; drop", 9443, 0, tcp, model.ExposurePublic, evil, 7),
		in(model.SvcJMXRegistry, 9999, 0, tcp, model.ExposureManagement, evil, 8),
		out(model.SvcJDBC, "db\"\n*/\\.example.com", 5432, tcp, evil, 9),
		// A comment longer than any backend allows.
		in(model.SvcPassthruHTTPS, 8243, 0, tcp, model.ExposurePublic, strings.Repeat("very-long-directory/", 20)+"axis2.xml", 10),
	}}
	s.Sort()
	return &model.Home{Dir: "/tmp/evil\"home\n# */", Servers: []model.Server{s}}
}

func pfx(ss ...string) []netip.Prefix {
	var out []netip.Prefix
	for _, s := range ss {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}

// fakeLookup resolves the fixture host names offline.
func fakeLookup(_ context.Context, host string) ([]netip.Addr, error) {
	switch host {
	case "db.example.com":
		return []netip.Addr{netip.MustParseAddr("192.0.2.10"), netip.MustParseAddr("2001:db8::10")}, nil
	case "logs.example.com":
		return []netip.Addr{netip.MustParseAddr("192.0.2.20")}, nil
	}
	return nil, fmt.Errorf("no such host %q", host)
}

type goldenCase struct {
	name  string
	homes func() []*model.Home
	opt   Options
}

func twoHomes() []*model.Home { return []*model.Home{amHome(), isHome()} }

// goldenCases are rendered for every target (firewalld-only cases set Target).
func goldenCases() []goldenCase {
	mgmt := map[model.Exposure][]netip.Prefix{
		model.ExposureManagement: pfx("10.200.0.0/24", "2001:db8:1::/64"),
		model.ExposureCluster:    pfx("10.0.0.0/16", "10.0.5.0/24"),
	}
	overlap := map[model.Exposure][]netip.Prefix{
		model.ExposurePublic:     pfx("198.51.100.0/24", "2001:db8:2::/48"),
		model.ExposureManagement: pfx("10.10.0.0/16"),
		model.ExposureCluster:    pfx("10.10.0.0/16", "192.168.5.0/24"),
	}
	return []goldenCase{
		{"standalone", twoHomes, Options{}},
		{"fragment", twoHomes, Options{Mode: ModeFragment}},
		{"standalone-mgmt", twoHomes, Options{Allow: mgmt}},
		{"fragment-mgmt", twoHomes, Options{Mode: ModeFragment, Allow: mgmt}},
		{"overlap-classes", twoHomes, Options{Allow: overlap, SSHPort: 2222}},
		// A cluster network inside the management network reaches both classes.
		{"nested-classes", twoHomes, Options{Allow: map[model.Exposure][]netip.Prefix{
			model.ExposureManagement: pfx("10.0.0.0/8"),
			model.ExposureCluster:    pfx("10.1.0.0/16"),
		}}},
		{"egress", twoHomes, Options{Egress: true}},
		{"egress-fragment", twoHomes, Options{Mode: ModeFragment, Egress: true}},
		{"egress-resolve", twoHomes, Options{Egress: true, Resolve: true, LookupHost: fakeLookup, Allow: mgmt}},
		{"egress-outbound-allow", twoHomes, Options{Egress: true, NoSSH: true,
			Allow: map[model.Exposure][]netip.Prefix{model.ExposureOutbound: pfx("192.0.2.0/24", "2001:db8:9::/48")}}},
		{"hostile", func() []*model.Home { return []*model.Home{hostileHome()} }, Options{Egress: true,
			Allow: map[model.Exposure][]netip.Prefix{model.ExposureManagement: pfx("10.9.9.9/32")}}},
	}
}
