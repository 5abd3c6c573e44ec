package parse

import (
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// want is one listener a corpus or fixture home must yield.
type want struct {
	profile string
	id      string
	port    model.Port // effective
	enabled bool
}

// checkListeners fails for every wanted listener the home lacks.
func checkListeners(t *testing.T, h *model.Home, wants []want) {
	t.Helper()
	for _, w := range wants {
		found := false
		for _, s := range h.Servers {
			if s.Profile != w.profile {
				continue
			}
			for _, l := range s.Listeners {
				if l.ID == w.id && l.Port() == w.port && l.Enabled == w.enabled {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s listener on %d (enabled=%v)", w.profile, w.id, w.port, w.enabled)
		}
	}
}

func TestProductCorpus(t *testing.T) {
	c := corpusDir(t)
	for _, tc := range []struct {
		home  string
		wants []want
	}{
		{"wso2am-2.6.0", []want{
			{"default", model.SvcKeyMgrThrift, 10397, true},
			{"default", model.SvcDatabridgeThrift, 7611, true},
			{"default", model.SvcDatabridgeBinarySSL, 9711, true},
			{"default", model.SvcAMQP, 5672, true},
			{"default", model.SvcMQTTSSL, 8883, true},
			{"default", model.SvcAndesThrift, 7611, false},
			{"default", model.SvcWebSocket, 9099, true},
			{"default", model.SvcWebSocketSecure, 8099, true},
			{"default", model.SvcEmbeddedLDAP, 10389, true},
			{"default", model.SvcKDC, 8000, false},
			{"default", model.SvcAnalyticsURL, 7612, true},
			{"default", model.SvcThrottleURL, 9611, true},
			{"default", model.SvcJMSBroker, 5672, true},
			{"default", model.SvcJDBC, 3306, true},
		}},
		{"wso2is-5.7.0", []want{
			{"default", model.SvcEmbeddedLDAP, 10389, true},
			{"default", model.SvcThriftEntitle, 10500, false},
			{"default", model.SvcDatabridgeBinary, 9611, true},
		}},
		{"wso2mb-3.2.0", []want{
			{"default", model.SvcAMQP, 5672, true},
			{"default", model.SvcAMQPSSL, 8672, true},
			{"default", model.SvcMQTT, 1883, true},
			{"default", model.SvcMQTTSSL, 8883, true},
			{"default", model.SvcAndesThrift, 7611, false},
		}},
		{"wso2das-3.1.0", []want{
			{"default", model.SvcDatabridgeThrift, 7611, true},
			{"default", model.SvcDatabridgeThriftSSL, 7711, true},
			{"default", model.SvcSparkUI, 4040, true},
			{"default", model.SvcSparkHistoryUI, 18080, false},
			{"default", model.SvcSparkMaster, 7077, false},
			{"default", model.SvcSparkReplClassServer, 14500, true},
		}},
		{"wso2ei-6.4.0", []want{
			{"broker", model.SvcAMQP, 5675, true},
			{"broker", model.SvcAMQPSSL, 8675, true},
			{"broker", model.SvcMQTT, 1886, true},
			{"broker", model.SvcAndesThrift, 7617, false},
			{"analytics-worker", model.SvcAnalyticsHTTP, 9091, true},
			{"analytics-worker", model.SvcAnalyticsHTTPS, 9444, true},
			{"analytics-worker", model.SvcSiddhiStoreAPI, 7070, true},
			{"analytics-worker", model.SvcDatabridgeThrift, 7612, true},
			{"analytics-worker", model.SvcDatabridgeBinarySSL, 9711, true},
			{"analytics-dashboard", model.SvcAnalyticsDash, 9643, true},
			{"analytics-manager", model.SvcAnalyticsHTTPS, 9543, true},
		}},
	} {
		t.Run(tc.home, func(t *testing.T) {
			h, err := resolvedHome(filepath.Join(c, tc.home), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkListeners(t, h, tc.wants)
		})
	}
	t.Run("ei offsets", func(t *testing.T) {
		h, err := resolvedHome(filepath.Join(c, "wso2ei-6.4.0"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, s := range h.Servers {
			got[s.Profile] = s.Offset.Value
		}
		for p, off := range map[string]int{"integrator": 0, "broker": 3, "business-process": 2, "micro-integrator": 10,
			"analytics-worker": 0, "analytics-manager": 1, "analytics-dashboard": 2} {
			if v, ok := got[p]; !ok || v != off {
				t.Errorf("profile %s offset = %d (present %v), want %d", p, v, ok, off)
			}
		}
	})
}
