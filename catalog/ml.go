package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// mlEntries returns the Machine Learner 1.x ports beyond the common ones.
func mlEntries() []Entry {
	const unverified = "whether Machine Learner adds the port offset is unverified"
	return []Entry{
		{
			Service: model.SvcSparkUI, Port: 4040, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			File: "analytics/spark/spark-defaults.conf", Location: "spark.ui.port",
			Description: "web UI of the embedded Spark",
			Note:        "the embedded Spark reads spark-defaults.conf and adds the carbon port offset as in DAS (unverified for Machine Learner)",
		},
		{
			Service: model.SvcSparkMaster, Port: 7077, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: false,
			Description: "Apache Spark master",
			Note:        "only when Spark runs as a cluster rather than in local mode; offset as the Spark ports of DAS (DOMAIN), " + unverified + " for Machine Learner; the seed names no configuration file",
		},
		{
			Service: model.SvcH2O, Port: 54321, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: true, DefaultOn: true,
			Description: "H2O machine-learning server",
			Note:        "repository/conf/etc/h2o-config.xml (enabled, mode); only local mode listens, on 54321 plus the offset (carbon-ml MLCoreDS, DOMAIN.md section 8)",
		},
	}
}
