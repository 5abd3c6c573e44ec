package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
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

func TestLayoutOf(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"full/bin/wso2server.sh", "full/repository/components/plugins/x.jar", "full/repository/conf/carbon.xml",
		"fulllib/bin/micro-integrator.bat", "fulllib/lib/x.jar", "fulllib/conf/carbon.xml",
		"noscript/bin/README", "noscript/lib/x.jar", "noscript/conf/carbon.xml",
		"nolib/bin/wso2server.sh", "nolib/repository/conf/carbon.xml",
		"overlay/repository/conf/broker.xml",
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
		want model.Layout
	}{
		{"full", model.LayoutFull},
		{"fulllib", model.LayoutFull},
		{"noscript", model.LayoutOverlay},
		{"nolib", model.LayoutOverlay},
		{"overlay", model.LayoutOverlay},
		{"missing", model.LayoutOverlay},
	}
	for _, tt := range tests {
		if got := LayoutOf(filepath.Join(root, tt.dir)); got != tt.want {
			t.Errorf("LayoutOf(%s) = %v, want %v", tt.dir, got, tt.want)
		}
	}
}
