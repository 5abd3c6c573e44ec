package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// ssEntries returns the Storage Server ports beyond the common ones: the
// embedded Cassandra and HDFS.
func ssEntries() []Entry {
	const cass = "etc/cassandra.yaml; the embedded Cassandra adds the carbon port offset (the seed's 9161 for the EI analytics profile at offset 1 agrees)"
	const cassSSL = cass + "; opened only when internode_encryption is not none (none by default)"
	const hdfs = "HDFS port; whether the offset applies is unverified"
	ss := func(service string, port model.Port, x model.Exposure, desc, note string) Entry {
		return Entry{
			Service: service, Port: port, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: x, Offset: false, DefaultOn: true, Description: desc, Note: note,
		}
	}
	cassandra := func(service string, port model.Port, x model.Exposure, desc, note string) Entry {
		e := ss(service, port, x, desc, note)
		e.Offset, e.File = true, "etc/cassandra.yaml"
		return e
	}
	off := func(e Entry) Entry { e.DefaultOn = false; return e }
	return []Entry{
		cassandra(model.SvcCassandraGossip, 7000, model.ExposureCluster, "Cassandra inter-node communication", cass),
		off(cassandra(model.SvcCassandraGossipS, 7001, model.ExposureCluster, "Cassandra inter-node communication over SSL", cassSSL)),
		cassandra(model.SvcCassandraThrift, 9160, model.ExposureCluster, "Cassandra Thrift client connections", cass),
		cassandra(model.SvcCassandraJMX, 7199, model.ExposureManagement, "Cassandra JMX", cass),
		ss(model.SvcHDFSNameNode, 54310, model.ExposureCluster, "HDFS default file system (name node)", hdfs),
		ss(model.SvcHDFSJobTracker, 54311, model.ExposureCluster, "MapReduce job tracker", hdfs),
		ss(model.SvcHDFSNameNodeHTTPS, 50470, model.ExposureCluster, "HDFS name node secure HTTP server", hdfs),
		ss(model.SvcHDFSDataNodeHTTPS, 50475, model.ExposureCluster, "HDFS data node secure HTTP server", hdfs),
		ss(model.SvcHDFSDataNode, 50010, model.ExposureCluster, "HDFS data node data transfer", hdfs),
		ss(model.SvcHDFSDataNodeHTTP, 50075, model.ExposureCluster, "HDFS data node HTTP server", hdfs),
		ss(model.SvcHDFSDataNodeIPC, 50020, model.ExposureCluster, "HDFS data node IPC server", hdfs),
	}
}
