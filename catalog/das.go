package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// dasEntries returns the Data Analytics Server 3.x ports beyond the common
// ones: the Thrift event receivers inherited from BAM and the Spark ports.
func dasEntries() []Entry {
	const file = "analytics/spark/spark-defaults.conf"
	const allModes = "opened in every Spark mode (local, cluster, client); DAS adds the port offset to Spark ports"
	const clusterMode = "only when Spark runs in cluster mode; DAS adds the port offset to Spark ports"
	out := []Entry{
		{
			Service: model.SvcDatabridgeThrift, Port: 7611, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "data-bridge/data-bridge-config.xml", Location: "thriftDataReceiver/port",
			Description: "Thrift receiver for events from publishers",
			Note:        "DAS 3.x keeps the older data-bridge schema (thriftDataReceiver), without a binary receiver",
		},
		{
			Service: model.SvcDatabridgeThriftSSL, Port: 7711, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "data-bridge/data-bridge-config.xml", Location: "thriftDataReceiver/securePort",
			Description: "Thrift SSL receiver authenticating event publishers",
			Note:        "DAS 3.x keeps the older data-bridge schema (thriftDataReceiver)",
		},
		spark(model.SvcSparkUI, 4040, file, "spark.ui.port", "Spark application web UI", true, true, allModes),
		spark(model.SvcSparkBlockManager, 12000, file, "spark.blockManager.port", "Spark block manager", true, true, allModes),
		spark(model.SvcSparkBroadcast, 12500, file, "spark.broadcast.port", "Spark broadcast server", true, true, allModes),
		spark(model.SvcSparkDriver, 13000, file, "spark.driver.port", "Spark driver", true, true, allModes),
		spark(model.SvcSparkExecutor, 13500, file, "spark.executor.port", "Spark executor", true, true, allModes),
		spark(model.SvcSparkFileServer, 14000, file, "spark.fileserver.port", "Spark driver file server", true, true, allModes),
		spark(model.SvcSparkReplClassServer, 14500, file, "spark.replClassServer.port", "Spark REPL class server", true, true, allModes),
		spark(model.SvcSparkHistoryUI, 18080, file, "spark.history.ui.port", "Spark history server web UI", true, false,
			"the Spark history server is a separate process that DAS does not start; the seed lists it among the ports of every mode"),
		spark(model.SvcSparkMaster, 7077, file, "spark.master.port", "Spark master", true, false, clusterMode),
		spark(model.SvcSparkMasterREST, 6066, file, "spark.master.rest.port", "Spark master REST submission server", true, false, clusterMode),
		spark(model.SvcSparkMasterWebUI, 8081, file, "spark.master.webui.port", "Spark master web UI", true, false, clusterMode),
		spark(model.SvcSparkWorker, 11000, file, "spark.worker.port", "Spark worker", true, false, clusterMode),
		spark(model.SvcSparkWorkerWebUI, 11500, file, "spark.worker.webui.port", "Spark worker web UI", true, false, clusterMode),
	}
	return out
}

// spark returns a Spark port set in a spark-defaults.conf style file.
func spark(service string, port model.Port, file, key, desc string, offset, on bool, note string) Entry {
	return Entry{
		Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
		Exposure: model.ExposureCluster, Offset: offset, DefaultOn: on,
		File: file, Location: key, Description: desc, Note: note,
	}
}
