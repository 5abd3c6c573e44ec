package catalog

import (
	"path"

	"github.com/wso2lint/wso2lint/internal/model"
)

// stockListener is one listener that a distribution's stock file opens.
type stockListener struct {
	id    string
	port  model.Port
	proto model.Protocol
	// clusterOnly listeners open only when axis2.xml clustering is on (the
	// Andes Thrift coordination server).
	clusterOnly bool
	// portsKey names the carbon.xml /Server/Ports entry the stock file
	// writes as a ${Ports.X} placeholder ("EmbeddedLDAP.LDAPServerPort"):
	// the home's carbon.xml value, when it sets one, wins over port.
	portsKey string
	// off marks a listener the stock file ships disabled (the KDC).
	off bool
}

// stockFile is one port-opening file of a Carbon 4.4.x distribution and the
// listeners its stock content opens (every one offset by the server's port
// offset). rel is relative to the server's conf directory. Each row is
// what the shipped file says, checked against the stock copy in the corpus
// (../shared/corpus/MANIFEST.tsv names the source repository and tag).
type stockFile struct {
	product  model.ProductKey
	version  string
	profiles []string // server profiles that ship the file
	rel      string
	// servlet marks tomcat/catalina-server.xml: its connectors are added only
	// when no servlet listener came from anywhere else (parse adds them itself
	// when carbon.xml is present).
	servlet bool
	// notWith names a conf-relative file whose presence marks another
	// distribution of the same product key and version, whose stock content
	// is not known (api-manager.xml: the IS-KM key manager pack, detected as
	// Identity Server).
	notWith   string
	listeners []stockListener
}

// Conf-relative paths of the port-opening files of stockFiles.
const (
	stockCatalina  = "tomcat/catalina-server.xml"
	stockBroker    = "broker.xml"
	stockBridge    = "data-bridge/data-bridge-config.xml"
	stockWS        = "../deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml"
	stockWSSecure  = "../deployment/server/synapse-configs/default/inbound-endpoints/SecureWebSocketInboundEndpoint.xml"
	stockLDAP      = distLDAP
	defaultProfile = "default"
)

// stockNote is the Note of a listener stockFiles adds.
const stockNote = " is not in the home: the distribution's stock file"

// stockFiles lists the stock port-opening files per product version. A
// product version or file missing here has no known stock content: an
// overlay lacking the file gets nothing for it.
func stockFiles() []stockFile {
	tcp := func(id string, port model.Port) stockListener {
		return stockListener{id: id, port: port, proto: model.ProtoTCP}
	}
	servlet := []stockListener{tcp(model.SvcServletHTTPS, 9443), tcp(model.SvcServletHTTP, 9763)}
	// broker.xml of carbon-business-messaging (APIM 2.6.0: v3.2.44, MB 3.2.0:
	// v3.2.15): AMQP and MQTT with their TLS ports on, the Thrift
	// coordination server at 7611 when clustered.
	broker := []stockListener{
		tcp(model.SvcAMQP, 5672), tcp(model.SvcAMQPSSL, 8672), tcp(model.SvcMQTT, 1883), tcp(model.SvcMQTTSSL, 8883),
		{id: model.SvcAndesThrift, port: 7611, proto: model.ProtoTCP, clusterOnly: true},
	}
	// data-bridge-config.xml of carbon-analytics-common v5.1.42 (APIM 2.6.0,
	// IS 5.7.0): Thrift and binary receivers.
	bridge := []stockListener{
		tcp(model.SvcDatabridgeThrift, 7611), tcp(model.SvcDatabridgeThriftSSL, 7711),
		tcp(model.SvcDatabridgeBinary, 9611), tcp(model.SvcDatabridgeBinarySSL, 9711),
	}
	// data-bridge-config.xml of product-das v3.1.0: Thrift receivers only.
	dasBridge := []stockListener{tcp(model.SvcDatabridgeThrift, 7611), tcp(model.SvcDatabridgeThriftSSL, 7711)}
	// embedded-ldap.xml of identity-userstore-ldap v5.1.6 (APIM 2.6.0, IS
	// 5.7.0): the LDAP server on, the KDC off (UDP), both ports ${Ports.*}
	// placeholders.
	ldap := []stockListener{
		{id: model.SvcEmbeddedLDAP, port: 10389, proto: model.ProtoTCP, portsKey: "EmbeddedLDAP.LDAPServerPort"},
		{id: model.SvcKDC, port: 8000, proto: model.ProtoUDP, portsKey: "EmbeddedLDAP.KDCServerPort", off: true},
	}
	def := []string{defaultProfile}
	more := append(append(stockFilesAM(), stockFilesESB()...), stockFilesEI()...)
	return append([]stockFile{
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockBroker, listeners: broker},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockBridge, listeners: bridge},
		// product-apim v2.6.0 inbound endpoints (ws.use.port.offset true).
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockWS, listeners: []stockListener{tcp(model.SvcWebSocket, 9099)}},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockWSSecure, listeners: []stockListener{tcp(model.SvcWebSocketSecure, 8099)}},
		{product: model.KeyAM, version: "2.6.0", profiles: def, rel: stockLDAP, listeners: ldap},
		{product: model.KeyIS, version: "5.7.0", profiles: def, rel: stockCatalina, servlet: true, notWith: "api-manager.xml", listeners: servlet},
		{product: model.KeyIS, version: "5.7.0", profiles: def, rel: stockLDAP, notWith: "api-manager.xml", listeners: ldap},
		{product: model.KeyIS, version: "5.7.0", profiles: def, rel: stockBridge, notWith: "api-manager.xml", listeners: bridge},
		{product: model.KeyDAS, version: "3.1.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyDAS, version: "3.1.0", profiles: def, rel: stockBridge, listeners: dasBridge},
		{product: model.KeyMB, version: "3.2.0", profiles: def, rel: stockCatalina, servlet: true, listeners: servlet},
		{product: model.KeyMB, version: "3.2.0", profiles: def, rel: stockBroker, listeners: broker},
	}, more...)
}

func hasProfile(ps []string, p string) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// hasServlet reports whether s has a servlet connector already.
func hasServlet(s *model.Server) bool {
	for _, l := range s.Listeners {
		if l.ID == model.SvcServletHTTP || l.ID == model.SvcServletHTTPS {
			return true
		}
	}
	return false
}

// stockSource is the line that governs a stock listener of s: where the
// offset was set, else the first line of carbon.xml when the home has one,
// else no line.
func stockSource(s *model.Server, read map[string]bool) model.Pos {
	if s.Offset.Pos.File != "" {
		return s.Offset.Pos
	}
	if c := path.Join(s.ConfDir, "carbon.xml"); read[c] {
		return model.Pos{File: c, Line: 1, Col: 1, Path: "/Server"}
	}
	return model.Pos{}
}

// stockCarbonPorts lists, per product version and server profile, the
// port-bearing entries of the distribution's carbon.xml /Server/Ports that
// ${Ports.X} placeholders of other stock files name (JMX, embedded LDAP and
// KDC, the IS Thrift entitlement receiver). Checked against the stock
// carbon.xml of each version in ../shared/corpus (wso2am-2.6.0, wso2das-3.1.0,
// wso2esb-5.0.0, wso2is-5.7.0, wso2is-km-5.7.0, wso2mb-3.2.0, wso2ei-6.4.0 and
// its broker and business-process profiles): every one ships the kernel's
// values. The Offset entry is not here: an absent carbon.xml leaves the offset
// at 0 unless the start script or --offset sets it.
type stockCarbon struct {
	product  model.ProductKey
	version  string
	profiles []string
}

// carbonPortsKernel443 is carbon-kernel 4.4.x's carbon.xml <Ports>.
var carbonPortsKernel443 = []struct {
	key  string
	port model.Port
}{
	{"EmbeddedLDAP.KDCServerPort", 8000},
	{"EmbeddedLDAP.LDAPServerPort", 10389},
	{"JMX.RMIRegistryPort", 9999},
	{"JMX.RMIServerPort", 11111},
	{"ThriftEntitlementReceivePort", 10500},
}

func stockCarbons() []stockCarbon {
	def := []string{defaultProfile}
	return []stockCarbon{
		{model.KeyAM, "2.6.0", def},
		{model.KeyDAS, "3.1.0", def},
		{model.KeyESB, "5.0.0", def},
		{model.KeyIS, "5.7.0", def},
		{model.KeyMB, "3.2.0", def},
		{model.KeyEI, "6.4.0", []string{"integrator", "broker", "business-process"}},
	}
}

// stockCarbonPort is the distribution's carbon.xml value of the Ports entry
// key for product p and server profile; ok is false when the version's stock
// carbon.xml is not known.
func stockCarbonPort(p model.Product, profile, key string) (model.Port, bool) {
	for _, c := range stockCarbons() {
		if c.product != p.Key || c.version != p.Version || !hasProfile(c.profiles, profile) {
			continue
		}
		for _, e := range carbonPortsKernel443 {
			if e.key == key {
				return e.port, true
			}
		}
	}
	return 0, false
}
