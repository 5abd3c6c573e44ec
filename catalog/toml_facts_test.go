package catalog

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestTomlFacts checks the deployment.toml facts of DOMAIN.md section 5, one
// case per fact (issue 12 items 3 and 4): which key sets each listener's port,
// which switch turns it off (and which look-alike does not), the inferred
// switches of infer.json and the listeners a product does not have. Each
// listener is shown as "port on|off" before the offset.
func TestTomlFacts(t *testing.T) {
	const miToml = "conf/deployment.toml"
	set := func(key, value string) model.Setting { return tomlSet(tomlPath, key, value, 30, 1) }
	miSet := func(key, value string) model.Setting { return tomlSet(miToml, key, value, 30, 1) }
	pt := []string{model.SvcPassthruHTTP, model.SvcPassthruHTTPS}
	amqp := []string{model.SvcAMQP, model.SvcAMQPSSL}
	binary := []string{model.SvcDatabridgeBinary, model.SvcDatabridgeBinarySSL}
	thrift := []string{model.SvcDatabridgeThrift, model.SvcDatabridgeThriftSSL}
	jmx := []string{model.SvcJMXRegistry, model.SvcJMXServer}
	tests := []struct {
		name, version, file string
		product             model.ProductKey
		settings            []model.Setting
		ids                 []string
		want                map[string]string
	}{
		// PassThrough, API Manager.
		{name: "am passthru switch", product: "am", version: "4.2.0", ids: pt,
			settings: []model.Setting{set("transport.passthru_http.listener.enable", "false"), set("transport.passthru_https.listener.enable", "false")},
			want:     map[string]string{model.SvcPassthruHTTP: "8280 off", model.SvcPassthruHTTPS: "8243 off"}},
		{name: "am maps no transport.http(s).listener.enable", product: "am", version: "4.2.0", ids: pt,
			settings: []model.Setting{set("transport.http.listener.enable", "false"), set("transport.https.listener.enable", "false")},
			want:     map[string]string{model.SvcPassthruHTTP: "8280 on", model.SvcPassthruHTTPS: "8243 on"}},
		{name: "am port aliases", product: "am", version: "4.2.0", ids: pt,
			settings: []model.Setting{set("transport.http.listener.port", "7000"), set("transport.http.listener.secured_port", "7001")},
			want:     map[string]string{model.SvcPassthruHTTP: "7000 on", model.SvcPassthruHTTPS: "7001 on"}},
		{name: "am passthru listener.port", product: "am", version: "4.2.0", ids: pt,
			settings: []model.Setting{set("transport.passthru_http.listener.port", "7000"), set("transport.passthru_https.listener.parameters.port", "7001")},
			want:     map[string]string{model.SvcPassthruHTTP: "7000 on", model.SvcPassthruHTTPS: "7001 on"}},
		// PassThrough, Micro Integrator.
		{name: "mi switches", product: "mi", version: "4.2.0", file: miToml, ids: pt,
			settings: []model.Setting{miSet("transport.http.listener.enable", "false"), miSet("transport.http.listener.secured_enable", "false")},
			want:     map[string]string{model.SvcPassthruHTTP: "8280 off", model.SvcPassthruHTTPS: "8243 off"}},
		{name: "mi has no passthru keys", product: "mi", version: "4.2.0", file: miToml, ids: pt,
			settings: []model.Setting{miSet("transport.passthru_http.listener.enable", "false"), miSet("transport.passthru_https.listener.parameters.port", "7001"),
				miSet("transport.https.listener.enable", "false")},
			want: map[string]string{model.SvcPassthruHTTP: "8280 on", model.SvcPassthruHTTPS: "8243 on"}},
		{name: "mi port keys", product: "mi", version: "4.2.0", file: miToml, ids: pt,
			settings: []model.Setting{miSet("transport.http.listener.parameter.port", "7000"), miSet("transport.https.listener.parameter.port", "7001")},
			want:     map[string]string{model.SvcPassthruHTTP: "7000 on", model.SvcPassthruHTTPS: "7001 on"}},
		{name: "mi port aliases", product: "mi", version: "4.2.0", file: miToml, ids: pt,
			settings: []model.Setting{miSet("transport.http.listener.port", "7000"), miSet("transport.http.listener.secured_port", "7001")},
			want:     map[string]string{model.SvcPassthruHTTP: "7000 on", model.SvcPassthruHTTPS: "7001 on"}},
		// Servlet switches.
		{name: "am servlet http switch ignored before 4.7", product: "am", version: "4.5.0", ids: []string{model.SvcServletHTTP},
			settings: []model.Setting{set("transport.http.enable", "false")}, want: map[string]string{model.SvcServletHTTP: "9763 on"}},
		{name: "am servlet http switch from 4.7", product: "am", version: "4.7.0", ids: []string{model.SvcServletHTTP},
			settings: []model.Setting{set("transport.http.enable", "false")}, want: map[string]string{model.SvcServletHTTP: "9763 off"}},
		{name: "is servlet switches", product: "is", version: "7.0.0", ids: []string{model.SvcServletHTTP, model.SvcServletHTTPS},
			settings: []model.Setting{set("transport.http.enabled", "false"), set("transport.https.enabled", "false")},
			want:     map[string]string{model.SvcServletHTTP: "9763 off", model.SvcServletHTTPS: "9443 off"}},
		// WebSocket and webhooks.
		{name: "ws enable ignored before 4.6", product: "am", version: "4.2.0", ids: []string{model.SvcWebSocket, model.SvcWebSocketSecure},
			settings: []model.Setting{set("apim.ws.enable", "false"), set("apim.wss.enable", "false")},
			want:     map[string]string{model.SvcWebSocket: "9099 on", model.SvcWebSocketSecure: "8099 on"}},
		{name: "ws enable from 4.6", product: "am", version: "4.6.0", ids: []string{model.SvcWebSocket, model.SvcWebSocketSecure},
			settings: []model.Setting{set("apim.ws.enable", "false"), set("apim.wss.enable", "false")},
			want:     map[string]string{model.SvcWebSocket: "9099 off", model.SvcWebSocketSecure: "8099 off"}},
		{name: "webhooks https switch from 4.6", product: "am", version: "4.6.0", ids: []string{model.SvcWebhookHTTP, model.SvcWebhookHTTPS},
			settings: []model.Setting{set("apim.webhooks.https.enable", "false")},
			want:     map[string]string{model.SvcWebhookHTTP: "9021 on", model.SvcWebhookHTTPS: "8021 off"}},
		{name: "webhooks https switch ignored before 4.6", product: "am", version: "4.2.0", ids: []string{model.SvcWebhookHTTPS},
			settings: []model.Setting{set("apim.webhooks.https.enable", "false")}, want: map[string]string{model.SvcWebhookHTTPS: "8021 on"}},
		// AMQP.
		{name: "amqp per connection", product: "am", version: "4.2.0", ids: amqp,
			settings: []model.Setting{set("broker.transport.amqp.ssl_connection.enabled", "false")},
			want:     map[string]string{model.SvcAMQP: "5672 on", model.SvcAMQPSSL: "8672 off"}},
		{name: "amqp broker switch", product: "am", version: "4.2.0", ids: amqp,
			settings: []model.Setting{set("broker.transport.amqp.enabled", "false")},
			want:     map[string]string{model.SvcAMQP: "5672 off", model.SvcAMQPSSL: "8672 off"}},
		{name: "amqp off without traffic management", product: "am", version: "4.2.0", ids: append(amqp, binary...),
			settings: []model.Setting{set("server.enable_traffic_management", "false")},
			want:     map[string]string{model.SvcAMQP: "5672 off", model.SvcAMQPSSL: "8672 off", model.SvcDatabridgeBinary: "9611 off", model.SvcDatabridgeBinarySSL: "9711 off"}},
		{name: "universal gateway keeps amqp", product: "am-universal-gw", version: "4.5.0", ids: amqp,
			want: map[string]string{model.SvcAMQP: "5672 on", model.SvcAMQPSSL: "8672 on"}},
		// Event receivers.
		{name: "binary receiver aliases", product: "am", version: "4.2.0", ids: binary,
			settings: []model.Setting{set("transport.receiver.tcp_port", "9612"), set("transport.receiver.ssl_port", "9712")},
			want:     map[string]string{model.SvcDatabridgeBinary: "9612 on", model.SvcDatabridgeBinarySSL: "9712 on"}},
		{name: "binary receiver switch", product: "am", version: "4.2.0", ids: binary,
			settings: []model.Setting{set("transport.binary.receiver.enable", "false")},
			want:     map[string]string{model.SvcDatabridgeBinary: "9611 off", model.SvcDatabridgeBinarySSL: "9711 off"}},
		{name: "binary receiver off when the receiver is thrift", product: "am", version: "4.2.0", ids: binary,
			settings: []model.Setting{set("transport.receiver.type", `"thrift"`)},
			want:     map[string]string{model.SvcDatabridgeBinary: "9611 off", model.SvcDatabridgeBinarySSL: "9711 off"}},
		{name: "explicit binary switch beats the inferred one", product: "am", version: "4.2.0", ids: binary,
			settings: []model.Setting{set("transport.receiver.type", "thrift"), set("transport.binary.receiver.enable", "true")},
			want:     map[string]string{model.SvcDatabridgeBinary: "9611 on", model.SvcDatabridgeBinarySSL: "9711 on"}},
		{name: "binary receiver on the universal gateway", product: "am-universal-gw", version: "4.5.0", ids: binary,
			want: map[string]string{model.SvcDatabridgeBinary: "9611 on", model.SvcDatabridgeBinarySSL: "9711 on"}},
		{name: "thrift hard-coded off in 4.x", product: "am", version: "4.2.0", ids: thrift,
			settings: []model.Setting{set("transport.thrift.receiver.enable", "true")}, want: map[string]string{}},
		{name: "thrift switch in 3.2", product: "am", version: "3.2.0", ids: thrift,
			settings: []model.Setting{set("transport.thrift.receiver.enable", "true")},
			want:     map[string]string{model.SvcDatabridgeThrift: "7611 on", model.SvcDatabridgeThriftSSL: "7711 on"}},
		// JMX.
		{name: "jmx on in api manager", product: "am", version: "4.2.0", ids: jmx,
			want: map[string]string{model.SvcJMXRegistry: "9999 on", model.SvcJMXServer: "11111 on"}},
		{name: "jmx off in identity server", product: "is", version: "7.0.0", ids: jmx, want: map[string]string{}},
		{name: "mi has no jmx server", product: "mi", version: "4.2.0", file: miToml, ids: jmx,
			settings: []model.Setting{miSet("monitoring.jmx.rmi_server_start", "true")}, want: map[string]string{}},
		// Embedded LDAP.
		{name: "embedded ldap in is 5.11", product: "is", version: "5.11.0", ids: []string{model.SvcEmbeddedLDAP},
			want: map[string]string{model.SvcEmbeddedLDAP: "10389 on"}},
		{name: "embedded ldap switch", product: "is", version: "5.11.0", ids: []string{model.SvcEmbeddedLDAP},
			settings: []model.Setting{set("embedded_ldap.enable", "false")}, want: map[string]string{model.SvcEmbeddedLDAP: "10389 off"}},
		{name: "no embedded ldap in is 6", product: "is", version: "6.1.0", ids: []string{model.SvcEmbeddedLDAP}, want: map[string]string{}},
		{name: "no embedded ldap in api manager", product: "am", version: "4.2.0", ids: []string{model.SvcEmbeddedLDAP}, want: map[string]string{}},
		// MI internal APIs.
		{name: "mi internal apis", product: "mi", version: "4.2.0", file: miToml, ids: []string{model.SvcMIInternalHTTP, model.SvcMIManagementAPI},
			want: map[string]string{model.SvcMIInternalHTTP: "9191 on", model.SvcMIManagementAPI: "9154 on"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if file == "" {
				file = tomlPath
			}
			got := map[string]string{}
			for _, l := range resolveOnly(tc.product, tc.version, file, tc.settings, tc.ids...) {
				state := "off"
				if l.Enabled {
					state = "on"
				}
				got[l.ID] = fmt.Sprintf("%d %s", l.Base, state)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
		})
	}
}
