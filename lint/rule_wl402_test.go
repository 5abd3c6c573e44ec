package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// productTomlHome is a deployment.toml home of the product with the settings.
func productTomlHome(product model.ProductKey, version string, ss ...model.Setting) *model.Home {
	h := home("a", srv(0, nil, ss...))
	h.Product = model.Product{Key: product, Version: version}
	return h
}

func TestWL402Cases(t *testing.T) {
	const miToml = "conf/deployment.toml"
	tk := func(key, value string, line int) model.Setting {
		return set(model.KeyTomlPrefix+key, value, toml, line)
	}
	mk := func(key, value string, line int) model.Setting {
		return set(model.KeyTomlPrefix+key, value, miToml, line)
	}
	testRule(t, "WL402", []ruleCase{
		{
			name: "stock micro integrator truststore and transport tables",
			homes: []*model.Home{productTomlHome("mi", "4.2.0",
				mk("truststore.file_name", "client-truststore.jks", 14),
				mk("truststore.alias", "symmetric.key.value", 17),
				mk("truststore.algorithm", "AES", 18),
				mk("transport.default_content_type", "application/xml", 171),
				mk("transport.parameters.name", "x", 983),
				mk("transport.modules.ref", "addressing", 991),
				mk("transport.phase_order.phases.phase_name", "Transport", 998),
				mk("server.get_request_processor.item", "swagger.json", 24),
				mk("server.hot_deployment", "true", 8),
				mk("server_conf.param.key", "StatWorkerCount", 42))},
		},
		{
			name: "typo directly under [server]",
			homes: []*model.Home{productTomlHome("am", "4.2.0",
				tk("server.hostname", "gw.example.com", 2),
				tk("server.ofset", "3", 3))},
			want: []string{
				`a|repository/conf/deployment.toml:3:5: warning: key "server.ofset" is not a key the server knows and is ignored silently; did you mean "server.offset" [WL402]`,
			},
		},
		{
			name: "unknown top-level table",
			homes: []*model.Home{productTomlHome("is", "7.0.0",
				tk("sever.hostname", "is.example.com", 5),
				tk("super_admn.username", "root", 9))},
			want: []string{
				`a|repository/conf/deployment.toml:5:5: warning: key "sever.hostname" is not a key the server knows and is ignored silently; did you mean "server.hostname" [WL402]`,
				`a|repository/conf/deployment.toml:9:5: warning: key "super_admn.username" is not a key the server knows and is ignored silently; did you mean "super_admin.username" [WL402]`,
			},
		},
		{
			name: "identity server reads enabled, not enable",
			homes: []*model.Home{productTomlHome("is", "7.0.0",
				tk("transport.http.enable", "false", 30),
				tk("transport.https.enabled", "true", 33))},
			want: []string{
				`a|repository/conf/deployment.toml:30:5: warning: key "transport.http.enable" is not a key the server knows and is ignored silently; did you mean "transport.http.enabled" [WL402]`,
			},
		},
		{
			name: "api manager reads enable",
			homes: []*model.Home{productTomlHome("am", "4.7.0",
				tk("transport.http.enable", "false", 30))},
		},
		{
			name: "free keys and tables far from known ones pass",
			homes: []*model.Home{productTomlHome("am", "4.2.0",
				tk("server.anything_goes", "1", 32),
				tk("server.node_ip", "10.0.0.1", 33),
				tk("vendor_extension.option", "1", 40),
				tk("apim.throttling.url_group.target", "tcp://tm:9611", 50),
				tk("ops.enable", "true", 60))},
		},
		{
			name: "keys of the home's default.json pass",
			homes: []*model.Home{productTomlHome("am", "4.7.0",
				set(model.KeyTomlDefaultPrefix+"serve.legacy", "1", "repository/resources/conf/default.json", 3),
				tk("serve.legacy", "0", 70))},
		},
	})
}
