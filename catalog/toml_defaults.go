package catalog

import (
	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

// TomlDefault is one listener of a deployment.toml-era product (API Manager
// 3.2 and 4.x with its 4.5 split products, Identity Server 5.9+, Micro
// Integrator 1.2 and 4.x): where deployment.toml sets it, its default and when
// it is open. ResolveToml turns the applicable rows into listeners.
type TomlDefault struct {
	// Products are the product keys the row applies to.
	Products []model.ProductKey
	// From and To bound the product versions, inclusive ("4.0", "4.6"); empty
	// means unbounded.
	From, To string
	// Roles are the server roles the listener exists in ("default",
	// "control-plane", "traffic-manager", "gateway-worker"); nil means every role.
	Roles []string
	// ID is the service id (model.Svc*).
	ID string
	// PortKey is the dotted toml key of the port; empty when toml cannot set it.
	PortKey string
	// Port is the default port before the offset.
	Port model.Port
	// Offset reports whether the runtime adds the port offset.
	Offset bool
	// DefaultOn reports whether the listener is open by default.
	DefaultOn bool
	// PortAliases are further keys of the port the product maps onto PortKey
	// (its key-mappings.json), tried in order after PortKey.
	PortAliases []string
	// EnableKey is the toml key that switches the listener on or off; empty
	// when none.
	EnableKey string
	// AlsoEnableKeys are further switches the listener needs on as well (the
	// AMQP connection's own switch under the broker's): any set to false turns
	// it off.
	AlsoEnableKeys []string
	// OffWhen are inferred switches (the product's infer.json): a toml key
	// with the value turns the listener off unless EnableKey is written.
	OffWhen []Inferred
	// EnableFrom is the first version that honours EnableKey; earlier versions
	// ignore it and the listener keeps its default state.
	EnableFrom string
	// OnWhenSet names a toml key whose presence switches the listener on
	// (Hazelcast: clustering.membership_scheme). A listener it switches on and
	// whose port the toml does not set points at that key.
	OnWhenSet string
	// OnWhenValue, with OnWhenSet, is the value (case-insensitive) the key must
	// have to switch the listener on ("multicast"); empty means any value.
	OnWhenValue string
	// Proto is the protocol; the zero value means TCP.
	Proto model.Protocol
	// Range is how many ports past the port the listener may also take
	// (Hazelcast tries the next member port when one is taken); 0 for a
	// single port.
	Range model.Port
	// Static is the home-relative XML file with no template that sets the port;
	// when the home has it, the XML (read by parse) is authoritative.
	Static string
	// Exposure is the network class that should reach the port.
	Exposure model.Exposure
	// Source says where the fact comes from, and any doubt.
	Source string
}

// Inferred is a toml key and the value (case-insensitive) that infers a
// switch (infer.json).
type Inferred struct{ Key, Value string }

// Server roles of API Manager (server.server_role, -Dprofile, or the 4.5 split
// product).
const (
	RoleDefault        = "default"
	RoleControlPlane   = "control-plane"
	RoleTrafficManager = "traffic-manager"
	RoleGatewayWorker  = "gateway-worker"
)

var (
	// noTrafficManagement: [server] enable_traffic_management = false turns
	// the broker and the event receivers off (API Manager infer.json).
	noTrafficManagement = []Inferred{{"server.enable_traffic_management", "false"}}
	// binaryInferredOff: the binary receiver is also off when the receiver
	// type is thrift (infer.json).
	binaryInferredOff = []Inferred{{"server.enable_traffic_management", "false"}, {"transport.receiver.type", "thrift"}}
	gatewayRole       = []string{RoleDefault, RoleGatewayWorker}
	eventRoles        = []string{RoleDefault, RoleControlPlane, RoleTrafficManager}
	brokerCP          = []string{RoleDefault, RoleControlPlane, RoleTrafficManager}
)

const (
	inboundDir = "repository/deployment/server/synapse-configs/default/inbound-endpoints/"
	docToml    = "DOMAIN.md §5 deployment.toml defaults"

	// hazelcastRange is how many member ports past local_member_port a member
	// may take, as parse models axis2.xml: 4000-4002 covers up to three members
	// on a host.
	hazelcastRange      model.Port = 2
	hazelcastMemberNote            = "; never offset; on when a membership scheme is set; Hazelcast takes the next port " +
		"when one is taken, so the range is 4000-4002 as in 4.4.x axis2.xml"
	hazelcastMcastNote = "axis2.xml.j2 renders clustering with mcastPort 45564 (not settable in deployment.toml); " +
		"multicast discovery listens on it only with membership_scheme = \"multicast\"; never offset (DOMAIN.md §1)"
	// miInternalAPISwitch: [mediation] internal_http_api_enable renders
	// synapse.properties internal.http.api.enabled, which gates the whole
	// internal API server, HTTP and HTTPS (management API) alike.
	miInternalAPISwitch = "; [mediation] internal_http_api_enable = false turns off the internal API server, HTTP and HTTPS " +
		"(micro-integrator key-mappings.json: internal.http.api.enabled; HTTPEndpointManager starts both ports only when it is true)"
)

// TomlDefaults returns the table of deployment.toml-era listeners. The slice
// is new on every call.
func TomlDefaults() []TomlDefault {
	amKeys, isKeys := prodtable.Family(model.KeyAM), prodtable.Family(model.KeyIS)
	return []TomlDefault{
		// API Manager (all-in-one and the 4.5 split products).
		{Products: amKeys, ID: model.SvcServletHTTPS, PortKey: "transport.https.properties.port", Port: 9443, Offset: true, DefaultOn: true,
			Exposure: model.ExposurePublic, Source: docToml + "; portals and APIs share the console port (public for API Manager)"},
		{Products: amKeys, ID: model.SvcServletHTTP, PortKey: "transport.http.properties.port", Port: 9763, Offset: true, DefaultOn: true,
			EnableKey: "transport.http.enable", EnableFrom: "4.7", Exposure: model.ExposurePublic, Source: docToml + "; the switch arrived in 4.7"},
		{Products: amKeys, Roles: gatewayRole, ID: model.SvcPassthruHTTP, PortKey: "transport.passthru_http.listener.parameters.port", Port: 8280, Offset: true, DefaultOn: true,
			PortAliases: []string{"transport.passthru_http.listener.port", "transport.http.listener.port"},
			EnableKey:   "transport.passthru_http.listener.enable", Exposure: model.ExposurePublic,
			Source: docToml + "; non-gateway profiles render axis2.xml without PassThrough listeners; API Manager maps no transport.http.listener.enable"},
		{Products: amKeys, Roles: gatewayRole, ID: model.SvcPassthruHTTPS, PortKey: "transport.passthru_https.listener.parameters.port", Port: 8243, Offset: true, DefaultOn: true,
			PortAliases: []string{"transport.passthru_https.listener.port", "transport.http.listener.secured_port"},
			EnableKey:   "transport.passthru_https.listener.enable", Exposure: model.ExposurePublic,
			Source: docToml + "; non-gateway profiles render axis2.xml without PassThrough listeners; API Manager maps no transport.https.listener.enable"},
		{Products: amKeys, To: "3.2", Roles: gatewayRole, ID: model.SvcWebSocket, Port: 9099, Offset: true, DefaultOn: true,
			Static: inboundDir + "WebSocketInboundEndpoint.xml", Exposure: model.ExposurePublic,
			Source: "API Manager 3.2 ships WebSocketInboundEndpoint.xml with no template (ws.use.port.offset=true)"},
		{Products: amKeys, To: "3.2", Roles: gatewayRole, ID: model.SvcWebSocketSecure, Port: 8099, Offset: true, DefaultOn: true,
			Static: inboundDir + "SecureWebSocketInboundEndpoint.xml", Exposure: model.ExposurePublic,
			Source: "API Manager 3.2 ships SecureWebSocketInboundEndpoint.xml with no template (ws.use.port.offset=true)"},
		{Products: amKeys, From: "4.0", Roles: gatewayRole, ID: model.SvcWebSocket, PortKey: "apim.ws.port", Port: 9099, Offset: true, DefaultOn: true,
			EnableKey: "apim.ws.enable", EnableFrom: "4.6", Exposure: model.ExposurePublic,
			Source: docToml + "; [apim.ws] enable is honoured from 4.6 only; profiles other than gateway delete the endpoint file"},
		{Products: amKeys, From: "4.0", Roles: gatewayRole, ID: model.SvcWebSocketSecure, PortKey: "apim.wss.port", Port: 8099, Offset: true, DefaultOn: true,
			EnableKey: "apim.wss.enable", EnableFrom: "4.6", Exposure: model.ExposurePublic,
			Source: docToml + "; [apim.wss] enable is honoured from 4.6 only"},
		{Products: amKeys, From: "4.0", Roles: gatewayRole, ID: model.SvcWebhookHTTP, Port: 9021, Offset: true, DefaultOn: true,
			Static: inboundDir + "WebhookServer.xml", Exposure: model.ExposurePublic,
			Source: docToml + "; WebSub/webhook APIs arrived with the streaming APIs of 4.0; WebhookServer.xml has no template (inbound.port.offset.enable)"},
		{Products: amKeys, From: "4.0", Roles: gatewayRole, ID: model.SvcWebhookHTTPS, PortKey: "apim.webhooks.https.port", Port: 8021, Offset: true, DefaultOn: true,
			EnableKey: "apim.webhooks.https.enable", EnableFrom: "4.6", Exposure: model.ExposurePublic,
			Source: docToml + "; arrived with the streaming APIs of 4.0"},
		{Products: amKeys, Roles: brokerCP, ID: model.SvcAMQP, PortKey: "broker.transport.amqp.default_connection.port", Port: 5672, Offset: true, DefaultOn: true,
			EnableKey: "broker.transport.amqp.enabled", AlsoEnableKeys: []string{"broker.transport.amqp.default_connection.enabled"}, OffWhen: noTrafficManagement, Exposure: model.ExposureCluster,
			Source: docToml + "; gateways subscribe to the event hub / traffic manager broker"},
		{Products: amKeys, Roles: brokerCP, ID: model.SvcAMQPSSL, PortKey: "broker.transport.amqp.ssl_connection.port", Port: 8672, Offset: true, DefaultOn: true,
			EnableKey: "broker.transport.amqp.enabled", AlsoEnableKeys: []string{"broker.transport.amqp.ssl_connection.enabled"}, OffWhen: noTrafficManagement, Exposure: model.ExposureCluster, Source: docToml},
		{Products: amKeys, Roles: []string{RoleGatewayWorker}, ID: model.SvcAMQP, PortKey: "broker.transport.amqp.default_connection.port", Port: 5672, Offset: true, DefaultOn: true,
			EnableKey: "broker.transport.amqp.enabled", AlsoEnableKeys: []string{"broker.transport.amqp.default_connection.enabled"}, OffWhen: noTrafficManagement, Exposure: model.ExposureLocal,
			Source: docToml + " (the broker starts in every profile); no peer connects to a gateway's broker, so it stays local"},
		{Products: amKeys, Roles: []string{RoleGatewayWorker}, ID: model.SvcAMQPSSL, PortKey: "broker.transport.amqp.ssl_connection.port", Port: 8672, Offset: true, DefaultOn: true,
			EnableKey: "broker.transport.amqp.enabled", AlsoEnableKeys: []string{"broker.transport.amqp.ssl_connection.enabled"}, OffWhen: noTrafficManagement, Exposure: model.ExposureLocal,
			Source: docToml + " (the broker starts in every profile; exposing 8672 on a Universal Gateway is a known mistake)"},
		// MQTT: broker.xml.j2 writes <mqtt enabled="false"> with literal ports
		// 1883/8883 and reads no toml key for them, so MQTT never opens in the
		// deployment.toml era (wso2/product-apim modules/distribution/product/
		// src/main/resources/conf/templates/repository/conf/broker.xml.j2 at
		// 421c34d2d6130fed6b0f13f064c56ee1428a8527, <transports>/<mqtt>). A
		// hand-edited broker.xml is regenerated at the next start.
		{Products: amKeys, ID: model.SvcMQTT, Port: 1883, Offset: true, Exposure: model.ExposurePublic,
			Source: "broker.xml.j2 hard-codes MQTT off (enabled=\"false\", no toml key): never opened in the deployment.toml era"},
		{Products: amKeys, ID: model.SvcMQTTSSL, Port: 8883, Offset: true, Exposure: model.ExposurePublic,
			Source: "broker.xml.j2 hard-codes MQTT off (enabled=\"false\", no toml key): never opened in the deployment.toml era"},
		{Products: amKeys, ID: model.SvcDatabridgeBinary, PortKey: "transport.binary.receiver.tcpPort", Port: 9611, Offset: true, DefaultOn: true,
			PortAliases: []string{"transport.receiver.tcp_port"},
			EnableKey:   "transport.binary.receiver.enable", OffWhen: binaryInferredOff, Exposure: model.ExposureCluster,
			Source: docToml + "; throttle events from gateways; on in every role, gateway and the 4.5 Universal Gateway too"},
		{Products: amKeys, ID: model.SvcDatabridgeBinarySSL, PortKey: "transport.binary.receiver.sslPort", Port: 9711, Offset: true, DefaultOn: true,
			PortAliases: []string{"transport.receiver.ssl_port"},
			EnableKey:   "transport.binary.receiver.enable", OffWhen: binaryInferredOff, Exposure: model.ExposureCluster,
			Source: docToml + "; on in every role"},
		{Products: amKeys, To: "3.2", Roles: eventRoles, ID: model.SvcDatabridgeThrift, PortKey: "transport.thrift.receiver.tcpPort", Port: 7611, Offset: true,
			EnableKey: "transport.thrift.receiver.enable", Exposure: model.ExposureCluster, Source: docToml + "; off by default"},
		{Products: amKeys, To: "3.2", Roles: eventRoles, ID: model.SvcDatabridgeThriftSSL, PortKey: "transport.thrift.receiver.sslPort", Port: 7711, Offset: true,
			EnableKey: "transport.thrift.receiver.enable", Exposure: model.ExposureCluster, Source: docToml + "; off by default; API Manager 4.x's data-bridge template hard-codes Thrift off, so no row from 4.0"},
		{Products: amKeys, ID: model.SvcJMXRegistry, PortKey: "monitoring.jmx.rmi_registry_port", Port: 9999, Offset: true, DefaultOn: true,
			EnableKey: "monitoring.jmx.rmi_server_start", Exposure: model.ExposureManagement, Source: docToml + "; on in API Manager"},
		{Products: amKeys, ID: model.SvcJMXServer, PortKey: "monitoring.jmx.rmi_server_port", Port: 11111, Offset: true, DefaultOn: true,
			EnableKey: "monitoring.jmx.rmi_server_start", Exposure: model.ExposureManagement, Source: docToml + "; on in API Manager"},
		{Products: amKeys, ID: model.SvcHazelcastMember, PortKey: "clustering.local_member_port", Port: 4000, OnWhenSet: "clustering.membership_scheme",
			Range: hazelcastRange, Exposure: model.ExposureCluster, Source: docToml + hazelcastMemberNote},
		{Products: amKeys, ID: model.SvcHazelcastMcast, Port: 45564, Proto: model.ProtoUDP, OnWhenSet: "clustering.membership_scheme", OnWhenValue: "multicast",
			Exposure: model.ExposureCluster, Source: hazelcastMcastNote},

		// Identity Server.
		{Products: isKeys, From: "5.9", ID: model.SvcServletHTTPS, PortKey: "transport.https.properties.port", Port: 9443, Offset: true, DefaultOn: true,
			EnableKey: "transport.https.enabled", Exposure: model.ExposurePublic, Source: docToml + "; login and OAuth endpoints share the console port"},
		{Products: isKeys, From: "5.9", ID: model.SvcServletHTTP, PortKey: "transport.http.properties.port", Port: 9763, Offset: true, DefaultOn: true,
			EnableKey: "transport.http.enabled", Exposure: model.ExposurePublic, Source: docToml},
		{Products: isKeys, From: "5.9", To: "5.11", ID: model.SvcEmbeddedLDAP, Port: 10389, Offset: true, DefaultOn: true,
			EnableKey: "embedded_ldap.enable", Exposure: model.ExposureLocal,
			Source: docToml + "; IS 5.9-5.11 only, port not settable in toml (carbon.xml Ports/EmbeddedLDAP)"},
		{Products: isKeys, From: "5.9", ID: model.SvcJMXRegistry, PortKey: "monitoring.jmx.rmi_registry_port", Port: 9999, Offset: true,
			EnableKey: "monitoring.jmx.rmi_server_start", Exposure: model.ExposureManagement, Source: docToml + "; off in Identity Server"},
		{Products: isKeys, From: "5.9", ID: model.SvcJMXServer, PortKey: "monitoring.jmx.rmi_server_port", Port: 11111, Offset: true,
			EnableKey: "monitoring.jmx.rmi_server_start", Exposure: model.ExposureManagement, Source: docToml + "; off in Identity Server"},
		{Products: isKeys, From: "5.9", ID: model.SvcHazelcastMember, PortKey: "clustering.local_member_port", Port: 4000, OnWhenSet: "clustering.membership_scheme",
			Range: hazelcastRange, Exposure: model.ExposureCluster, Source: docToml + hazelcastMemberNote},
		{Products: isKeys, From: "5.9", ID: model.SvcHazelcastMcast, Port: 45564, Proto: model.ProtoUDP, OnWhenSet: "clustering.membership_scheme", OnWhenValue: "multicast",
			Exposure: model.ExposureCluster, Source: hazelcastMcastNote},

		// Micro Integrator: ports before MI's default offset of 10.
		// MI has no passthru_* keys: its PassThrough listeners are [transport.http]
		// and [transport.https], and HTTPS is switched by secured_enable.
		{Products: []model.ProductKey{model.KeyMI}, ID: model.SvcPassthruHTTP, PortKey: "transport.http.listener.parameter.port", Port: 8280, Offset: true, DefaultOn: true,
			PortAliases: []string{"transport.http.listener.port"},
			EnableKey:   "transport.http.listener.enable", Exposure: model.ExposurePublic, Source: docToml + "; 8290 at the default offset 10; MI has no passthru_* keys"},
		{Products: []model.ProductKey{model.KeyMI}, ID: model.SvcPassthruHTTPS, PortKey: "transport.https.listener.parameter.port", Port: 8243, Offset: true, DefaultOn: true,
			PortAliases: []string{"transport.http.listener.secured_port"},
			EnableKey:   "transport.http.listener.secured_enable", Exposure: model.ExposurePublic,
			Source: docToml + "; 8253 at the default offset 10; MI has no passthru_* keys"},
		{Products: []model.ProductKey{model.KeyMI}, ID: model.SvcMIManagementAPI, PortKey: "mediation.internal_https_api_port", Port: 9154, Offset: true, DefaultOn: true,
			EnableKey: "mediation.internal_http_api_enable", Exposure: model.ExposureManagement,
			Source: docToml + "; management API, 9164 at the default offset 10" + miInternalAPISwitch},
		{Products: []model.ProductKey{model.KeyMI}, ID: model.SvcMIInternalHTTP, PortKey: "mediation.internal_http_api_port", Port: 9191, Offset: true, DefaultOn: true,
			EnableKey: "mediation.internal_http_api_enable", Exposure: model.ExposureManagement,
			Source: docToml + "; internal HTTP API, 9201 at the default offset 10" + miInternalAPISwitch},
		// MI has no JMX/RMI server: its default.json monitoring.jmx.* keys are
		// read by nothing (DOMAIN.md §5).
	}
}

// latestTomlVersion is the version assumed when a toml home's version is
// unknown: the product table's LatestToml.
func latestTomlVersion(product model.ProductKey) string {
	if r, ok := prodtable.Lookup(product); ok && r.LatestToml != "" {
		return r.LatestToml
	}
	return "4.6"
}
