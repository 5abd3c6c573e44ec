package discover

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// build writes files (slash paths, empty content unless given) under root.
func build(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// repoFiles is a configuration repository as teams keep one: environments
// side by side, templates, a Helm chart, a backup and an EI home with profiles.
var repoFiles = map[string]string{
	"dev/wso2am/repository/conf/deployment.toml":                                   "",
	"dev/wso2am/repository/resources/conf/deployment-templates/gateway.toml":       "",
	"dev/wso2am/repository/resources/conf/deployment.toml":                         "",
	"prod/wso2am/repository/conf/deployment.toml":                                  "",
	"prod/wso2am/bin/api-manager.sh":                                               "",
	"overlays/node1/deployment.toml":                                               "",
	"overlays/node2/deployment.toml":                                               "",
	"ei/conf/carbon.xml":                                                           "",
	"ei/wso2/broker/conf/carbon.xml":                                               "",
	"templates/wso2am/repository/conf/deployment.toml":                             "",
	"templates/wso2am/deployment.toml.j2":                                          "",
	"roles/am/templates/carbon-home/repository/conf/deployment.toml.j2":            "",
	"roles/am/files/default.json":                                                  "",
	"backup/wso2am/repository/conf/deployment.toml":                                "",
	"helm/am/Chart.yaml":                                                           "",
	"helm/am/confs/deployment.toml":                                                "",
	"helm/am/confs/wso2am/repository/conf/deployment.toml":                         "",
	".git/objects/conf/deployment.toml":                                            "",
	"node_modules/x/conf/deployment.toml":                                          "",
	"docs/README.md":                                                               "",
	"a/b/c/d/e/wso2is/repository/conf/deployment.toml":                             "",
	"repository/resources/conf/deployment-templates/control-plane/deployment.toml": "",
}

func TestHomes(t *testing.T) {
	root := t.TempDir()
	build(t, root, repoFiles)
	// A link loop and a link to a home: neither is followed.
	if err := os.Symlink("..", filepath.Join(root, "dev", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "prod", "wso2am"), filepath.Join(root, "current")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		depth int
		want  []string
	}{
		{0, []string{"a/b/c/d/e/wso2is", "dev/wso2am", "ei", "overlays/node1", "overlays/node2", "prod/wso2am"}},
		{2, []string{"dev/wso2am", "ei", "overlays/node1", "overlays/node2", "prod/wso2am"}},
		{1, []string{"ei"}},
	}
	for _, tt := range tests {
		got, err := Homes(root, Options{MaxDepth: tt.depth})
		if err != nil {
			t.Fatal(err)
		}
		var rel []string
		for _, h := range got {
			r, err := filepath.Rel(root, h)
			if err != nil {
				t.Fatal(err)
			}
			rel = append(rel, filepath.ToSlash(r))
		}
		if diff := cmp.Diff(tt.want, rel); diff != "" {
			t.Errorf("Homes(depth %d) (-want +got):\n%s", tt.depth, diff)
		}
	}
}

func TestHomesErrors(t *testing.T) {
	root := t.TempDir()
	if _, err := Homes(filepath.Join(root, "missing"), Options{}); err == nil {
		t.Error("Homes of a missing folder: no error")
	}
	got, err := Homes(root, Options{})
	if err != nil || len(got) != 0 {
		t.Errorf("Homes of an empty folder = %q, %v; want none, no error", got, err)
	}
}

// TestHomeOfTemplates maps changed files, as pre-commit passes them, to their
// homes: templates, resources, backups and Helm charts are never homes.
func TestHomeOfTemplates(t *testing.T) {
	root := t.TempDir()
	build(t, root, repoFiles)
	t.Chdir(root)
	tests := []struct {
		file, want string // want "" means no home
	}{
		{"dev/wso2am/repository/conf/deployment.toml", "dev/wso2am"},
		{"dev/wso2am/repository/resources/conf/deployment-templates/gateway.toml", "dev/wso2am"},
		{"dev/wso2am/repository/resources/conf/deployment.toml", "dev/wso2am"},
		{"prod/wso2am/bin/api-manager.sh", "prod/wso2am"},
		{"./prod/wso2am/repository/conf/deployment.toml", "prod/wso2am"},
		{"overlays/node1/deployment.toml", "overlays/node1"},
		{"ei/wso2/broker/conf/carbon.xml", "ei"},
		{"ei/conf/carbon.xml", "ei"},
		{"templates/wso2am/repository/conf/deployment.toml", ""},
		{"templates/wso2am/deployment.toml.j2", ""},
		{"roles/am/templates/carbon-home/repository/conf/deployment.toml.j2", ""},
		{"roles/am/files/default.json", ""},
		{"backup/wso2am/repository/conf/deployment.toml", ""},
		{"helm/am/confs/deployment.toml", ""},
		{"helm/am/confs/wso2am/repository/conf/deployment.toml", ""},
		{"docs/README.md", ""},
		{"repository/resources/conf/deployment-templates/control-plane/deployment.toml", ""},
		{"no/such/file.xml", ""},
	}
	for _, tt := range tests {
		got, ok := HomeOf(tt.file)
		if ok != (tt.want != "") || filepath.ToSlash(got) != tt.want {
			t.Errorf("HomeOf(%q) = %q, %v; want %q", tt.file, got, ok, tt.want)
		}
	}
}

func TestEnclosing(t *testing.T) {
	root := t.TempDir()
	build(t, root, repoFiles)
	t.Chdir(root)
	tests := []struct {
		dir, want string
	}{
		{"dev/wso2am/repository", "dev/wso2am"},
		{"dev/wso2am/repository/conf", "dev/wso2am"},
		{"dev/wso2am/repository/resources/conf", "dev/wso2am"},
		{"ei/wso2/broker", "ei"},
		{"ei/wso2/broker/conf", "ei"},
		{"dev/wso2am", ""},
		{"overlays/node1", ""},
		{"dev", ""},
		{"helm/am/confs", ""},
		{".", ""},
		{filepath.Join(root, "prod/wso2am/bin"), filepath.Join(root, "prod/wso2am")},
	}
	for _, tt := range tests {
		got, ok := Enclosing(tt.dir)
		if ok != (tt.want != "") || got != filepath.FromSlash(tt.want) {
			t.Errorf("Enclosing(%q) = %q, %v; want %q", tt.dir, got, ok, tt.want)
		}
	}
	// One Finder for all, in both orders: what it remembers of a folder
	// changes no answer.
	for _, reverse := range []bool{false, true} {
		var f Finder
		for i := range tests {
			tt := tests[i]
			if reverse {
				tt = tests[len(tests)-1-i]
			}
			got, ok := f.Enclosing(tt.dir)
			if ok != (tt.want != "") || got != filepath.FromSlash(tt.want) {
				t.Errorf("Finder.Enclosing(%q) (reverse %t) = %q, %v; want %q", tt.dir, reverse, got, ok, tt.want)
			}
		}
	}
	t.Chdir(filepath.Join(root, "dev/wso2am/repository/conf"))
	if got, ok := Enclosing("."); !ok || got != filepath.FromSlash("../..") {
		t.Errorf(`Enclosing(".") two levels inside a home = %q, %v; want "../.."`, got, ok)
	}
}

// TestCorpusRepository builds a repository from real API Manager 4.x homes
// (with their repository/resources/conf/deployment-templates) for two
// environments: each home is found once, resources never.
func TestCorpusRepository(t *testing.T) {
	corpus := testenv.Corpus(t)
	root := t.TempDir()
	for _, env := range []string{"dev", "prod"} {
		testenv.CopyTree(t, filepath.Join(corpus, "wso2am-4.2.0"), filepath.Join(root, env, "wso2am-4.2.0"))
	}
	testenv.CopyTree(t, filepath.Join(corpus, "wso2am-4.4.0"), filepath.Join(root, "wso2am-4.4.0"))
	build(t, root, map[string]string{
		"wso2am-4.4.0/repository/resources/conf/deployment-templates/x.toml": "[server]\noffset = 1\n",
		"templates/foo.j2": "{{ offset }}\n",
		"templates/wso2am/repository/conf/deployment.toml": "",
	})
	got, err := Homes(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(root, "dev", "wso2am-4.2.0"),
		filepath.Join(root, "prod", "wso2am-4.2.0"),
		filepath.Join(root, "wso2am-4.4.0"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Homes (-want +got):\n%s", diff)
	}
	for _, f := range []string{
		"dev/wso2am-4.2.0/repository/resources/conf/deployment-templates/control-plane.toml",
		"wso2am-4.4.0/repository/resources/conf/deployment-templates/x.toml",
	} {
		home, ok := HomeOf(filepath.Join(root, f))
		if want := filepath.Join(root, filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(f)))))); !ok || home != want {
			t.Errorf("HomeOf(%s) = %q, %v; want %q", f, home, ok, want)
		}
	}
}
