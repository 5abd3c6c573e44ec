package parse

import (
	"os"
	"path/filepath"
	"testing"
)

func TestKindOf(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"am/repository/conf/deployment.toml",
		"mi/conf/deployment.toml",
		"esb/conf/carbon.xml",
		"overlay/deployment.toml",
		"logs/conf/log4j2.properties",
		"ei/conf/carbon.xml",
		"ei/wso2/broker/conf/carbon.xml",
		"plain/README.md",
	} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		dir  string
		want HomeKind
	}{
		{"am", FullHome},
		{"am/repository", FullHome}, // conf/deployment.toml: Home would read it
		{"am/repository/conf", BareHome},
		{"mi", FullHome},
		{"esb", FullHome},
		{"ei", FullHome},
		{"ei/wso2/broker", FullHome},
		{"overlay", BareHome},
		{"logs", NotHome},
		{"plain", NotHome},
		{"plain/README.md", NotHome},
		{"missing", NotHome},
	}
	for _, tt := range tests {
		if got := KindOf(filepath.Join(root, tt.dir)); got != tt.want {
			t.Errorf("KindOf(%s) = %d, want %d", tt.dir, got, tt.want)
		}
	}
}
