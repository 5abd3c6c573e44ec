package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// fuzzHome writes data as the home-relative file rel next to a carbon.xml and
// reads the home: it must not panic, and every port it reports must be one a
// socket can use (before the offset) or an input error.
func fuzzHome(t *testing.T, rel string, data []byte) {
	dir := t.TempDir()
	files := map[string][]byte{"repository/conf/carbon.xml": []byte(carbonAt("1")), rel: data}
	if filepath.Dir(rel) == "wso2/analytics/conf/worker" {
		files = map[string][]byte{"conf/carbon.xml": []byte(carbonAt("0")), rel: data}
	}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Home(dir, Options{})
	if err != nil {
		return
	}
	for _, s := range h.Servers {
		for _, l := range s.Listeners {
			if l.Base < 0 || l.Base > model.MaxPort {
				t.Fatalf("listener %s base %d out of range", l.ID, l.Base)
			}
		}
	}
}

func FuzzBroker(f *testing.F) {
	f.Add([]byte(brokerXML))
	f.Add([]byte(`<broker><transports><amqp><sslConnection port="${Ports.X}"/></amqp></transports></broker>`))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzHome(t, "repository/conf/broker.xml", b) })
}

func FuzzDataBridge(f *testing.F) {
	f.Add([]byte(`<dataBridgeConfiguration><dataReceiver name="Thrift"><config name="tcpPort">7611</config></dataReceiver></dataBridgeConfiguration>`))
	f.Add([]byte(`<dataBridgeConfiguration xmlns="x"><thriftDataReceiver><port>7611</port></thriftDataReceiver></dataBridgeConfiguration>`))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzHome(t, "repository/conf/data-bridge/data-bridge-config.xml", b) })
}

func FuzzAPIManager(f *testing.F) {
	f.Add([]byte(apimXML))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzHome(t, "repository/conf/api-manager.xml", b) })
}

func FuzzSparkConf(f *testing.F) {
	f.Add([]byte(sparkConf))
	f.Add([]byte("spark.ui.port \\\n 4040\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzHome(t, "repository/conf/analytics/spark/spark-defaults.conf", b) })
}

func FuzzDeploymentYAML(f *testing.F) {
	f.Add([]byte(workerYAML))
	f.Add([]byte("a: &x {b: *x}\n"))
	f.Fuzz(func(t *testing.T, b []byte) { fuzzHome(t, "wso2/analytics/conf/worker/deployment.yaml", b) })
}

func FuzzInbound(f *testing.F) {
	f.Add([]byte(inboundXML("ws", "false", `<parameter name="inbound.ws.port">9099</parameter>`)))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzHome(t, "repository/deployment/server/synapse-configs/default/inbound-endpoints/x.xml", b)
	})
}
