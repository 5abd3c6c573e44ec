package model

// Service IDs added by the catalog for listeners of the Carbon 4.4.x product
// line that services.go does not name. The same rule holds: never rename one.
const (
	// Outbound analytics publisher (APIM)
	SvcAnalyticsURLSSL = "analytics-url-ssl" // outbound Thrift SSL publisher to the analytics server, 7712

	// Spark (DAS, ML): spark-defaults.conf keys
	SvcSparkUI              = "spark-ui"                // spark.ui.port, 4040
	SvcSparkHistoryUI       = "spark-history-ui"        // spark.history.ui.port, 18080 (separate process)
	SvcSparkBlockManager    = "spark-block-manager"     // spark.blockManager.port, 12000
	SvcSparkBroadcast       = "spark-broadcast"         // spark.broadcast.port, 12500
	SvcSparkDriver          = "spark-driver"            // spark.driver.port, 13000
	SvcSparkExecutor        = "spark-executor"          // spark.executor.port, 13500
	SvcSparkFileServer      = "spark-file-server"       // spark.fileserver.port, 14000
	SvcSparkReplClassServer = "spark-repl-class-server" // spark.replClassServer.port, 14500
	SvcSparkMaster          = "spark-master"            // spark.master.port, 7077
	SvcSparkMasterREST      = "spark-master-rest"       // spark.master.rest.port, 6066
	SvcSparkMasterWebUI     = "spark-master-webui"      // spark.master.webui.port, 8081
	SvcSparkWorker          = "spark-worker"            // spark.worker.port, 11000
	SvcSparkWorkerWebUI     = "spark-worker-webui"      // spark.worker.webui.port, 11500

	// Product extras of the 4.4.x line
	SvcJNDIProvider   = "jndi-provider"       // BPS datasources RMI registry (JNDIProviderPort), 2199
	SvcCEPHA          = "cep-ha-management"   // CEP HA management Thrift, 11224
	SvcH2O            = "h2o"                 // ML H2O, 54321
	SvcMSF4JHTTP      = "msf4j-http"          // EI msf4j profile, 9090
	SvcAnalyticsHTTP  = "analytics-http"      // Carbon 5 analytics worker HTTP, 9091
	SvcAnalyticsHTTPS = "analytics-https"     // Carbon 5 analytics worker HTTPS (EI analytics console), 9444
	SvcAnalyticsDash  = "analytics-dashboard" // Carbon 5 analytics dashboard HTTPS, 9643

	// Cassandra (SS, CEP, EI analytics)
	SvcCassandraThrift  = "cassandra-thrift"      // 9160
	SvcCassandraGossip  = "cassandra-storage"     // inter-node, 7000
	SvcCassandraGossipS = "cassandra-storage-ssl" // inter-node over SSL, 7001
	SvcCassandraJMX     = "cassandra-jmx"         // 7199

	// HDFS (SS)
	SvcHDFSNameNode      = "hdfs-namenode"       // default file system, 54310
	SvcHDFSJobTracker    = "hdfs-jobtracker"     // MapReduce job tracker, 54311
	SvcHDFSNameNodeHTTPS = "hdfs-namenode-https" // 50470
	SvcHDFSDataNodeHTTPS = "hdfs-datanode-https" // 50475
	SvcHDFSDataNode      = "hdfs-datanode"       // data transfer, 50010
	SvcHDFSDataNodeHTTP  = "hdfs-datanode-http"  // 50075
	SvcHDFSDataNodeIPC   = "hdfs-datanode-ipc"   // 50020

	// Push notifications (EMM, IoT)
	SvcPushFCMDevice   = "push-fcm-device"    // devices to GCM/FCM, 5228-5230 (DirDevice)
	SvcPushAPNsDevice  = "push-apns-device"   // devices to APNs, 5223 (DirDevice)
	SvcPushAPNsWiFi    = "push-apns-wifi"     // devices to APNs on Wi-Fi fallback, 443 (DirDevice)
	SvcPushFCM         = "push-fcm"           // server to FCM, 443 (DirOut)
	SvcPushAPNs        = "push-apns"          // server to APNs HTTP/2 API, 443 (DirOut)
	SvcPushAPNsAlt     = "push-apns-alt"      // server to APNs HTTP/2 API, alternative port 2197 (DirOut)
	SvcPushAPNsLegacy  = "push-apns-legacy"   // server to the legacy APNs binary interface, 2195 (DirOut)
	SvcPushAPNsFeedbck = "push-apns-feedback" // server to the legacy APNs feedback service, 2196 (DirOut)

	// IoT Server
	SvcIoTUnverified = "iot-analytics-unverified" // the seed's 1039 on the IoT analytics profile
)
