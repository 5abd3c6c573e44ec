package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// mbEntries returns the Message Broker 3.x ports beyond the common ones.
func mbEntries() []Entry {
	return []Entry{
		broker(model.SvcAMQP, 5672, "amqp/defaultConnection", "AMQP (JMS) clients", ""),
		broker(model.SvcAMQPSSL, 8672, "amqp/sslConnection", "AMQP over TLS clients", ""),
		broker(model.SvcMQTT, 1883, "mqtt/defaultConnection", "MQTT clients", ""),
		broker(model.SvcMQTTSSL, 8883, "mqtt/sslConnection", "MQTT over TLS clients",
			"the seed says 8833; the shipped broker.xml (and the MQTT convention) use 8883"),
		{
			Service: model.SvcAndesThrift, Port: 7611, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			File: "broker.xml", Location: "coordination/thriftServerPort",
			Description: "Apache Thrift coordination server between broker nodes",
			Note:        "opened only when the broker runs clustered; same number as the data-bridge Thrift receiver",
		},
	}
}

// broker returns an Andes transport of broker.xml, public.
func broker(service string, port model.Port, conn, desc, note string) Entry {
	return Entry{
		Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
		Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
		File: "broker.xml", Location: "transports/" + conn + "/@port",
		Description: desc, Note: note,
	}
}
