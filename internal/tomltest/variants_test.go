package tomltest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

const tomlRel = "repository/conf/deployment.toml"

// find returns the first inbound listener with the id.
func find(t *testing.T, h *model.Home, id string) model.Listener {
	t.Helper()
	for _, l := range h.Servers[0].Listeners {
		if l.ID == id && l.Dir == model.DirIn {
			return l
		}
	}
	t.Fatalf("no %s listener", id)
	return model.Listener{}
}

func TestTomlVariants(t *testing.T) {
	t.Run("changed port", func(t *testing.T) {
		dir := copyHome(t, "wso2am-4.2.0")
		appendTo(t, dir, tomlRel, "[transport.https.properties]\nport = 9444\n")
		h := load(t, dir, parse.Options{})
		got := find(t, h, model.SvcServletHTTPS)
		want := model.Listener{ID: model.SvcServletHTTPS, Base: 9444, Configured: "9444", Offsetable: true, Proto: model.ProtoTCP,
			Dir: model.DirIn, Enabled: true, Exposure: model.ExposurePublic, Source: got.Source}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listener mismatch (-want +got):\n%s", diff)
		}
		if got.Source.Line == 0 || got.Source.File != tomlRel {
			t.Errorf("source = %v, want the toml line", got.Source)
		}
	})
	t.Run("server offset", func(t *testing.T) {
		dir := copyHome(t, "wso2is-7.0.0")
		write(t, dir, tomlRel, "[server]\nhostname = \"is.example.com\"\noffset = 1\n")
		h := load(t, dir, parse.Options{})
		if diff := cmp.Diff([]port{{model.SvcServletHTTPS, 9444, true}, {model.SvcServletHTTP, 9764, true}}, ports(h)); diff != "" {
			t.Errorf("listeners mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("disabled jmx and unknown key", func(t *testing.T) {
		dir := copyHome(t, "wso2am-4.2.0")
		appendTo(t, dir, tomlRel, "[monitoring.jmx]\nrmi_server_start = false\n\n[transport.servlet_http.connector]\nenable = false\n")
		h := load(t, dir, parse.Options{})
		for _, id := range []string{model.SvcJMXRegistry, model.SvcJMXServer} {
			if l := find(t, h, id); l.Enabled {
				t.Errorf("%s enabled, want off", id)
			}
		}
		if l := find(t, h, model.SvcServletHTTP); !l.Enabled {
			t.Errorf("servlet-http off, want on: the invented key changes nothing")
		}
		if _, ok := h.Servers[0].Setting(model.KeyTomlPrefix + "transport.servlet_http.connector.enable"); !ok {
			t.Errorf("unknown key not recorded")
		}
	})
	t.Run("ws enable before 4.6 is ignored", func(t *testing.T) {
		dir := copyHome(t, "wso2am-4.2.0")
		appendTo(t, dir, tomlRel, "[apim.ws]\nenable = false\n")
		h := load(t, dir, parse.Options{})
		if l := find(t, h, model.SvcWebSocket); !l.Enabled || l.Note == "" {
			t.Errorf("websocket = %+v, want still enabled with a note", l)
		}
	})
	t.Run("gateway profile by server_role", func(t *testing.T) {
		dir := copyHome(t, "wso2am-4.2.0")
		write(t, dir, tomlRel, "[server]\nserver_role = \"traffic-manager\"\n")
		h := load(t, dir, parse.Options{})
		want := []port{{model.SvcAMQP, 5672, true}, {model.SvcAMQPSSL, 8672, true}, {model.SvcServletHTTPS, 9443, true},
			{model.SvcDatabridgeBinary, 9611, true}, {model.SvcDatabridgeBinarySSL, 9711, true}, {model.SvcServletHTTP, 9763, true},
			{model.SvcJMXRegistry, 9999, true}, {model.SvcJMXServer, 11111, true}}
		if diff := cmp.Diff(want, ports(h)); diff != "" {
			t.Errorf("listeners mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("carbon.xml drift", func(t *testing.T) {
		dir := copyHome(t, "wso2am-4.2.0")
		write(t, dir, "repository/conf/carbon.xml", `<?xml version="1.0" encoding="ISO-8859-1"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>3</Offset>
    </Ports>
</Server>
`)
		h := load(t, dir, parse.Options{})
		s := h.Servers[0]
		want := []model.Drift{{Item: "offset", XML: 3, Toml: 0,
			Pos: model.Pos{File: "repository/conf/carbon.xml", Line: 4, Col: 17, Path: "/Server/Ports/Offset"}}}
		if diff := cmp.Diff(want, s.Toml.Drift); diff != "" {
			t.Errorf("drift mismatch (-want +got):\n%s", diff)
		}
		if s.Offset.Value != 0 || find(t, h, model.SvcServletHTTPS).Port() != 9443 {
			t.Errorf("offset = %+v, want the toml's 0 to win", s.Offset)
		}
	})
}
