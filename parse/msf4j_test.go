package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestMSF4JProfile adds an MSF4J profile to a copy of the EI 6.4 corpus home:
// its netty transport is a listener of the msf4j profile, at the port the file
// gives; without the transports file the distribution's 9090 applies.
func TestMSF4JProfile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "wso2ei-6.4.0")
	testenv.CopyTree(t, filepath.Join(testenv.Corpus(t), "wso2ei-6.4.0"), dir)
	conf := filepath.Join(dir, "wso2", "msf4j", "conf")
	write := func(rel, content string) {
		p := filepath.Join(conf, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("carbon.yml", "wso2.carbon:\n  id: msf4j\n  ports:\n    offset: 5\n")
	msf4j := func() (*model.Server, []pl) {
		h, err := resolvedHome(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range h.Servers {
			if s := &h.Servers[i]; s.Profile == "msf4j" {
				return s, listenersOf(*s)
			}
		}
		t.Fatal("no msf4j profile")
		return nil, nil
	}
	s, got := msf4j()
	want := []pl{in(model.SvcMSF4JHTTP, 9090, false, true, 1)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("without transports file (-want +got):\n%s", diff)
	}
	if s.Offset.Value != 5 || s.Offset.Origin != model.OriginCarbonYML || s.Offset.Pos.Line != 4 {
		t.Errorf("offset = %+v, want 5 from carbon.yml:4", s.Offset)
	}
	write("transports/netty-transports.yml", "listenerConfigurations:\n  -\n    id: \"jaxrs-http\"\n    host: \"0.0.0.0\"\n    port: 9095\n")
	_, got = msf4j()
	want = []pl{{ID: model.SvcMSF4JHTTP, Port: 9095, Offsetable: false, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "0.0.0.0", Line: 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with transports file (-want +got):\n%s", diff)
	}
}
