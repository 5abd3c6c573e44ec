package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// fixtureHome returns testdata/homes/<name> at the repository root.
func fixtureHome(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join("..", "testdata", "homes", name)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("fixture home %s: %v", name, err)
	}
	return dir
}

// shifted returns wants with every offsetable port moved by off; offsetable
// lists the IDs the runtime offsets.
func shifted(ws []want, off int, fixed map[string]bool) []want {
	out := make([]want, len(ws))
	for i, w := range ws {
		out[i] = w
		if !fixed[w.id] {
			out[i].port += model.Port(off)
		}
	}
	return out
}

func TestProductFixtureHomes(t *testing.T) {
	for _, tc := range []struct {
		home    string
		product model.ProductKey
		wants   []want
		fixed   map[string]bool // listeners whose port is never offset
	}{
		{"wso2bps-3.6.0", "bps", []want{{"default", model.SvcJNDIProvider, 2199, true}}, nil},
		{"wso2cep-4.2.0", "cep", []want{
			{"default", model.SvcCassandraThrift, 9160, true},
			{"default", model.SvcDatabridgeThrift, 7611, true},
			{"default", model.SvcDatabridgeThriftSSL, 7711, true},
			{"default", model.SvcCEPHA, 11224, false},
		}, nil},
		{"wso2elb-2.2.0", "elb", nil, nil},
		{"wso2ml-1.2.0", "ml", []want{
			{"default", model.SvcSparkUI, 4040, true},
			{"default", model.SvcSparkMaster, 7077, false},
			{"default", model.SvcH2O, 54321, true},
		}, nil},
		{"wso2ss-1.1.0", "ss", []want{
			{"default", model.SvcCassandraGossip, 7000, true},
			{"default", model.SvcCassandraGossipS, 7001, false},
			{"default", model.SvcCassandraThrift, 9160, true},
			{"default", model.SvcCassandraJMX, 7199, true},
			{"default", model.SvcHDFSNameNode, 54310, true},
			{"default", model.SvcHDFSJobTracker, 54311, true},
			{"default", model.SvcHDFSNameNodeHTTPS, 50470, true},
			{"default", model.SvcHDFSDataNodeHTTPS, 50475, true},
			{"default", model.SvcHDFSDataNode, 50010, true},
			{"default", model.SvcHDFSDataNodeHTTP, 50075, true},
			{"default", model.SvcHDFSDataNodeIPC, 50020, true},
		}, map[string]bool{model.SvcHDFSNameNode: true, model.SvcHDFSJobTracker: true, model.SvcHDFSNameNodeHTTPS: true,
			model.SvcHDFSDataNodeHTTPS: true, model.SvcHDFSDataNode: true, model.SvcHDFSDataNodeHTTP: true, model.SvcHDFSDataNodeIPC: true}},
		{"wso2emm-2.2.0", "emm", []want{
			{"default", model.SvcKeyMgrThrift, 10397, true},
			{"default", model.SvcPushAPNs, 443, true},
			{"default", model.SvcPushAPNsLegacy, 2195, true},
			{"default", model.SvcPushAPNsFeedbck, 2196, true},
			{"default", model.SvcPushAPNsDevice, 5223, true},
			{"default", model.SvcPushFCMDevice, 5228, true},
			{"default", model.SvcPushFCM, 443, true},
		}, map[string]bool{model.SvcPushAPNs: true, model.SvcPushAPNsLegacy: true,
			model.SvcPushAPNsFeedbck: true, model.SvcPushAPNsDevice: true, model.SvcPushFCMDevice: true, model.SvcPushFCM: true}},
		{"wso2iot-3.3.0", "iot", []want{
			{"core", model.SvcKeyMgrThrift, 10397, true},
			{"core", model.SvcPushAPNs, 443, true},
			{"core", model.SvcPushAPNsAlt, 2197, true},
			{"broker", model.SvcMQTTSSL, 8886, true},
			{"analytics", model.SvcServletHTTPS, 9445, true},
			{"analytics", model.SvcServletHTTP, 9765, true},
			{"broker", model.SvcMQTT, 1886, true},
			{"broker", model.SvcAMQP, 5675, true},
		}, map[string]bool{model.SvcPushAPNs: true, model.SvcPushAPNsAlt: true}},
	} {
		t.Run(tc.home, func(t *testing.T) {
			dir := fixtureHome(t, tc.home)
			h, err := resolvedHome(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if h.Product.Key != tc.product {
				t.Errorf("product = %q, want %q", h.Product.Key, tc.product)
			}
			checkListeners(t, h, tc.wants)
			// --offset 2 replaces every server's offset, so the broker profile's
			// shipped 3 becomes 2 as well.
			h2, err := resolvedHome(dir, Options{Offset: intp(2)})
			if err != nil {
				t.Fatal(err)
			}
			base := make([]want, len(tc.wants))
			for i, w := range tc.wants {
				base[i] = w
				if shipped := map[string]model.Port{"broker": 3, "analytics": 2}[w.profile]; shipped != 0 && !tc.fixed[w.id] {
					base[i].port -= shipped
				}
			}
			checkListeners(t, h2, shifted(base, 2, tc.fixed))
		})
	}
}

// TestLegacyAPNsWhateverTheName: an EMM server uses Apple's legacy binary
// interface (2195, 2196) whatever its directory is called: carbon.xml's
// ServerKey says EMM. An IoT Server home does not.
func TestLegacyAPNsWhateverTheName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mdm")
	testenv.CopyTree(t, fixtureHome(t, "wso2emm-2.2.0"), dir)
	for _, tc := range []struct {
		dir  string
		want bool
	}{{dir, true}, {fixtureHome(t, "wso2iot-3.3.0"), false}} {
		h, err := resolvedHome(tc.dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, s := range h.Servers {
			for _, l := range s.Listeners {
				if l.ID == model.SvcPushAPNsLegacy && l.Port() == 2195 && l.Enabled {
					got = true
				}
			}
		}
		if got != tc.want {
			t.Errorf("%s: legacy APNs 2195 = %v, want %v", tc.dir, got, tc.want)
		}
	}
}
