package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// ssEntries returns the Storage Server ports beyond the common ones: the
// embedded Cassandra and HDFS.
func ssEntries() []Entry {
	const cass = "Cassandra port, not the carbon.xml offset scheme: whether the offset applies is unverified"
	const hdfs = "HDFS port; whether the offset applies is unverified"
	ss := func(service string, port model.Port, x model.Exposure, desc, note string) Entry {
		return Entry{
			Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: x, Offset: false, DefaultOn: true, Description: desc, Note: note,
		}
	}
	return []Entry{
		ss(model.SvcCassandraGossip, 7000, model.ExposureCluster, "Cassandra inter-node communication", cass),
		ss(model.SvcCassandraGossipS, 7001, model.ExposureCluster, "Cassandra inter-node communication over SSL", cass),
		ss(model.SvcCassandraThrift, 9160, model.ExposureCluster, "Cassandra Thrift client connections", cass),
		ss(model.SvcCassandraJMX, 7199, model.ExposureManagement, "Cassandra JMX", cass),
		ss(model.SvcHDFSNameNode, 54310, model.ExposureCluster, "HDFS default file system (name node)", hdfs),
		ss(model.SvcHDFSJobTracker, 54311, model.ExposureCluster, "MapReduce job tracker", hdfs),
		ss(model.SvcHDFSNameNodeHTTPS, 50470, model.ExposureCluster, "HDFS name node secure HTTP server", hdfs),
		ss(model.SvcHDFSDataNodeHTTPS, 50475, model.ExposureCluster, "HDFS data node secure HTTP server", hdfs),
		ss(model.SvcHDFSDataNode, 50010, model.ExposureCluster, "HDFS data node data transfer", hdfs),
		ss(model.SvcHDFSDataNodeHTTP, 50075, model.ExposureCluster, "HDFS data node HTTP server", hdfs),
		ss(model.SvcHDFSDataNodeIPC, 50020, model.ExposureCluster, "HDFS data node IPC server", hdfs),
	}
}
