package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const (
	jmxRel    = "repository/conf/etc/jmx.xml"
	carbonRel = "repository/conf/carbon.xml"
)

func TestReadJMX(t *testing.T) {
	carbon := strings.Replace(coreCarbon, "%s", "1", 1)
	jmx := func(start, reg, srv string) string {
		return "<JMX xmlns=\"http://wso2.org/projects/carbon/jmx.xml\">\n" +
			"    <StartRMIServer>" + start + "</StartRMIServer>\n" +
			"    <HostName>localhost</HostName>\n" +
			"    <RMIRegistryPort>" + reg + "</RMIRegistryPort>\n" +
			"    <RMIServerPort>" + srv + "</RMIServerPort>\n" +
			"</JMX>\n"
	}
	reg := func(base model.Port, conf string, off, en bool, p model.Pos, note string) model.Listener {
		return model.Listener{ID: model.SvcJMXRegistry, Base: base, Configured: conf, Offsetable: off, Proto: model.ProtoTCP, Dir: model.DirIn,
			Enabled: en, Source: p, Note: note}
	}
	srv := func(l model.Listener) model.Listener { l.ID = model.SvcJMXServer; return l }
	const noStart = "no StartRMIServer element in etc/jmx.xml: the kernel leaves the RMI server off"
	placeholders := "    <RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort>\n" +
		"    <RMIServerPort>${Ports.JMX.RMIServerPort}</RMIServerPort>\n</JMX>\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []model.Listener
	}{
		{"placeholders", map[string]string{carbonRel: carbon, jmxRel: jmx("true", "${Ports.JMX.RMIRegistryPort}", "${Ports.JMX.RMIServerPort}")},
			[]model.Listener{
				reg(9999, "${Ports.JMX.RMIRegistryPort}", true, true, pos(jmxRel, 4, 22, "/JMX/RMIRegistryPort"), ""),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, true, pos(jmxRel, 5, 20, "/JMX/RMIServerPort"), "")),
			}},
		{"switched off", map[string]string{carbonRel: carbon, jmxRel: jmx("false", "${Ports.JMX.RMIRegistryPort}", "${Ports.JMX.RMIServerPort}")},
			[]model.Listener{
				reg(9999, "${Ports.JMX.RMIRegistryPort}", true, false, pos(jmxRel, 4, 22, "/JMX/RMIRegistryPort"), ""),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, false, pos(jmxRel, 5, 20, "/JMX/RMIServerPort"), "")),
			}},
		{"literal is not offset", map[string]string{carbonRel: carbon, jmxRel: jmx("true", "9999", "${Ports.JMX.RMIServerPort}")},
			[]model.Listener{
				reg(9999, "9999", false, true, pos(jmxRel, 4, 22, "/JMX/RMIRegistryPort"), "literal port: not offset"),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, true, pos(jmxRel, 5, 20, "/JMX/RMIServerPort"), "")),
			}},
		// Parse reports only what the files say: the distribution's jmx.xml
		// that an overlay lacks is catalog.Resolve's (catalog
		// TestDistributionJMX).
		{"jmx.xml absent", map[string]string{carbonRel: carbon}, nil},
		// JMXServerManager.parseJMXConfigXML leaves startServer false without the element.
		{"no StartRMIServer element", map[string]string{carbonRel: carbon, jmxRel: "<JMX>\n    <HostName>localhost</HostName>\n" + placeholders},
			[]model.Listener{
				reg(9999, "${Ports.JMX.RMIRegistryPort}", true, false, pos(jmxRel, 3, 22, "/JMX/RMIRegistryPort"), noStart),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, false, pos(jmxRel, 4, 20, "/JMX/RMIServerPort"), noStart)),
			}},
		{"StartRMIServer commented out", map[string]string{carbonRel: carbon,
			jmxRel: "<JMX>\n    <!-- <StartRMIServer>true</StartRMIServer> -->\n" + placeholders},
			[]model.Listener{
				reg(9999, "${Ports.JMX.RMIRegistryPort}", true, false, pos(jmxRel, 3, 22, "/JMX/RMIRegistryPort"), noStart),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, false, pos(jmxRel, 4, 20, "/JMX/RMIServerPort"), noStart)),
			}},
		{"StartRMIServer empty", map[string]string{carbonRel: carbon, jmxRel: jmx("", "${Ports.JMX.RMIRegistryPort}", "${Ports.JMX.RMIServerPort}")},
			[]model.Listener{
				reg(9999, "${Ports.JMX.RMIRegistryPort}", true, false, pos(jmxRel, 4, 22, "/JMX/RMIRegistryPort"), ""),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, false, pos(jmxRel, 5, 20, "/JMX/RMIServerPort"), "")),
			}},
		{"StartRMIServer TRUE", map[string]string{carbonRel: carbon, jmxRel: jmx("TRUE", "${Ports.JMX.RMIRegistryPort}", "${Ports.JMX.RMIServerPort}")},
			[]model.Listener{
				reg(9999, "${Ports.JMX.RMIRegistryPort}", true, true, pos(jmxRel, 4, 22, "/JMX/RMIRegistryPort"), ""),
				srv(reg(11111, "${Ports.JMX.RMIServerPort}", true, true, pos(jmxRel, 5, 20, "/JMX/RMIServerPort"), "")),
			}},
		{"no carbon.xml, no jmx.xml", map[string]string{"repository/conf/x": ""}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, readJMX, tc.files)
			if diff := cmp.Diff(tc.want, s.srv.Listeners); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
			for _, l := range s.srv.Listeners {
				if l.Bind != "" {
					t.Errorf("JMX binds every interface; got Bind %q", l.Bind)
				}
			}
		})
	}
}

func TestReadJMXSettingAndUnresolved(t *testing.T) {
	src := "<JMX>\n  <StartRMIServer> true </StartRMIServer>\n  <RMIRegistryPort>${Ports.Missing}</RMIRegistryPort>\n</JMX>"
	s := runStep(t, readJMX, map[string]string{carbonRel: strings.Replace(coreCarbon, "%s", "0", 1), jmxRel: src})
	wantSet := []model.Setting{{Key: model.KeyJMXStartRMIServer, Value: "true", Pos: pos(jmxRel, 2, 20, "/JMX/StartRMIServer")}}
	var got []model.Setting
	for _, st := range s.srv.Settings {
		if st.Key == model.KeyJMXStartRMIServer {
			got = append(got, st)
		}
	}
	if diff := cmp.Diff(wantSet, got); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	at := pos(jmxRel, 3, 20, "/JMX/RMIRegistryPort")
	// The listener the placeholder configures rides along, for catalog.Resolve
	// to resolve against the distribution's carbon.xml in an overlay without one.
	wantRef := []model.Ref{{Expr: "${Ports.Missing}", Pos: at, Listener: &model.Listener{ID: model.SvcJMXRegistry, Configured: "${Ports.Missing}",
		Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Source: at}}}
	if diff := cmp.Diff(wantRef, s.srv.Unresolved); diff != "" {
		t.Errorf("unresolved (-want +got):\n%s", diff)
	}
	// RMIServerPort is absent: it comes from carbon.xml.
	if l := s.findListener(model.SvcJMXServer); l == nil || l.Base != 11111 || l.Source.File != carbonRel {
		t.Errorf("jmx-rmi-server = %+v, want 11111 from carbon.xml", l)
	}
}

// TestJMXRemovedFromFullHome: in a full home (start script and lib/) an
// absent etc/jmx.xml was removed: no RMI listener, where an overlay gets the
// distribution's.
func TestJMXRemovedFromFullHome(t *testing.T) {
	const carbon = "<Server><Ports><JMX><RMIRegistryPort>9999</RMIRegistryPort><RMIServerPort>11111</RMIServerPort></JMX></Ports></Server>"
	for _, tc := range []struct {
		name  string
		extra map[string]string
		want  int
	}{
		{"overlay", nil, 2},
		{"full home", map[string]string{"bin/wso2server.sh": "", "lib/README": ""}, 0},
	} {
		files := map[string]string{"repository/conf/carbon.xml": carbon}
		for k, v := range tc.extra {
			files[k] = v
		}
		h := mustHome(t, files, Options{})
		n := 0
		for _, l := range h.Servers[0].Listeners {
			if l.ID == model.SvcJMXRegistry || l.ID == model.SvcJMXServer {
				n++
				if l.Origin != model.FromDistribution {
					t.Errorf("%s: %s origin %v, want distribution", tc.name, l.ID, l.Origin)
				}
			}
		}
		if n != tc.want {
			t.Errorf("%s: %d JMX listeners, want %d", tc.name, n, tc.want)
		}
	}
}
