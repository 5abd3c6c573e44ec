package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// amEntries returns the API Manager 2.x ports beyond the common ones.
func amEntries() []Entry {
	const portalNote = "public: the store, publisher and admin portals share the port with the /carbon console"
	return []Entry{
		{
			Service: model.SvcServletHTTP, Port: 9763, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@port] (the plain HTTP connector)",
			Description: "servlet transport over HTTP: portals, console and admin services",
			Note:        portalNote,
		},
		{
			Service: model.SvcServletHTTPS, Port: 9443, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@scheme=\"https\"]/@port",
			Description: "servlet transport over HTTPS: portals, console and admin services",
			Note:        portalNote,
		},
		passthru(model.SvcPassthruHTTP, 8280, "http", "gateway HTTP transport (PassThrough) for API calls"),
		passthru(model.SvcPassthruHTTPS, 8243, "https", "gateway HTTPS transport (PassThrough) for API calls"),
		{
			Service: model.SvcAMQP, Port: 5672, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/amqp/defaultConnection/@port",
			Description: "AMQP of the internal message broker (throttling and key events to gateways)",
		},
		{
			Service: model.SvcAMQPSSL, Port: 8672, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/amqp/sslConnection/@port",
			Description: "AMQP over TLS of the internal message broker",
			Note:        "not in the seed; enabled in the shipped broker.xml",
		},
		{
			Service: model.SvcMQTT, Port: 1883, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/mqtt/defaultConnection/@port",
			Description: "MQTT of the internal message broker",
			Note:        "not in the seed; enabled in the shipped API Manager 2.x broker.xml, off by default from 3.0",
		},
		{
			Service: model.SvcMQTTSSL, Port: 8883, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/mqtt/sslConnection/@port",
			Description: "MQTT over TLS of the internal message broker",
			Note:        "not in the seed; enabled in the shipped API Manager 2.x broker.xml, off by default from 3.0",
		},
		{
			Service: model.SvcAndesThrift, Port: 7611, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			File: "broker.xml", Location: "coordination/thriftServerPort",
			Description: "Apache Thrift coordination server of the internal message broker",
			Note:        "not in the seed; opened only when the broker runs clustered, and then on the data-bridge Thrift receiver's 7611 unless one of them is moved",
		},
		databridge(model.SvcDatabridgeThrift, 7611, "Thrift", "tcpPort", "Thrift receiver for throttling events published to the traffic manager"),
		databridge(model.SvcDatabridgeThriftSSL, 7711, "Thrift", "sslPort", "Thrift SSL receiver authenticating throttling event publishers"),
		databridge(model.SvcDatabridgeBinary, 9611, "Binary", "tcpPort", "binary receiver for throttling events published to the traffic manager"),
		databridge(model.SvcDatabridgeBinarySSL, 9711, "Binary", "sslPort", "binary SSL receiver authenticating throttling event publishers"),
		{
			Service: model.SvcAnalyticsURL, Port: 7612, Proto: model.ProtoTCP, Dir: model.DirOut,
			Exposure: model.ExposureOutbound, Offset: false, DefaultOn: false,
			File: "api-manager.xml", Location: "Analytics/StreamProcessorServerURL",
			Description: "publishes API usage events to the API Manager Analytics server",
			Note: "a literal URL (tcp://<analytics host>:7612), never offset by this server; the destination is the analytics host the user configures; " +
				"only when Analytics/Enabled is true",
		},
		{
			Service: model.SvcAnalyticsURLSSL, Port: 7712, Proto: model.ProtoTCP, Dir: model.DirOut,
			Exposure: model.ExposureOutbound, Offset: false, DefaultOn: false,
			File: "api-manager.xml", Location: "Analytics/StreamProcessorAuthServerURL",
			Description: "authenticates the analytics publisher over Thrift SSL",
			Note: "the seed writes it as 7711 + the analytics server's offset; the shipped URL is ssl://<analytics host>:7712 (offset 1); " +
				"a literal URL, never offset by this server; only when Analytics/Enabled is true",
		},
		{
			Service: model.SvcWebSocket, Port: 9099, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File:        "../deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml",
			Location:    "parameters/parameter[@name=\"inbound.ws.port\"]",
			Description: "WebSocket (ws) inbound endpoint for WebSocket APIs",
			Note: "offset only because the shipped endpoint sets ws.use.port.offset=true; " +
				"api-manager.xml GatewayWSEndpoint ws://...:9099 is a literal URL and is not offset",
		},
		{
			Service: model.SvcWebSocketSecure, Port: 8099, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File:        "../deployment/server/synapse-configs/default/inbound-endpoints/SecureWebSocketInboundEndpoint.xml",
			Location:    "parameters/parameter[@name=\"inbound.ws.port\"]",
			Description: "secure WebSocket (wss) inbound endpoint for WebSocket APIs",
			Note:        "not in the seed; offset only because the shipped endpoint sets ws.use.port.offset=true",
		},
		keyManagerThrift(),
	}
}

// passthru returns the PassThrough HTTP or HTTPS listener of axis2.xml, public.
func passthru(service string, port model.Port, name, desc string) Entry {
	return Entry{
		Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
		Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
		File: "axis2/axis2.xml", Location: "transportReceiver[@name=\"" + name + "\"]/parameter[@name=\"port\"]",
		Description: desc,
	}
}

// databridge returns a data-bridge receiver of data-bridge-config.xml (the
// Carbon 4.4 schema with dataReceiver elements), cluster exposure.
func databridge(service string, port model.Port, receiver, key, desc string) Entry {
	return Entry{
		Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
		Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
		File:        "data-bridge/data-bridge-config.xml",
		Location:    "dataReceiver[@name=\"" + receiver + "\"]/config[@name=\"" + key + "\"]",
		Description: desc,
	}
}

// keyManagerThrift returns the key manager's Thrift server (APIM 2.x, EMM).
func keyManagerThrift() Entry {
	return Entry{
		Service: model.SvcKeyMgrThrift, Port: 10397, Proto: model.ProtoTCP, Dir: model.DirIn,
		Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
		File: "api-manager.xml", Location: "APIKeyValidator/ThriftServerPort",
		Description: "Thrift key validation server that gateways call on the key manager",
		Note: "10397 plus the offset while ThriftServerPort is commented out (as shipped); an explicit value is taken as written " +
			"(carbon-apimgt APIKeyMgtServiceComponent); on when APIKeyValidator/EnableThriftServer is true",
	}
}
