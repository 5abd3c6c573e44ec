package parse

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tomlHome writes files (home-relative name → text) into a temporary home
// named name and parses it.
func tomlHome(t *testing.T, name string, files map[string]string, opt Options) (*model.Home, error) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Home(dir, opt)
}

// tomlSettings returns the settings whose key starts with prefix.
func tomlSettings(s model.Server, prefix string) []model.Setting {
	var out []model.Setting
	for _, st := range s.Settings {
		if len(st.Key) >= len(prefix) && st.Key[:len(prefix)] == prefix {
			out = append(out, st)
		}
	}
	return out
}

const tomlRel = "repository/conf/deployment.toml"

func TestReadTomlSettings(t *testing.T) {
	src := `[server]
hostname = "gw.example.com"
offset = "2"

[transport.http]
listener.port = 8281

[transport.passthru_https.listener]
port = 8244

[apim.ws]
port = "$ref{transport.passthru_https.listener.parameters.port}"

[[apim.gateway.environment]]
name = "Default"
ws_endpoint = "ws://$ref{server.hostname}:9099"

[[apim.gateway.environment]]
name = "Second"

[monitoring.jmx]
rmi_registry_port = "$env{JMX_PORT}"
inline = { a = 1, b.c = "x" }
`
	h, err := tomlHome(t, "wso2am-4.2.0", map[string]string{tomlRel: src}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := h.Servers[0]
	want := []model.Setting{
		{Key: "toml.apim.gateway.environment.name", Value: "Default", Pos: model.Pos{File: tomlRel, Line: 15, Col: 8, Path: "apim.gateway.environment.name"}},
		{Key: "toml.apim.gateway.environment.name", Value: "Second", Pos: model.Pos{File: tomlRel, Line: 19, Col: 8, Path: "apim.gateway.environment.name"}},
		{Key: "toml.apim.gateway.environment.ws_endpoint", Value: "ws://gw.example.com:9099", Pos: model.Pos{File: tomlRel, Line: 16, Col: 15, Path: "apim.gateway.environment.ws_endpoint"}},
		{Key: "toml.apim.ws.port", Value: "8244", Pos: model.Pos{File: tomlRel, Line: 12, Col: 8, Path: "apim.ws.port"}},
		{Key: "toml.monitoring.jmx.inline.a", Value: "1", Pos: model.Pos{File: tomlRel, Line: 23, Col: 16, Path: "monitoring.jmx.inline.a"}},
		{Key: "toml.monitoring.jmx.inline.b.c", Value: "x", Pos: model.Pos{File: tomlRel, Line: 23, Col: 25, Path: "monitoring.jmx.inline.b.c"}},
		{Key: "toml.monitoring.jmx.rmi_registry_port", Value: "$env{JMX_PORT}", Pos: model.Pos{File: tomlRel, Line: 22, Col: 21, Path: "monitoring.jmx.rmi_registry_port"}},
		{Key: "toml.server.hostname", Value: "gw.example.com", Pos: model.Pos{File: tomlRel, Line: 2, Col: 12, Path: "server.hostname"}},
		{Key: "toml.server.offset", Value: "2", Pos: model.Pos{File: tomlRel, Line: 3, Col: 10, Path: "server.offset"}},
		{Key: "toml.transport.http.listener.port", Value: "8281", Pos: model.Pos{File: tomlRel, Line: 6, Col: 17, Path: "transport.http.listener.port"}},
		{Key: "toml.transport.passthru_https.listener.port", Value: "8244", Pos: model.Pos{File: tomlRel, Line: 9, Col: 8, Path: "transport.passthru_https.listener.port"}},
	}
	if diff := cmp.Diff(want, tomlSettings(s, model.KeyTomlPrefix)); diff != "" {
		t.Errorf("settings mismatch (-want +got):\n%s", diff)
	}
	wantOff := model.Offset{Value: 2, Origin: model.OriginToml, Pos: model.Pos{File: tomlRel, Line: 3, Col: 10, Path: "server.offset"}}
	if diff := cmp.Diff(wantOff, s.Offset); diff != "" {
		t.Errorf("offset mismatch (-want +got):\n%s", diff)
	}
	wantRefs := []model.Ref{{Expr: "$env{JMX_PORT}", Pos: model.Pos{File: tomlRel, Line: 22, Col: 21, Path: "monitoring.jmx.rmi_registry_port"}}}
	if diff := cmp.Diff(wantRefs, s.Unresolved); diff != "" {
		t.Errorf("unresolved mismatch (-want +got):\n%s", diff)
	}
	wantRT := []model.RuntimeRef{{Kind: model.RuntimeEnv, Name: "JMX_PORT", Expr: "$env{JMX_PORT}", Port: true,
		Pos: model.Pos{File: tomlRel, Line: 22, Col: 21, Path: "monitoring.jmx.rmi_registry_port"}}}
	if diff := cmp.Diff(wantRT, s.Runtime); diff != "" {
		t.Errorf("run-time values mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(model.Product{Key: "am", Version: "4.2.0"}, h.Product); diff != "" {
		t.Errorf("product mismatch (-want +got):\n%s", diff)
	}
}

// carbon is a carbon.xml with the offset.
func carbon(off string) string {
	return `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
  <Ports>
    <Offset>` + off + `</Offset>
  </Ports>
</Server>
`
}

func TestReadTomlOffset(t *testing.T) {
	three := 3
	tests := []struct {
		name  string
		home  string
		files map[string]string
		opt   Options
		want  model.Offset
		drift []model.Drift
	}{
		{
			name:  "mi default 10",
			home:  "wso2mi-4.2.0",
			files: map[string]string{"conf/deployment.toml": "[server]\nhostname = \"localhost\"\n"},
			want:  model.Offset{Value: 10, Origin: model.OriginDefault},
		},
		{
			name:  "mi offset replaces 10",
			home:  "wso2mi-4.2.0",
			files: map[string]string{"conf/deployment.toml": "[server]\noffset = 3\n"},
			want:  model.Offset{Value: 3, Origin: model.OriginToml, Pos: model.Pos{File: "conf/deployment.toml", Line: 2, Col: 10, Path: "server.offset"}},
		},
		{
			name:  "flag wins",
			home:  "wso2mi-4.2.0",
			files: map[string]string{"conf/deployment.toml": "[server]\noffset = 3\n"},
			opt:   Options{Offset: &three},
			want:  model.Offset{Value: 3, Origin: model.OriginFlag},
		},
		{
			name:  "hand-edited carbon.xml loses to the toml default",
			home:  "wso2is-7.0.0",
			files: map[string]string{tomlRel: "[server]\nhostname = \"localhost\"\n", "repository/conf/carbon.xml": carbon("5")},
			want:  model.Offset{Value: 0, Origin: model.OriginToml, Pos: model.Pos{File: tomlRel, Path: "server.offset"}},
			drift: []model.Drift{{Item: "offset", XML: 5, Toml: 0, Pos: model.Pos{File: "repository/conf/carbon.xml", Line: 3, Col: 13, Path: "/Server/Ports/Offset"}}},
		},
		{
			name:  "rendered carbon.xml agrees",
			home:  "wso2is-7.0.0",
			files: map[string]string{tomlRel: "[server]\noffset = 1\n", "repository/conf/carbon.xml": carbon("1")},
			want:  model.Offset{Value: 1, Origin: model.OriginToml, Pos: model.Pos{File: tomlRel, Line: 2, Col: 10, Path: "server.offset"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := tomlHome(t, tc.home, tc.files, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			s := h.Servers[0]
			if diff := cmp.Diff(tc.want, s.Offset); diff != "" {
				t.Errorf("offset mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.drift, s.Toml.Drift); diff != "" {
				t.Errorf("drift mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadTomlInputErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"malformed", "[server]\nhostname = \"a\"\nport = [\n", 3},
		{"bad port", "[transport.https.properties]\nport = \"https\"\n", 2},
		{"bad offset", "[server]\noffset = -4\n", 2},
		{"key defined twice", "[super_admin]\nusername = \"admin\"\npassword = \"admin\"\npassword = \"Str0ng\"\n", 4},
		{"table defined twice", "[server]\nhostname = \"a\"\n[server]\noffset = 1\n", 3},
		{"$ref{} expansion bomb", tomlRefBomb(10), 8},
		{"$ref{} expansion spread over many keys", "[r]\nbig = \"" + strings.Repeat("x", 1<<20) + "\"\n" +
			tomlRefKeys(5), 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tomlHome(t, "wso2am-4.2.0", map[string]string{tomlRel: tc.src}, Options{})
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if pe.Line != tc.line || filepath.Base(pe.File) != "deployment.toml" {
				t.Errorf("error at %s:%d, want deployment.toml:%d (%v)", pe.File, pe.Line, tc.line, err)
			}
		})
	}
}

func TestTomlProductDetection(t *testing.T) {
	tests := []struct {
		name, home string
		files      map[string]string
		opt        Options
		want       model.Product
	}{
		{"split product by directory", "wso2am-tm-4.5.0", map[string]string{tomlRel: "[server]\nserver_role = \"default\"\n"}, Options{}, model.Product{Key: "am-tm", Version: "4.5.0"}},
		{"config repository, apim keys", "config", map[string]string{"deployment.toml": "[apim.ai]\nenable = true\n"}, Options{}, model.Product{Key: "am", Version: "4.4.0"}},
		{"config repository, identity keys", "config", map[string]string{"deployment.toml": "[database.identity_db]\ntype = \"h2\"\n"}, Options{}, model.Product{Key: "is"}},
		{"mi layout", "mi-config", map[string]string{"conf/deployment.toml": "[server]\nhostname = \"x\"\n"}, Options{}, model.Product{Key: "mi"}},
		{"override", "wso2am-4.2.0", map[string]string{tomlRel: "[server]\n"}, Options{Product: "is", Version: "7.0.0"}, model.Product{Key: "is", Version: "7.0.0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := tomlHome(t, tc.home, tc.files, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, h.Product); diff != "" {
				t.Errorf("product mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTomlIgnoresAndTemplates(t *testing.T) {
	h, err := tomlHome(t, "wso2am-4.2.0", map[string]string{
		tomlRel: "[server]\n# wso2lint:ignore WL402 vendor extension\nmy_key = 1\nother = 2 # wso2lint:ignore WL402 x\n",
		"repository/resources/conf/templates/repository/conf/axis2/axis2.xml.j2": "<axisconfig/>",
		"repository/resources/conf/default.json":                                 "{\n  \"transport.https.properties.port\": 9443,\n  \"server.hostname\": \"localhost\"\n}\n",
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ig := range h.Ignores {
		got = append(got, ig.Pos.String()+" "+ig.Reason)
	}
	if diff := cmp.Diff([]string{"repository/conf/deployment.toml:2:1 vendor extension", "repository/conf/deployment.toml:4:11 x"}, got); diff != "" {
		t.Errorf("ignores mismatch (-want +got):\n%s", diff)
	}
	s := h.Servers[0]
	if !s.Toml.Renders("repository/conf/axis2/axis2.xml") || !slices.IsSorted(s.Toml.Rendered) {
		t.Errorf("rendered = %+v, want the template's axis2.xml among them, sorted", s.Toml.Rendered)
	}
	wantDef := []model.Setting{
		{Key: "tomldefault.server.hostname", Value: "localhost", Pos: model.Pos{File: tomlDefaultJSON, Line: 3, Path: "server.hostname"}},
		{Key: "tomldefault.transport.https.properties.port", Value: "9443", Pos: model.Pos{File: tomlDefaultJSON, Line: 2, Path: "transport.https.properties.port"}},
	}
	if diff := cmp.Diff(wantDef, tomlSettings(s, model.KeyTomlDefaultPrefix)); diff != "" {
		t.Errorf("default.json mismatch (-want +got):\n%s", diff)
	}
}

// TestReadTomlWrongType checks that a port, offset or switch of the wrong
// TOML type is an input error naming the value's line and column, instead of
// silently becoming the default (issue 14 item 6), and that the types WSO2
// accepts (bare and quoted numbers, booleans and quoted "true"/"false",
// placeholders) still are.
func TestReadTomlWrongType(t *testing.T) {
	tests := []struct {
		name, src string
		err       string // "" when accepted
	}{
		{"float port", "[transport.https.properties]\nport = 1234.0\n",
			"deployment.toml:2:8: transport.https.properties.port: a port must be a number (bare or quoted), not a float 1234.0"},
		{"array port", "[transport.https.properties]\nport = [1234]\n",
			"deployment.toml:2:9: transport.https.properties.port: a port must be a number (bare or quoted), not an array [1234]"},
		{"boolean port", "[transport.https.properties]\nport = true\n",
			"deployment.toml:2:8: transport.https.properties.port: a port must be a number (bare or quoted), not a boolean true"},
		{"inline table port", "[transport.https]\nproperties = { port = { value = 9443 } }\n",
			"deployment.toml:2:33: transport.https.properties.port: a port must be a number (bare or quoted), not a table (it holds transport.https.properties.port.value)"},
		{"table switch", "[apim.ws.enable]\nvalue = true\n",
			"deployment.toml:2:9: apim.ws.enable: a switch must be true or false, not a table (it holds apim.ws.enable.value)"},
		{"date port", "[monitoring.jmx]\nrmi_registry_port = 1979-05-27\n",
			"deployment.toml:2:21: monitoring.jmx.rmi_registry_port: a port must be a number (bare or quoted), not a date 1979-05-27"},
		{"aliased port", "[transport.http]\nlistener.port = 8280.5\n",
			"deployment.toml:2:17: transport.http.listener.port: a port must be a number (bare or quoted), not a float 8280.5"},
		{"float offset", "[server]\noffset = 1.0\n",
			"deployment.toml:2:10: server.offset: a port offset must be a whole number (bare or quoted), not a float 1.0"},
		{"boolean offset", "[server]\noffset = false\n",
			"deployment.toml:2:10: server.offset: a port offset must be a whole number (bare or quoted), not a boolean false"},
		{"number switch", "[apim.ws]\nenable = 0\n",
			"deployment.toml:2:10: apim.ws.enable: a switch must be true or false, not an integer 0"},
		{"string switch", "[transport.passthru_http.listener]\nenable = \"no\"\n",
			"deployment.toml:2:10: transport.passthru_http.listener.enable: a switch must be true or false, not the string \"no\""},
		{"array switch", "[monitoring.jmx]\nrmi_server_start = [true]\n",
			"deployment.toml:2:21: monitoring.jmx.rmi_server_start: a switch must be true or false, not an array [true]"},
		{"long array port", "[transport.https.properties]\nport = [" + strings.Repeat("1, ", 100) + "]\n",
			"deployment.toml:2:9: transport.https.properties.port: a port must be a number (bare or quoted), not an array [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...\n"},
		{"quoted port", "[transport.https.properties]\nport = \"9444\"\n", ""},
		{"bare port", "[transport.https.properties]\nport = 9_444\n", ""},
		{"quoted switch", "[apim.ws]\nenable = \"False\"\n[monitoring.jmx]\nrmi_server_start = true\n", ""},
		{"placeholders", "[server]\noffset = \"$env{OFFSET}\"\n[apim.ws]\nenable = \"$sys{ws}\"\nport = \"$ref{server.offset}\"\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tomlHome(t, "wso2am-4.2.0", map[string]string{tomlRel: tc.src}, Options{})
			if tc.err == "" {
				if err != nil {
					t.Fatalf("err = %v, want none", err)
				}
				return
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if got := filepath.Base(err.Error()) + "\n"; !strings.HasPrefix(got, tc.err) {
				t.Errorf("err = %q, want %q", got, tc.err)
			}
		})
	}
}

// tomlRefBomb nests $ref{} eight deep, each level referring n times to the
// one before: x8 would expand to 10*n^8 bytes.
func tomlRefBomb(n int) string {
	var b strings.Builder
	b.WriteString("[r]\nx0 = \"AAAAAAAAAA\"\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "x%d = \"%s\"\n", i, strings.Repeat(fmt.Sprintf("$ref{r.x%d}", i-1), n))
	}
	return b.String()
}

// tomlRefKeys writes n keys k0... each referring to r.big once.
func tomlRefKeys(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "k%d = \"$ref{r.big}\"\n", i)
	}
	return b.String()
}

// TestOffsetSources: every offset a file sets is recorded with its origin,
// text and position; Server.Offset is the one that won.
func TestOffsetSources(t *testing.T) {
	h, err := tomlHome(t, "wso2is-7.0.0", map[string]string{tomlRel: "[server]\noffset = 1\n", "repository/conf/carbon.xml": carbon("1")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := h.Servers[0]
	want := []model.OffsetSource{
		{Origin: model.OriginCarbon, Text: "1", Value: 1, Known: true, Pos: model.Pos{File: "repository/conf/carbon.xml", Line: 3, Col: 13, Path: "/Server/Ports/Offset"}},
		{Origin: model.OriginToml, Text: "1", Value: 1, Known: true, Pos: model.Pos{File: tomlRel, Line: 2, Col: 10, Path: "server.offset"}},
	}
	if diff := cmp.Diff(want, s.Offsets); diff != "" {
		t.Errorf("offset sources mismatch (-want +got):\n%s", diff)
	}
	if s.Offset.Origin != model.OriginToml || s.Offset.Pos != want[1].Pos {
		t.Errorf("offset = %+v, want the toml's to win", s.Offset)
	}
}
