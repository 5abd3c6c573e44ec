package tomltest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

// corpusDir returns ../shared/corpus next to the repository root, skipping the
// test when it is absent outside CI.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("repository root (go.mod) not found")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(c); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared corpus missing at %s", c)
		}
		t.Skipf("shared corpus not found at %s", c)
	}
	return c
}

// load runs the toml pipeline on a home.
func load(t *testing.T, dir string, opt parse.Options) *model.Home {
	t.Helper()
	h, err := parse.Home(dir, opt)
	if err != nil {
		t.Fatalf("parse.Home(%s): %v", dir, err)
	}
	catalog.ResolveToml(h)
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
	src := filepath.Join(corpusDir(t), name)
	dst := filepath.Join(t.TempDir(), name)
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
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
