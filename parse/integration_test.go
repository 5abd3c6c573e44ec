package parse

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// coreIDs are the listener IDs the core parsers produce; the product parsers
// add others, which these tests leave alone.
var coreIDs = map[string]bool{
	model.SvcServletHTTP: true, model.SvcServletHTTPS: true, model.SvcPassthruHTTP: true, model.SvcPassthruHTTPS: true,
	model.SvcJMXRegistry: true, model.SvcJMXServer: true, model.SvcHazelcastMember: true, model.SvcHazelcastMcast: true,
	model.SvcHazelcastPeer: true, model.SvcSyslog: true, model.SvcLog4jSocket: true, model.SvcJDWP: true,
	model.SvcJMXRemote: true, model.SvcSMTP: true,
}

// coreRow is what the integration tests compare of a core listener.
type coreRow struct {
	ID      string
	Port    model.Port
	Proto   string
	Dir     string
	Enabled bool
	Offset  int
	Source  string
}

func coreRows(s model.Server) []coreRow {
	var out []coreRow
	for _, l := range s.Listeners {
		if coreIDs[l.ID] {
			out = append(out, coreRow{l.ID, l.Port(), l.Proto.String(), l.Dir.String(), l.Enabled, l.Offset, l.Source.String()})
		}
	}
	return out
}

func homeServer(t *testing.T, dir string, opt Options, profile string) model.Server {
	t.Helper()
	h, err := resolvedHome(dir, opt)
	if err != nil {
		t.Fatalf("Home(%s): %v", dir, err)
	}
	for _, s := range h.Servers {
		if s.Profile == profile {
			return s
		}
	}
	t.Fatalf("no %s server in %s", profile, dir)
	return model.Server{}
}

// am260Rows is the core listener table of wso2am-2.6.0 (DOMAIN.md §2 and
// corpus/PORTS.md) at offset off.
func am260Rows(off int) []coreRow {
	const (
		cat   = "repository/conf/tomcat/catalina-server.xml"
		axis  = "repository/conf/axis2/axis2.xml"
		jmx   = "repository/conf/etc/jmx.xml"
		log4j = "repository/conf/log4j.properties"
	)
	p := func(base int) model.Port { return model.Port(base + off) }
	return []coreRow{
		{model.SvcSyslog, 514, "udp", "out", true, 0, log4j + ":135:33"},
		{model.SvcHazelcastMember, 4000, "tcp", "in", false, 0, axis + ":724:43"},
		{model.SvcHazelcastPeer, 4000, "tcp", "out", false, 0, axis + ":751:23"},
		{model.SvcPassthruHTTPS, p(8243), "tcp", "in", true, off, axis + ":310:47"},
		{model.SvcPassthruHTTP, p(8280), "tcp", "in", true, off, axis + ":291:47"},
		{model.SvcServletHTTPS, p(9443), "tcp", "in", true, off, cat + ":54:26"},
		{model.SvcServletHTTP, p(9763), "tcp", "in", true, off, cat + ":29:26"},
		{model.SvcJMXRegistry, p(9999), "tcp", "in", true, off, jmx + ":28:22"},
		{model.SvcJMXServer, p(11111), "tcp", "in", true, off, jmx + ":31:20"},
		{model.SvcHazelcastMcast, 45564, "udp", "in", false, 0, axis + ":694:37"},
	}
}

func TestIntegrationAM260(t *testing.T) {
	dir := filepath.Join(corpusDir(t), "wso2am-2.6.0")
	three := 3
	for _, tc := range []struct {
		name   string
		opt    Options
		off    int
		origin string
	}{
		{"carbon.xml offset 0", Options{}, 0, model.OriginCarbon},
		{"--offset 3", Options{Offset: &three}, 3, model.OriginFlag},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := homeServer(t, dir, tc.opt, "default")
			if s.Offset.Value != tc.off || s.Offset.Origin != tc.origin {
				t.Errorf("offset = %+v, want %d from %s", s.Offset, tc.off, tc.origin)
			}
			if diff := cmp.Diff(am260Rows(tc.off), coreRows(s)); diff != "" {
				t.Errorf("core listeners (-want +got):\n%s", diff)
			}
		})
	}
}

// copyHome copies a corpus home into a temporary directory.
func copyHome(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	testenv.CopyTree(t, src, dst)
	return dst
}

// editFile rewrites one file of a home with edit, failing when nothing changed.
func editFile(t *testing.T, home, rel string, edit func(string) string) {
	t.Helper()
	p := filepath.Join(home, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	out := edit(string(b))
	if out == string(b) {
		t.Fatalf("edit of %s changed nothing", rel)
	}
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIntegrationCarbonOffsetMovesOnlyOffsettable(t *testing.T) {
	src := filepath.Join(corpusDir(t), "wso2am-2.6.0")
	base := homeServer(t, src, Options{}, "default")
	dir := copyHome(t, src)
	editFile(t, dir, "repository/conf/carbon.xml", func(s string) string {
		return regexp.MustCompile(`<Offset>\s*0\s*</Offset>`).ReplaceAllString(s, "<Offset>2</Offset>")
	})
	moved := homeServer(t, dir, Options{}, "default")
	if moved.Offset.Value != 2 || moved.Offset.Origin != model.OriginCarbon {
		t.Fatalf("offset = %+v, want 2 from carbon.xml", moved.Offset)
	}
	if len(base.Listeners) != len(moved.Listeners) {
		t.Fatalf("listener count changed: %d → %d", len(base.Listeners), len(moved.Listeners))
	}
	// Listeners are sorted by port, so match them by ID and source.
	// Two listeners may share a source (a URL naming two ports): keep them in order.
	key := func(l model.Listener) string {
		return l.ID + "@" + l.Source.String() + "#" + l.Host + "=" + l.Configured + "/" + l.Dir.String() + "/" + l.Proto.String()
	}
	after := map[string][]model.Listener{}
	for _, l := range moved.Listeners {
		after[key(l)] = append(after[key(l)], l)
	}
	offsettable := 0
	for _, l := range base.Listeners {
		ms := after[key(l)]
		if len(ms) == 0 {
			t.Errorf("listener %s disappeared", key(l))
			continue
		}
		m := ms[0]
		after[key(l)] = ms[1:]
		want := l.Port()
		if l.Offsetable {
			want += 2
			offsettable++
		}
		if m.Port() != want {
			t.Errorf("%s: port %d → %d, want %d (offsetable %v)", key(l), l.Port(), m.Port(), want, l.Offsetable)
		}
	}
	if offsettable < 6 {
		t.Errorf("only %d offsettable listeners, want the connectors, passthru and JMX at least", offsettable)
	}
}

func TestIntegrationScriptOffset(t *testing.T) {
	src := filepath.Join(corpusDir(t), "wso2am-2.6.0")
	dir := copyHome(t, src)
	editFile(t, dir, "bin/wso2server.sh", func(s string) string {
		return strings.Replace(s, "    -DworkerNode=false \\\n", "    -DworkerNode=false \\\n    -DportOffset=5 \\\n", 1)
	})
	s := homeServer(t, dir, Options{}, "default")
	if s.Offset.Value != 5 || s.Offset.Origin != model.OriginScript || s.Offset.Pos.File != "bin/wso2server.sh" || s.Offset.Pos.Line == 0 {
		t.Errorf("offset = %+v, want 5 from the start script with a position", s.Offset)
	}
	if diff := cmp.Diff(am260Rows(5), coreRows(s)); diff != "" {
		t.Errorf("core listeners at script offset 5 (-want +got):\n%s", diff)
	}
	seven := 7
	s = homeServer(t, dir, Options{Offset: &seven}, "default")
	if s.Offset.Value != 7 || s.Offset.Origin != model.OriginFlag {
		t.Errorf("offset = %+v, want 7 from --offset", s.Offset)
	}
	if diff := cmp.Diff(am260Rows(7), coreRows(s)); diff != "" {
		t.Errorf("core listeners at --offset 7 (-want +got):\n%s", diff)
	}
}

func TestIntegrationCorpusHomes(t *testing.T) {
	for _, dir := range corpusHomes(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			h, err := Home(dir, Options{})
			if err != nil {
				t.Fatalf("Home: %v", err)
			}
			for _, s := range h.Servers {
				for _, l := range s.Listeners {
					if coreIDs[l.ID] && l.Source.File == "" {
						t.Errorf("%s: %s has no source file", s.Profile, l.ID)
					}
					if coreIDs[l.ID] && l.Dir == model.DirIn && l.Enabled && !l.Port().Valid() {
						t.Errorf("%s: %s port %d is not valid", s.Profile, l.ID, l.Port())
					}
				}
			}
		})
	}
}

func TestIntegrationEIProfiles(t *testing.T) {
	dir := filepath.Join(corpusDir(t), "wso2ei-6.4.0")
	h, err := resolvedHome(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type prof struct {
		Offset   int
		HTTPS    model.Port
		Passthru model.Port
	}
	got := map[string]prof{}
	for _, s := range h.Servers {
		p := prof{Offset: s.Offset.Value}
		for _, l := range s.Listeners {
			switch l.ID {
			case model.SvcServletHTTPS:
				p.HTTPS = l.Port()
			case model.SvcPassthruHTTP:
				p.Passthru = l.Port()
			}
		}
		got[s.Profile] = p
	}
	want := map[string]prof{
		"integrator":       {0, 9443, 8280},
		"broker":           {3, 9446, 0},
		"business-process": {2, 9445, 0},
		"micro-integrator": {10, 9453, 8290},
	}
	for name, w := range want {
		if diff := cmp.Diff(w, got[name]); diff != "" {
			t.Errorf("profile %s (-want +got):\n%s", name, diff)
		}
	}
}
