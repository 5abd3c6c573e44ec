package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// IoT Server 3.x profiles besides the core (whose ports are the common ones).
const (
	iotAnalytics = "analytics"
	iotBroker    = "broker"
)

// iotEntries returns the IoT Server 3.x ports beyond the common ones, which
// stand for the core profile (offset 0). Ports of the analytics (offset 2) and
// broker (offset 3) profiles are given at the profile's default offset.
func iotEntries() []Entry {
	out := pushEntries()
	return append(out,
		passthru(model.SvcPassthruHTTP, 8280, "http", "gateway HTTP transport"),
		passthru(model.SvcPassthruHTTPS, 8243, "https", "gateway HTTPS transport"),
		Entry{
			Profile: iotBroker, Service: model.SvcMQTT, Port: 1886, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/mqtt/defaultConnection/@port",
			Description: "MQTT for devices",
			Note:        "1883 plus the broker profile's default offset 3",
		},
		Entry{
			Profile: iotBroker, Service: model.SvcMQTTSSL, Port: 8886, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "broker.xml", Location: "transports/mqtt/sslConnection/@port",
			Description: "MQTT over TLS for devices",
			Note:        "not in the seed; 8883 (the shipped broker.xml) plus the broker profile's default offset 3",
		},
		Entry{
			Profile: iotAnalytics, Service: model.SvcServletHTTPS, Port: 9445, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@scheme=\"https\"]/@port",
			Description: "HTTPS servlet transport of the analytics profile",
			Note:        "9443 plus the analytics profile's default offset 2",
		},
		Entry{
			Profile: iotAnalytics, Service: model.SvcServletHTTP, Port: 9765, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@port] (the plain HTTP connector)",
			Description: "HTTP servlet transport of the analytics profile",
			Note:        "9763 plus the analytics profile's default offset 2",
		},
		Entry{
			Profile: iotAnalytics, Service: model.SvcIoTUnverified, Port: 1039, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: false,
			Description: "listed by the seed as an HTTP port of the analytics profile",
			Note: "unverified: no shipped configuration is known to open 1039; perhaps a truncated 10391 (embedded LDAP 10389 at offset 2); " +
				"catalogued so that the seed stays covered",
		},
	)
}
