package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// cepEntries returns the Complex Event Processor 4.x ports beyond the common
// ones.
func cepEntries() []Entry {
	return []Entry{
		{
			Service: model.SvcCassandraThrift, Port: 9160, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			Description: "Cassandra Thrift port for clients",
			Note:        "listed by the seed; only where a Cassandra event store runs with the server (not part of a default CEP 4.x installation, unverified); offset as in Storage Server's cassandra.yaml; the seed names no configuration file",
		},
		{
			Service: model.SvcDatabridgeThrift, Port: 7611, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "data-bridge/data-bridge-config.xml", Location: "dataReceiver[@name=\"Thrift\"]/config[@name=\"tcpPort\"]",
			Description: "Thrift receiver for events from clients",
		},
		{
			Service: model.SvcDatabridgeThriftSSL, Port: 7711, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "data-bridge/data-bridge-config.xml", Location: "dataReceiver[@name=\"Thrift\"]/config[@name=\"sslPort\"]",
			Description: "Thrift SSL receiver authenticating event publishers",
		},
		{
			Service: model.SvcCEPHA, Port: 11224, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			File: "event-processor.xml", Location: "mode[@name=\"HA\"]/eventSync/port",
			Description: "Thrift port for HA management between the two CEP members",
			Note: "only in HA mode; the seed calls it HA management, event-processor.xml names it the event " +
				"synchronisation (eventSync) port; the HA member management port is 10005",
		},
		{
			Service: model.SvcCEPHAMember, Port: 10005, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			File: "event-processor.xml", Location: "mode[@name=\"HA\"]/management/port",
			Description: "HA member management between the two CEP members",
			Note:        "not in the seed; only in HA mode",
		},
		{
			Service: model.SvcCEPPresentation, Port: 11000, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			File: "event-processor.xml", Location: "mode[@name=\"HA\"]/presentation/port",
			Description: "HA presentation port, where the presenter node receives events",
			Note:        "not in the seed; only in HA mode with a presenter",
		},
	}
}
