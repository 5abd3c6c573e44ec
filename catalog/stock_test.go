package catalog_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

// stockKey is what an overlay must still report of a listener that a deleted
// stock file opened in the full copy.
type stockKey struct {
	Profile, ID string
	Port        model.Port
	Enabled     bool
	Exposure    string
}

func loadResolved(t *testing.T, dir string) *model.Home {
	t.Helper()
	h, err := parse.Home(dir, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	catalog.Resolve(h)
	return h
}

// keysOf returns the listeners of h that pick selects, sorted.
func keysOf(h *model.Home, pick func(model.Listener) bool) []stockKey {
	var out []stockKey
	for _, s := range h.Servers {
		for _, l := range s.Listeners {
			if pick(l) {
				out = append(out, stockKey{s.Profile, l.ID, l.Port(), l.Enabled, l.Exposure.String()})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Port != b.Port {
			return a.Port < b.Port
		}
		return a.Profile+a.ID < b.Profile+b.ID
	})
	return out
}

// TestOverlayStockFiles builds overlays from copies of corpus homes with some
// port-opening files deleted: every port those stock files open is still
// reported, with Origin FromDistribution and the offset applied once. The
// same deletions in a full home (a start script and lib/) report nothing for
// the deleted files.
func TestOverlayStockFiles(t *testing.T) {
	corpus := testenv.Corpus(t)
	tests := []struct {
		name   string
		home   string
		offset string // carbon.xml Offset written into the copy
		delete []string
		// skip lists service ids the deleted files open that no stock row
		// restores yet (see the README "Overlays" section).
		skip []string
	}{
		{name: "am broker bridge websocket", home: "wso2am-2.6.0", offset: "2", delete: []string{
			"repository/conf/broker.xml",
			"repository/conf/data-bridge/data-bridge-config.xml",
			"repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml",
			"repository/deployment/server/synapse-configs/default/inbound-endpoints/SecureWebSocketInboundEndpoint.xml",
		}},
		{name: "am keeps carbon axis2 api-manager", home: "wso2am-2.6.0", offset: "1", delete: []string{
			"repository/conf/broker.xml",
			"repository/conf/data-bridge/data-bridge-config.xml",
			"repository/conf/tomcat/catalina-server.xml",
			"repository/conf/etc/jmx.xml",
			"repository/conf/identity/embedded-ldap.xml",
			"repository/conf/user-mgt.xml",
			"repository/deployment/server/synapse-configs/default/inbound-endpoints/WebSocketInboundEndpoint.xml",
			"repository/deployment/server/synapse-configs/default/inbound-endpoints/SecureWebSocketInboundEndpoint.xml",
		}},
		{name: "is ldap jmx keeps carbon", home: "wso2is-5.7.0", offset: "3", delete: []string{
			"repository/conf/identity/embedded-ldap.xml",
			"repository/conf/etc/jmx.xml",
		}},
		{name: "am neither carbon nor jmx nor ldap", home: "wso2am-2.6.0", offset: "", delete: []string{
			"repository/conf/carbon.xml",
			"repository/conf/etc/jmx.xml",
			"repository/conf/identity/embedded-ldap.xml",
			"repository/conf/tomcat/catalina-server.xml",
		}},
		{name: "is bridge catalina", home: "wso2is-5.7.0", delete: []string{
			"repository/conf/data-bridge/data-bridge-config.xml",
			"repository/conf/tomcat/catalina-server.xml",
		}},
		{name: "das bridge", home: "wso2das-3.1.0", offset: "5", delete: []string{
			"repository/conf/data-bridge/data-bridge-config.xml",
		}},
		{name: "mb neither carbon nor catalina", home: "wso2mb-3.2.0", delete: []string{
			"repository/conf/carbon.xml",
			"repository/conf/tomcat/catalina-server.xml",
			"repository/conf/broker.xml",
			"repository/conf/etc/jmx.xml",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			skip := map[string]bool{}
			for _, id := range tt.skip {
				skip[id] = true
			}
			dir, full, overlay := overlayOf(t, corpus, tt.home, tt.offset, tt.delete)
			want := keysOf(full, func(l model.Listener) bool { return deletedFrom(tt.delete, l) && !skip[l.ID] })
			if len(want) == 0 {
				t.Fatal("the deleted files open nothing in the full copy")
			}
			got := keysOf(overlay, func(l model.Listener) bool { return l.Origin == model.FromDistribution })
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("distribution listeners of the overlay (-full copy +overlay):\n%s", d)
			}
			for _, s := range overlay.Servers {
				for _, l := range s.Listeners {
					if l.Origin == model.FromDistribution && l.Offsetable && l.Offset != s.Offset.Value {
						t.Errorf("%s: offset %d, want the server's %d once", l.ID, l.Offset, s.Offset.Value)
					}
				}
			}

			// The same deletions in a full home: the files were removed.
			writeFile(t, filepath.Join(dir, "lib", "x.jar"))
			writeFile(t, filepath.Join(dir, "bin", "wso2server.sh"))
			removed := loadResolved(t, dir)
			if removed.Layout != model.LayoutFull {
				t.Fatalf("Layout = %v, want full", removed.Layout)
			}
			if got := keysOf(removed, func(l model.Listener) bool { return l.Origin == model.FromDistribution }); len(got) != 0 {
				t.Errorf("full home reports distribution listeners: %v", got)
			}
			// Each deleted file that opens ports is reported removed (WL405),
			// naming the ports its stock copy would open, at the start script.
			wantRemoved := map[string][]stockKey{}
			for _, s := range full.Servers {
				for _, l := range s.Listeners {
					if deletedFrom(tt.delete, l) && !skip[l.ID] {
						wantRemoved[l.Source.File] = append(wantRemoved[l.Source.File], stockKey{s.Profile, l.ID, l.Port(), l.Enabled, ""})
					}
				}
			}
			gotRemoved := map[string][]stockKey{}
			for _, s := range removed.Servers {
				for _, r := range s.Removed {
					if r.Pos.File != "bin/wso2server.sh" || r.Pos.Line != 1 {
						t.Errorf("removed %s at %v, want bin/wso2server.sh:1", r.File, r.Pos)
					}
					for _, l := range r.Listeners {
						gotRemoved[r.File] = append(gotRemoved[r.File], stockKey{s.Profile, l.ID, l.Port(), l.Enabled, ""})
					}
				}
			}
			for _, m := range []map[string][]stockKey{wantRemoved, gotRemoved} {
				for _, ks := range m {
					sort.Slice(ks, func(i, j int) bool { return ks[i].Port < ks[j].Port || ks[i].Port == ks[j].Port && ks[i].ID < ks[j].ID })
				}
			}
			if d := cmp.Diff(wantRemoved, gotRemoved); d != "" {
				t.Errorf("removed files of the full home (-full copy +removed):\n%s", d)
			}
			gone := map[stockKey]bool{}
			for _, k := range want {
				gone[stockKey{k.Profile, k.ID, 0, false, ""}] = true
			}
			for _, k := range keysOf(removed, func(model.Listener) bool { return true }) {
				if gone[stockKey{k.Profile, k.ID, 0, false, ""}] {
					t.Errorf("full home still reports %s %s %d of a removed file", k.Profile, k.ID, k.Port)
				}
			}
		})
	}
}

func setOffset(t *testing.T, carbon, offset string) {
	t.Helper()
	b, err := os.ReadFile(carbon)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "<Offset>0</Offset>", "<Offset>"+offset+"</Offset>", 1)
	if s == string(b) {
		t.Fatalf("%s: no <Offset>0</Offset> to change", carbon)
	}
	if err := os.WriteFile(carbon, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOverlayStockUnknownPack: the IS-KM 5.7.0 pack (carbon.xml ServerKey IS
// with api-manager.xml: its own product, is-km) lacks data-bridge-config.xml,
// and Identity Server's stock rows are not its: no data-bridge receiver is
// made up.
func TestOverlayStockUnknownPack(t *testing.T) {
	dir := filepath.Join(testenv.Corpus(t), "wso2is-km-5.7.0")
	h := loadResolved(t, dir)
	if h.Product.Key != model.KeyISKM || h.Product.Version != "5.7.0" {
		t.Fatalf("product = %+v, want is-km 5.7.0", h.Product)
	}
	for _, l := range h.Servers[0].Listeners {
		if strings.HasPrefix(l.ID, "databridge-") {
			t.Errorf("IS-KM got %s %d (origin %v)", l.ID, l.Port(), l.Origin)
		}
	}
}

// overlayOf copies corpus home into a temporary directory (with offset
// written into its carbon.xml when set), reads it, deletes the files del and
// reads it again as an overlay. It returns the copy and both readings.
func overlayOf(t *testing.T, corpus, home, offset string, del []string) (dir string, full, overlay *model.Home) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), home)
	testenv.CopyTree(t, filepath.Join(corpus, home), dir)
	if offset != "" {
		setOffset(t, filepath.Join(dir, "repository/conf/carbon.xml"), offset)
	}
	full = loadResolved(t, dir)
	for _, f := range del {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Fatal(err)
		}
	}
	overlay = loadResolved(t, dir)
	if overlay.Layout != model.LayoutOverlay {
		t.Fatalf("Layout = %v, want overlay", overlay.Layout)
	}
	return dir, full, overlay
}

// deletedFrom reports whether l's source is one of the files del.
func deletedFrom(del []string, l model.Listener) bool {
	for _, f := range del {
		if l.Source.File == f {
			return true
		}
	}
	return false
}
