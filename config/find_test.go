package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	// Layout (relative to a temporary root):
	//   .wso2lint.yaml              outside the repository
	//   repo/.git/
	//   repo/homes/am/              no config: search stops at repo (has .git)
	//   repo/homes/is/.wso2lint.yaml
	//   repo/homes/is/repository/conf/
	//   repo2/.git (a file, as in a worktree), repo2/.wso2lint.yaml, repo2/am/
	//   plain/a/b/                  no .git anywhere below root: finds the root config
	root := t.TempDir()
	mk := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	touch := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rootCfg := touch(FileName)
	mk("repo/.git")
	mk("repo/homes/am")
	isCfg := touch("repo/homes/is/" + FileName)
	mk("repo/homes/is/repository/conf")
	touch("repo/homes/is/repository/conf/carbon.xml")
	touch("repo2/.git")
	repo2Cfg := touch("repo2/" + FileName)
	mk("repo2/am")
	mk("plain/a/b")

	cases := []struct {
		name, start, want string
	}{
		{"stops at .git directory", "repo/homes/am", ""},
		{"found in the home", "repo/homes/is", isCfg},
		{"found in a parent", "repo/homes/is/repository/conf", isCfg},
		{"start is a file", "repo/homes/is/repository/conf/carbon.xml", isCfg},
		{".git directory itself is checked", "repo2/am", repo2Cfg},
		{"walks to the root", "plain/a/b", rootCfg},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Find(filepath.Join(root, filepath.FromSlash(tc.start)))
			if err != nil {
				t.Fatalf("Find: %v", err)
			}
			if got != tc.want {
				t.Errorf("Find(%s) = %q, want %q", tc.start, got, tc.want)
			}
		})
	}
}

func TestFindRelative(t *testing.T) {
	// A relative start is resolved against the working directory; the result
	// is absolute. testdata has no config file, so the search reaches the
	// repository (or stops at its .git) without finding one.
	got, err := Find("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if got != "" && !filepath.IsAbs(got) {
		t.Errorf("Find(testdata) = %q, want an absolute path or none", got)
	}
}

func TestFindMissingAndErrors(t *testing.T) {
	root := t.TempDir()
	// A missing start is no config and no error: loading the home then says
	// "no such product home", naming the path as the user gave it.
	if got, err := Find(filepath.Join(root, "missing")); got != "" || err != nil {
		t.Errorf("Find(missing directory) = %q, %v; want no file and no error", got, err)
	}
	dir := filepath.Join(root, "h")
	if err := os.MkdirAll(filepath.Join(dir, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Find(dir); err == nil {
		t.Error("Find with a directory named .wso2lint.yaml succeeded")
	}
}
