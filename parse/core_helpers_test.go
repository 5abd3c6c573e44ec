package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// coreCarbon is a minimal carbon.xml with the JMX ports and an offset.
const coreCarbon = `<?xml version="1.0" encoding="UTF-8"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>%s</Offset>
        <JMX>
            <RMIRegistryPort>9999</RMIRegistryPort>
            <RMIServerPort>11111</RMIServerPort>
        </JMX>
    </Ports>
</Server>
`

// writeHome writes files (home-relative name → content) into a new temporary home.
func writeHome(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// testServer builds the default server of a home holding files, after carbon.xml
// has been read, so that one step can be run on it.
func testServer(t *testing.T, files map[string]string) *server {
	t.Helper()
	dir := writeHome(t, files)
	h, err := newHome(dir, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := &server{h: h, conf: "repository/conf", bin: "bin", srv: model.Server{Profile: "default", ConfDir: "repository/conf"}}
	if err := s.run(readCarbon); err != nil {
		t.Fatalf("readCarbon: %v", err)
	}
	return s
}

// runStep runs one step on a fresh server of files and fails the test on error.
func runStep(t *testing.T, st step, files map[string]string) *server {
	t.Helper()
	s := testServer(t, files)
	if err := s.run(st); err != nil {
		t.Fatalf("step: %v", err)
	}
	return s
}

// readFixture returns a file of testdata/core.
func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "core", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pos is a shorthand for a position in tests.
func pos(file string, line, col int, path string) model.Pos {
	return model.Pos{File: file, Line: line, Col: col, Path: path}
}
