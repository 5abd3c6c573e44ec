package parse

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const sparkConf = `# carbon.spark.master spark://trap:7077
carbon.spark.master local
spark.ui.port 4040
spark.history.ui.port	18080
spark.driver.port=13000
spark.master.port 7077
spark.worker.webui.port   11500
spark.blockManager.port 0
`

func TestReadSpark(t *testing.T) {
	const rel = "repository/conf/analytics/spark/spark-defaults.conf"
	local := []pl{
		in(model.SvcSparkUI, 4041, true, true, 3),
		in(model.SvcSparkMaster, 7078, true, false, 6),
		in(model.SvcSparkWorkerWebUI, 11501, true, false, 7),
		in(model.SvcSparkDriver, 13001, true, true, 5),
		in(model.SvcSparkHistoryUI, 18081, true, false, 4),
	}
	cluster := []pl{local[0], in(model.SvcSparkMaster, 7078, true, true, 6), in(model.SvcSparkWorkerWebUI, 11501, true, true, 7), local[3], local[4]}
	for _, tc := range []struct {
		name, conf, axis2 string
		want              []pl
	}{
		{"local mode", sparkConf, "", local},
		{"local mode crlf", crlf(sparkConf), axis2Clustering("false"), local},
		{"cluster mode", sparkConf, axis2Clustering("true"), cluster},
		{"client mode", replaceAll(sparkConf, "master local", "master spark://m:7077"), axis2Clustering("true"), local},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"repository/conf/carbon.xml": carbonAt("1"), rel: tc.conf}
			if tc.axis2 != "" {
				files["repository/conf/axis2/axis2.xml"] = tc.axis2
			}
			h := mustHome(t, files, Options{})
			ids := []string{}
			for _, sp := range sparkPorts {
				ids = append(ids, sp.id)
			}
			if diff := cmp.Diff(tc.want, listenersOf(h.Servers[0], ids...)); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("bad port", func(t *testing.T) {
		_, err := homeOf(t, map[string]string{"repository/conf/carbon.xml": carbonAt("0"), rel: "spark.ui.port\tfour\n"}, Options{})
		var pe *Error
		if !errors.As(err, &pe) || pe.Line != 1 {
			t.Fatalf("err = %v, want an input error on line 1", err)
		}
	})
}
