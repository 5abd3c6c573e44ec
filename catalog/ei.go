package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// Enterprise Integrator 6.x profiles. Each runs as its own server with its own
// configuration directory (conf/ for the integrator, wso2/<profile>/conf/ for
// the others); File is relative to that directory.
const (
	eiIntegrator = "integrator"
	eiBroker     = "broker"
	eiBPS        = "business-process"
	eiMI         = "micro-integrator"
	eiMSF4J      = "msf4j"
	// The analytics profile is a Carbon 5 server with three runtimes, each its own
	// server: the worker runs Siddhi applications (event receivers), the
	// dashboard serves the portal.
	eiAnalytics = "analytics-worker"
	eiManager   = "analytics-manager"
	eiDashboard = "analytics-dashboard"
)

// eiEntries returns the Enterprise Integrator 6.x ports beyond the common ones,
// which stand for the integrator profile (offset 0). Ports of the other
// profiles are given at the profile's default offset, as the seed gives them.
func eiEntries() []Entry {
	const brokerOff = "broker.xml value plus the broker profile's default offset 3 (wso2/broker/conf/carbon.xml)"
	const bpsOff = "catalina-server.xml value plus the business-process profile's default offset 2 (wso2/business-process/conf/carbon.xml)"
	const miOff = "axis2.xml value plus the micro-integrator profile's default offset 10 (wso2/micro-integrator/conf/carbon.xml)"
	const c5 = "Carbon 5 (Stream Processor) runtime: the port is written explicitly in deployment.yaml; whether the wso2.carbon offset is added to it is unverified"
	integ := func(e Entry) Entry { e.Profile = eiIntegrator; return e }
	return []Entry{
		integ(passthru(model.SvcPassthruHTTP, 8280, "http", "mediation requests to proxy services and APIs over HTTP (PassThrough)")),
		integ(passthru(model.SvcPassthruHTTPS, 8243, "https", "mediation requests to proxy services and APIs over HTTPS (PassThrough)")),
		{
			Profile: eiBPS, Service: model.SvcServletHTTPS, Port: 9445, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@scheme=\"https\"]/@port",
			Description: "management console of the business-process runtime over HTTPS",
			Note:        "9443 " + bpsOff,
		},
		{
			Profile: eiBPS, Service: model.SvcServletHTTP, Port: 9765, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@port] (the plain HTTP connector)",
			Description: "servlet transport of the business-process runtime over HTTP",
			Note:        "not in the seed; 9763 " + bpsOff,
		},
		{
			Profile: eiBroker, Service: model.SvcAMQP, Port: 5675, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/amqp/defaultConnection/@port",
			Description: "AMQP (JMS) clients of the broker profile",
			Note:        "5672 " + brokerOff,
		},
		{
			Profile: eiBroker, Service: model.SvcAMQPSSL, Port: 8675, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/amqp/sslConnection/@port",
			Description: "AMQP over TLS clients of the broker profile",
			Note:        "8672 " + brokerOff,
		},
		{
			Profile: eiBroker, Service: model.SvcMQTT, Port: 1886, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/mqtt/defaultConnection/@port",
			Description: "MQTT clients of the broker profile",
			Note:        "1883 " + brokerOff,
		},
		{
			Profile: eiBroker, Service: model.SvcMQTTSSL, Port: 8886, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/mqtt/sslConnection/@port",
			Description: "MQTT over TLS clients of the broker profile",
			Note:        "the seed says 8836 (8833 + 3), but the shipped broker.xml has 8883, so 8886: 8883 " + brokerOff,
		},
		{
			Profile: eiBroker, Service: model.SvcAndesThrift, Port: 7614, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			File: "broker.xml", Location: "coordination/thriftServerPort",
			Description: "Apache Thrift coordination server of the broker profile",
			Note: "opened only when the broker runs clustered; 7611 (the stock broker.xml and Andes' built-in default) " + brokerOff +
				"; a broker.xml that writes 7614 literally (the docker-ei patterns) opens 7617",
		},
		{
			Profile: eiMI, Service: model.SvcPassthruHTTP, Port: 8290, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "axis2/axis2.xml", Location: "transportReceiver[@name=\"http\"]/parameter[@name=\"port\"]",
			Description: "micro-integrator HTTP transport for mediation requests",
			Note:        "8280 " + miOff + "; the seed calls it a servlet transport",
		},
		{
			Profile: eiMI, Service: model.SvcPassthruHTTPS, Port: 8253, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "axis2/axis2.xml", Location: "transportReceiver[@name=\"https\"]/parameter[@name=\"port\"]",
			Description: "micro-integrator HTTPS transport for mediation requests",
			Note:        "8243 " + miOff + "; the seed calls it a servlet transport",
		},
		{
			Profile: eiMSF4J, Service: model.SvcMSF4JHTTP, Port: 9090, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: false, DefaultOn: true,
			File: "transports/netty-transports.yml", Location: "listenerConfigurations[id=jaxrs-http]/port",
			Description: "HTTP transport of the MSF4J microservices runtime",
			Note: "the MSF4J profile is not a Carbon 4 server and has no carbon.xml offset; the port is written explicitly " +
				"(carbon.yml's ports offset is recorded, whether the transport adds it is unverified); the seed names no configuration file",
		},
		{
			Profile: eiAnalytics, Service: model.SvcAnalyticsHTTP, Port: 9091, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: false, DefaultOn: true,
			File: "worker/deployment.yaml", Location: "wso2.transport.http/listenerConfigurations[id=default]/port",
			Description: "analytics worker HTTP transport",
			Note:        "not in the seed; " + c5,
		},
		{
			Profile: eiAnalytics, Service: model.SvcAnalyticsHTTPS, Port: 9444, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: false, DefaultOn: true,
			File: "worker/deployment.yaml", Location: "wso2.transport.http/listenerConfigurations[id=msf4j-https]/port",
			Description: "analytics worker HTTPS transport (the seed's EI-Analytics management console)",
			Note:        c5,
		},
		{
			Profile: eiManager, Service: model.SvcAnalyticsHTTP, Port: 9190, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: false, DefaultOn: true,
			File: "manager/deployment.yaml", Location: "wso2.transport.http/listenerConfigurations[id=default]/port",
			Description: "analytics manager HTTP transport (distributed Siddhi deployments)",
			Note:        "not in the seed; " + c5,
		},
		{
			Profile: eiManager, Service: model.SvcAnalyticsHTTPS, Port: 9543, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: false, DefaultOn: true,
			File: "manager/deployment.yaml", Location: "wso2.transport.http/listenerConfigurations[id=msf4j-https]/port",
			Description: "analytics manager HTTPS transport (distributed Siddhi deployments)",
			Note:        "not in the seed; " + c5,
		},
		{
			Profile: eiDashboard, Service: model.SvcAnalyticsDash, Port: 9643, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: false, DefaultOn: true,
			File: "dashboard/deployment.yaml", Location: "wso2.transport.http/listenerConfigurations[id=default-https]/port",
			Description: "analytics dashboard portal over HTTPS",
			Note:        c5 + " (the dashboard runtime's offset is 2, yet the documented URL stays https://localhost:9643/portal)",
		},
		eiReceiver(model.SvcDatabridgeThrift, 7612, "Thrift", "tcpPort", "Thrift receiver for events published to the analytics worker", c5+"; 7611 + 1 by habit, written as 7612"),
		eiReceiver(model.SvcDatabridgeThriftSSL, 7712, "Thrift", "sslPort", "Thrift SSL receiver authenticating publishers to the analytics worker", c5+"; written as 7712"),
		eiReceiver(model.SvcDatabridgeBinary, 9611, "Binary", "tcpPort", "binary receiver for events published to the analytics worker", "not in the seed; "+c5),
		eiReceiver(model.SvcDatabridgeBinarySSL, 9711, "Binary", "sslPort", "binary SSL receiver authenticating publishers to the analytics worker", "not in the seed; "+c5),
		{
			Profile: eiAnalytics, Service: model.SvcCassandraThrift, Port: 9161, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: false, DefaultOn: false,
			Description: "Cassandra Thrift port for clients of the analytics profile",
			Note:        "listed by the seed; no shipped deployment.yaml of EI 6.4 opens it (unverified for older EI analytics); the seed names no configuration file",
		},
	}
}

// eiReceiver returns an event receiver of the EI analytics worker.
func eiReceiver(service string, port model.Port, receiver, key, desc, note string) Entry {
	return Entry{
		Profile: eiAnalytics, Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
		Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
		File:        "worker/deployment.yaml",
		Location:    "databridge.config/dataReceivers/dataReceiver[type=" + receiver + "]/properties/" + key,
		Description: desc, Note: note,
	}
}
