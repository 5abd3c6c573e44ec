package tomltest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

// corpusDir returns ../shared/corpus next to the repository root, skipping the
// test when it is absent outside CI.
func corpusDir(t testing.TB) string { return testenv.Corpus(t) }

// load runs the toml pipeline on a home.
func load(t *testing.T, dir string, opt parse.Options) *model.Home {
	t.Helper()
	h, err := parse.Home(dir, opt)
	if err != nil {
		t.Fatalf("parse.Home(%s): %v", dir, err)
	}
	catalog.Resolve(h)
	return h
}

// port is the part of a listener the tests compare.
type port struct {
	ID      string
	Port    model.Port
	Enabled bool
}

// ports lists the inbound listeners of the first server.
func ports(h *model.Home) []port {
	var out []port
	if len(h.Servers) == 0 {
		return nil
	}
	for _, l := range h.Servers[0].Listeners {
		if l.Dir == model.DirIn {
			out = append(out, port{l.ID, l.Port(), l.Enabled})
		}
	}
	return out
}

// copyHome copies the corpus home name into a temporary directory of the same
// name (the directory name identifies the product) and returns its path.
func copyHome(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	testenv.CopyTree(t, filepath.Join(corpusDir(t), name), dst)
	return dst
}

// write writes a home-relative file.
func write(t *testing.T, home, rel, text string) {
	t.Helper()
	p := filepath.Join(home, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// appendTo appends text to a home-relative file.
func appendTo(t *testing.T, home, rel, text string) {
	t.Helper()
	p := filepath.Join(home, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, []byte("\n"+text)...), 0o644); err != nil {
		t.Fatal(err)
	}
}
