package tomltest

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

func on(id string, p model.Port) port { return port{id, p, true} }

// apim4 is the all-in-one API Manager 4.x set at offset 0.
var apim4 = []port{
	on(model.SvcAMQP, 5672),
	on(model.SvcPassthruHTTP, 8280),
	on(model.SvcPassthruHTTPS, 8243),
	on(model.SvcWebhookHTTPS, 8021),
	on(model.SvcWebSocketSecure, 8099),
	on(model.SvcAMQPSSL, 8672),
	on(model.SvcWebhookHTTP, 9021),
	on(model.SvcWebSocket, 9099),
	on(model.SvcServletHTTPS, 9443),
	on(model.SvcDatabridgeBinary, 9611),
	on(model.SvcDatabridgeBinarySSL, 9711),
	on(model.SvcServletHTTP, 9763),
	on(model.SvcJMXRegistry, 9999),
	on(model.SvcJMXServer, 11111),
}

func TestCorpusTomlDefaults(t *testing.T) {
	tests := []struct {
		home    string
		product model.Product
		offset  int
		want    []port
	}{
		{"wso2am-3.2.0", model.Product{Key: "am", Version: "3.2.0"}, 0, []port{
			on(model.SvcAMQP, 5672), on(model.SvcPassthruHTTP, 8280), on(model.SvcPassthruHTTPS, 8243),
			on(model.SvcWebSocketSecure, 8099), on(model.SvcAMQPSSL, 8672), on(model.SvcWebSocket, 9099),
			on(model.SvcServletHTTPS, 9443), on(model.SvcDatabridgeBinary, 9611), on(model.SvcDatabridgeBinarySSL, 9711),
			on(model.SvcServletHTTP, 9763), on(model.SvcJMXRegistry, 9999), on(model.SvcJMXServer, 11111),
		}},
		{"wso2am-4.0.0", model.Product{Key: "am", Version: "4.0.0"}, 0, apim4},
		{"wso2am-4.2.0", model.Product{Key: "am", Version: "4.2.0"}, 0, apim4},
		{"wso2am-4.4.0", model.Product{Key: "am", Version: "4.4.0"}, 0, apim4},
		{"wso2am-4.5.0", model.Product{Key: "am", Version: "4.5.0"}, 0, apim4},
		{"wso2am-universal-gw-4.5.0", model.Product{Key: "am-universal-gw", Version: "4.5.0"}, 0, []port{
			on(model.SvcAMQP, 5672), on(model.SvcPassthruHTTP, 8280), on(model.SvcPassthruHTTPS, 8243),
			on(model.SvcWebhookHTTPS, 8021), on(model.SvcWebSocketSecure, 8099), on(model.SvcAMQPSSL, 8672),
			on(model.SvcWebhookHTTP, 9021), on(model.SvcWebSocket, 9099), on(model.SvcServletHTTPS, 9443),
			// DOMAIN.md section 5: the binary receiver is on in the 4.5 Universal Gateway too.
			on(model.SvcDatabridgeBinary, 9611), on(model.SvcDatabridgeBinarySSL, 9711),
			on(model.SvcServletHTTP, 9763), on(model.SvcJMXRegistry, 9999), on(model.SvcJMXServer, 11111),
		}},
		{"wso2am-tm-4.5.0", model.Product{Key: "am-tm", Version: "4.5.0"}, 0, []port{
			on(model.SvcAMQP, 5672), on(model.SvcAMQPSSL, 8672), on(model.SvcServletHTTPS, 9443),
			on(model.SvcDatabridgeBinary, 9611), on(model.SvcDatabridgeBinarySSL, 9711), on(model.SvcServletHTTP, 9763),
			on(model.SvcJMXRegistry, 9999), on(model.SvcJMXServer, 11111),
		}},
		{"wso2am-acp-4.5.0", model.Product{Key: "am-acp", Version: "4.5.0"}, 0, []port{
			on(model.SvcAMQP, 5672), on(model.SvcAMQPSSL, 8672), on(model.SvcServletHTTPS, 9443),
			on(model.SvcDatabridgeBinary, 9611), on(model.SvcDatabridgeBinarySSL, 9711), on(model.SvcServletHTTP, 9763),
			on(model.SvcJMXRegistry, 9999), on(model.SvcJMXServer, 11111),
		}},
		{"wso2is-5.11.0", model.Product{Key: "is", Version: "5.11.0"}, 0, []port{
			on(model.SvcServletHTTPS, 9443), on(model.SvcServletHTTP, 9763), on(model.SvcEmbeddedLDAP, 10389),
		}},
		{"wso2is-6.1.0", model.Product{Key: "is", Version: "6.1.0"}, 0, []port{on(model.SvcServletHTTPS, 9443), on(model.SvcServletHTTP, 9763)}},
		{"wso2is-7.0.0", model.Product{Key: "is", Version: "7.0.0"}, 0, []port{on(model.SvcServletHTTPS, 9443), on(model.SvcServletHTTP, 9763)}},
		{"wso2is-7.1.0", model.Product{Key: "is", Version: "7.1.0"}, 0, []port{on(model.SvcServletHTTPS, 9443), on(model.SvcServletHTTP, 9763)}},
		{"wso2mi-1.2.0", model.Product{Key: "mi", Version: "1.2.0"}, 10, []port{
			on(model.SvcPassthruHTTPS, 8253), on(model.SvcPassthruHTTP, 8290), on(model.SvcMIManagementAPI, 9164), on(model.SvcMIInternalHTTP, 9201),
		}},
		{"wso2mi-4.2.0", model.Product{Key: "mi", Version: "4.2.0"}, 10, []port{
			on(model.SvcPassthruHTTPS, 8253), on(model.SvcPassthruHTTP, 8290), on(model.SvcMIManagementAPI, 9164), on(model.SvcMIInternalHTTP, 9201),
		}},
		{"wso2mi-4.3.0", model.Product{Key: "mi", Version: "4.3.0"}, 10, []port{
			on(model.SvcPassthruHTTPS, 8253), on(model.SvcPassthruHTTP, 8290), on(model.SvcMIManagementAPI, 9164), on(model.SvcMIInternalHTTP, 9201),
		}},
	}
	c := corpusDir(t)
	for _, tc := range tests {
		t.Run(tc.home, func(t *testing.T) {
			h := load(t, filepath.Join(c, tc.home), parse.Options{})
			if diff := cmp.Diff(tc.product, h.Product); diff != "" {
				t.Errorf("product mismatch (-want +got):\n%s", diff)
			}
			if got := h.Servers[0].Offset.Value; got != tc.offset {
				t.Errorf("offset = %d, want %d", got, tc.offset)
			}
			if diff := cmp.Diff(sorted(tc.want), ports(h)); diff != "" {
				t.Errorf("listeners mismatch (-want +got):\n%s", diff)
			}
			for _, l := range h.Servers[0].Listeners {
				if l.Source.File == "" || l.Exposure == model.ExposureUnknown {
					t.Errorf("listener %s: source %q exposure %v, want both set", l.ID, l.Source, l.Exposure)
				}
			}
		})
	}
}

// sorted orders expected ports as the model orders listeners (port, then id).
func sorted(ps []port) []port {
	out := append([]port(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Port != out[j].Port {
			return out[i].Port < out[j].Port
		}
		return out[i].ID < out[j].ID
	})
	return out
}
