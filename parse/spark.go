package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// sparkPort is one port key of spark-defaults.conf.
type sparkPort struct {
	key, id string
	mode    sparkMode
}

type sparkMode uint8

const (
	sparkAlways  sparkMode = iota + 1 // opened by the DAS JVM in every mode
	sparkCluster                      // only when DAS runs its own Spark cluster
	sparkNever                        // a separate process DAS does not start
)

var sparkPorts = []sparkPort{
	{"spark.ui.port", model.SvcSparkUI, sparkAlways},
	{"spark.history.ui.port", model.SvcSparkHistoryUI, sparkNever},
	{"spark.blockManager.port", model.SvcSparkBlockManager, sparkAlways},
	{"spark.broadcast.port", model.SvcSparkBroadcast, sparkAlways},
	{"spark.driver.port", model.SvcSparkDriver, sparkAlways},
	{"spark.executor.port", model.SvcSparkExecutor, sparkAlways},
	{"spark.fileserver.port", model.SvcSparkFileServer, sparkAlways},
	{"spark.replClassServer.port", model.SvcSparkReplClassServer, sparkAlways},
	{"spark.master.port", model.SvcSparkMaster, sparkCluster},
	{"spark.master.rest.port", model.SvcSparkMasterREST, sparkCluster},
	{"spark.master.webui.port", model.SvcSparkMasterWebUI, sparkCluster},
	{"spark.worker.port", model.SvcSparkWorker, sparkCluster},
	{"spark.worker.webui.port", model.SvcSparkWorkerWebUI, sparkCluster},
}

// readSpark reads analytics/spark/spark-defaults.conf (DAS, ML). The file is read
// as Java properties, which covers its whitespace-separated "key value" lines.
// DAS adds the carbon offset to every Spark port. The mode comes from
// carbon.spark.master: "local..." with axis2 clustering enabled is cluster mode
// (DAS forms its own Spark cluster over Carbon clustering and opens the master and
// worker ports); "local..." without clustering is local mode and "spark://..." is
// client mode (an external cluster), in which those ports stay closed. The history
// server (18080) is a separate process that DAS does not start.
func readSpark(s *server) error {
	f, ok, err := s.readProps(s.rel("analytics/spark/spark-defaults.conf"))
	if err != nil || !ok {
		return err
	}
	master := "local"
	if e, found := f.get("carbon.spark.master"); found {
		master = strings.TrimSpace(e.value)
		s.set(model.KeySparkMaster, master, e.valuePos)
	}
	clustering, _ := s.clusteringOn()
	cluster := strings.HasPrefix(master, "local") && clustering
	for _, sp := range sparkPorts {
		e, found := f.get(sp.key)
		if !found {
			continue
		}
		l := model.Listener{ID: sp.id}
		ok, err := s.portListener(&l, e.value, e.valuePos, true)
		if err != nil {
			return err
		}
		if !ok || l.Base == 0 {
			continue // 0 means a random port
		}
		switch sp.mode {
		case sparkAlways:
			l.Enabled = true
		case sparkCluster:
			l.Enabled = cluster
			l.Note = "spark cluster mode only (carbon.spark.master local with clustering enabled)"
		case sparkNever:
			l.Note = "spark history server: a separate process, not started by the server"
		}
		s.listen(l)
	}
	return nil
}
