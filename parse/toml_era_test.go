package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wso2lint/wso2lint/internal/model"
)

// scriptFacts is what a start script contributes to a toml-era server.
type scriptFacts struct {
	Offset  model.Offset
	Avoid   bool   // TomlFacts.AvoidConfigUpdate
	Profile string // KeyScriptProfile value, "" when absent
}

func scriptFactsOf(s model.Server) scriptFacts {
	f := scriptFacts{Offset: s.Offset}
	if s.Toml != nil {
		f.Avoid = s.Toml.AvoidConfigUpdate
	}
	if st, ok := s.Setting(model.KeyScriptProfile); ok {
		f.Profile = st.Value
	}
	return f
}

func TestTomlEraStartScripts(t *testing.T) {
	const (
		sh  = "#!/bin/sh\nJAVA_OPTS=\"-DportOffset=2 -DavoidConfigUpdate=true -Dprofile=gateway-worker\"\n"
		bat = "@echo off\r\nset JAVA_OPTS=-DportOffset=2 -DavoidConfigUpdate=true -Dprofile=gateway-worker\r\n"
		mi  = "conf/deployment.toml"
	)
	// The toml sets offset 1: the script's -DportOffset=2 must win over it.
	amToml := map[string]string{tomlRel: "[server]\noffset = 1\n"}
	with := func(files map[string]string, rel, text string) map[string]string {
		out := map[string]string{rel: text}
		for k, v := range files {
			out[k] = v
		}
		return out
	}
	shFacts := func(rel string) scriptFacts {
		return scriptFacts{
			Offset:  model.Offset{Value: 2, Origin: model.OriginScript, Pos: model.Pos{File: rel, Line: 2, Col: 25}},
			Avoid:   true,
			Profile: "-Dprofile=gateway-worker",
		}
	}
	batFacts := func(rel string) scriptFacts {
		return scriptFacts{
			Offset:  model.Offset{Value: 2, Origin: model.OriginScript, Pos: model.Pos{File: rel, Line: 2, Col: 28}},
			Avoid:   true,
			Profile: "-Dprofile=gateway-worker",
		}
	}
	four := 4
	tests := []struct {
		name  string
		home  string
		files map[string]string
		opt   Options
		want  scriptFacts
	}{
		{"api manager sh", "wso2am-4.2.0", with(amToml, "bin/api-manager.sh", sh), Options{}, shFacts("bin/api-manager.sh")},
		{"api manager bat", "wso2am-3.2.0", with(amToml, "bin/api-manager.bat", bat), Options{}, batFacts("bin/api-manager.bat")},
		{"universal gateway", "wso2am-universal-gw-4.5.0", with(amToml, "bin/gateway.sh", sh), Options{}, shFacts("bin/gateway.sh")},
		{"traffic manager", "wso2am-tm-4.5.0", with(amToml, "bin/traffic-manager.sh", sh), Options{}, shFacts("bin/traffic-manager.sh")},
		{"control plane", "wso2am-acp-4.5.0", with(amToml, "bin/api-cp.sh", sh), Options{}, shFacts("bin/api-cp.sh")},
		{"control plane bat", "wso2am-acp-4.5.0", with(amToml, "bin/api-cp.bat", bat), Options{}, batFacts("bin/api-cp.bat")},
		{"micro integrator", "wso2mi-4.2.0", map[string]string{mi: "[server]\noffset = 1\n", "bin/micro-integrator.sh": sh},
			Options{}, shFacts("bin/micro-integrator.sh")},
		{"micro integrator bat", "wso2mi-1.2.0", map[string]string{mi: "[server]\nhostname = \"x\"\n", "bin/micro-integrator.bat": bat},
			Options{}, batFacts("bin/micro-integrator.bat")},
		{"flag beats the script", "wso2am-4.2.0", with(amToml, "bin/api-manager.sh", sh), Options{Offset: &four},
			scriptFacts{Offset: model.Offset{Value: 4, Origin: model.OriginFlag}, Avoid: true, Profile: "-Dprofile=gateway-worker"}},
		{"no script: the toml", "wso2am-4.2.0", amToml, Options{},
			scriptFacts{Offset: model.Offset{Value: 1, Origin: model.OriginToml, Pos: model.Pos{File: tomlRel, Line: 2, Col: 10, Path: "server.offset"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := tomlHome(t, tc.home, tc.files, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, scriptFactsOf(h.Servers[0]), cmpopts.IgnoreFields(model.Pos{}, "Path")); diff != "" {
				t.Errorf("script facts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScriptFilesTomlEra(t *testing.T) {
	s := &server{bin: "bin", srv: model.Server{Profile: "default"}}
	want := []string{"bin/wso2server.sh", "bin/wso2server.bat",
		"bin/api-manager.sh", "bin/api-manager.bat", "bin/api-cp.sh", "bin/api-cp.bat", "bin/key-manager.sh", "bin/key-manager.bat",
		"bin/traffic-manager.sh", "bin/traffic-manager.bat", "bin/gateway.sh", "bin/gateway.bat",
		"bin/api-gateway.sh", "bin/api-gateway.bat", "bin/micro-integrator.sh", "bin/micro-integrator.bat"}
	if diff := cmp.Diff(want, scriptFiles(s)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A Micro Integrator 4.x home has wso2/components and wso2/lib: they are not
// EI profiles, so the home is one MI server with MI's start script.
func TestMicroIntegratorHomeWithRuntimeFolders(t *testing.T) {
	files := map[string]string{
		"conf/deployment.toml":             "[server]\nhostname = \"mi.example.com\"\n",
		"wso2/components/plugins/README":   "plugins\n",
		"wso2/lib/README":                  "lib\n",
		"bin/micro-integrator.sh":          "#!/bin/sh\nJAVA_OPTS=\"-DavoidConfigUpdate=true\"\n",
		"bin/integrator.sh":                "#!/bin/sh\nJAVA_OPTS=\"-DportOffset=7\"\n",
		"repository/deployment/server/x.t": "x\n",
	}
	h, err := tomlHome(t, "mi-home", files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Servers) != 1 {
		t.Fatalf("servers = %d, want 1", len(h.Servers))
	}
	s := h.Servers[0]
	got := struct {
		Product model.Product
		Profile string
		Facts   scriptFacts
	}{h.Product, s.Profile, scriptFactsOf(s)}
	want := got
	want.Product = model.Product{Key: "mi"}
	want.Profile = "default"
	want.Facts = scriptFacts{Offset: model.Offset{Value: 10, Origin: model.OriginDefault}, Avoid: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestTomlOnlyRepositoryDetection(t *testing.T) {
	const (
		miToml = "[server]\nhostname = \"localhost\"\n\n[user_store]\ntype = \"read_only_ldap\"\n\n" +
			"[truststore]\nfile_name = \"client-truststore.jks\"\npassword = \"wso2carbon\"\nalias = \"symmetric.key.value\"\nalgorithm = \"AES\"\n"
		tmToml = "[server]\nhostname = \"localhost\"\nserver_role = \"default\"\n\n[super_admin]\nusername = \"admin\"\n\n" +
			"[database.apim_db]\ntype = \"h2\"\n\n[database.shared_db]\ntype = \"h2\"\n"
		gwToml = "[server]\nserver_role = \"default\"\n\n[database.shared_db]\ntype = \"h2\"\n\n" +
			"[apim.sync_runtime_artifacts.gateway]\ngateway_labels = [\"Default\"]\n"
		acpToml = "[server]\nserver_role = \"default\"\n\n[database.apim_db]\ntype = \"h2\"\n\n[apim]\ngateway_type = \"Regular\"\n\n" +
			"[[event_listener]]\nid = \"token_revocation\"\n"
		aioToml = acpToml + "\n[[apim.gateway.environment]]\nname = \"Default\"\n\n[apim.sync_runtime_artifacts.gateway]\ngateway_labels = [\"Default\"]\n"
	)
	tests := []struct {
		name, home, rel, src string
		want                 model.Product
		wantOffset           int
		wantGuess            string // product key of the guess
	}{
		{"mi repo", "repo", "deployment.toml", miToml, model.Product{Key: "mi"}, 10, "mi"},
		{"mi conf", "cfg", "conf/deployment.toml", miToml, model.Product{Key: "mi"}, 10, "mi"},
		{"mi offset replaces 10", "repo", "deployment.toml", "[server]\noffset = 3\n\n[truststore]\nalias = \"symmetric.key.value\"\n",
			model.Product{Key: "mi"}, 3, "mi"},
		{"traffic manager repo", "repo", "deployment.toml", tmToml, model.Product{Key: "am-tm", Version: "4.5.0"}, 0, "am-tm"},
		{"traffic manager conf", "cfg", "conf/deployment.toml", tmToml, model.Product{Key: "am-tm", Version: "4.5.0"}, 0, "am-tm"},
		{"universal gateway", "repo", "deployment.toml", gwToml, model.Product{Key: "am-universal-gw", Version: "4.5.0"}, 0, "am-universal-gw"},
		{"control plane", "repo", "deployment.toml", acpToml, model.Product{Key: "am-acp", Version: "4.5.0"}, 0, "am-acp"},
		{"all-in-one", "repo", "deployment.toml", aioToml, model.Product{Key: "am", Version: "4.0.0"}, 0, "am"},
		{"4.x traffic manager profile", "repo", "deployment.toml", tmToml + "\n[apim.key_manager]\nx = 1\n",
			model.Product{Key: "am"}, 0, "am"},
		{"directory name decides", "wso2am-tm-4.5.0", "repository/conf/deployment.toml", gwToml, model.Product{Key: "am-tm", Version: "4.5.0"}, 0, ""},
		{"mi directory, repository layout", "wso2mi-4.2.0", "repository/conf/deployment.toml", "[server]\nhostname = \"x\"\n",
			model.Product{Key: "mi", Version: "4.2.0"}, 10, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := tomlHome(t, tc.home, map[string]string{tc.rel: tc.src}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, h.Product); diff != "" {
				t.Errorf("product mismatch (-want +got):\n%s", diff)
			}
			s := h.Servers[0]
			if s.Offset.Value != tc.wantOffset {
				t.Errorf("offset = %+v, want %d", s.Offset, tc.wantOffset)
			}
			guess := ""
			if g := h.ProductGuess; g != nil {
				guess = string(h.Product.Key)
				if g.Pos.File != tc.rel {
					t.Errorf("guess at %v, want %s", g.Pos, tc.rel)
				}
			}
			if guess != tc.wantGuess {
				t.Errorf("guess = %q, want it to name %q", guess, tc.wantGuess)
			}
		})
	}
}

func TestTomlIntegerForms(t *testing.T) {
	tests := []struct {
		name, src  string
		key, want  string
		wantOffset int
	}{
		{"underscores", "[transport.https.properties]\nport = 9_444\n", "transport.https.properties.port", "9444", 0},
		{"hex", "[transport.http.properties]\nport = 0x2059\n", "transport.http.properties.port", "8281", 0},
		{"octal", "[transport.http.properties]\nport = 0o20071\n", "transport.http.properties.port", "8249", 0},
		{"binary", "[transport.http.properties]\nport = 0b10000000111001\n", "transport.http.properties.port", "8249", 0},
		{"plus sign", "[apim.ws]\nport = +9_099\n", "apim.ws.port", "9099", 0},
		{"dotted alias", "[transport.http]\nlistener.port = 0x20_58\n", "transport.http.listener.port", "8280", 0},
		{"hex offset", "[server]\noffset = 0x3\n", "server.offset", "3", 3},
		{"offset with underscore", "[server]\noffset = 1_0\n", "server.offset", "10", 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := tomlHome(t, "wso2am-4.2.0", map[string]string{tomlRel: tc.src}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := h.Servers[0]
			st, ok := s.Setting(model.KeyTomlPrefix + tc.key)
			if !ok || st.Value != tc.want {
				t.Errorf("%s = %+v (found %v), want %q", tc.key, st, ok, tc.want)
			}
			if s.Offset.Value != tc.wantOffset {
				t.Errorf("offset = %+v, want %d", s.Offset, tc.wantOffset)
			}
		})
	}
}
