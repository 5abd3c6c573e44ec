package toml

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports checks that the scanner imports only the standard library and
// go-toml/v2: no model, no product code, nothing else of this module.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			if std := !strings.Contains(strings.SplitN(path, "/", 2)[0], "."); !std && !strings.HasPrefix(path, "github.com/pelletier/go-toml/v2") {
				t.Errorf("%s imports %s; the TOML scanner imports only the standard library and go-toml/v2", name, path)
			}
		}
	}
	if n < 4 {
		t.Fatalf("only %d source files found", n)
	}
}
