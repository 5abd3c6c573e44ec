package parse

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestHomeRetainsLittle checks what a parsed home keeps alive once read: its
// strings no longer hold the file contents they were cut from and its slices
// no spare capacity (issue 15 items 2 and 5: a thousand homes in 100 MB).
// Measured on the example home: 13 KB kept before detach, 6.5 KB after; the
// bound leaves room for the model to grow.
func TestHomeRetainsLittle(t *testing.T) {
	dir := filepath.Join(repoRootB(t), "testdata", "example", "wso2am-2.6.0")
	const n = 40
	if _, err := Home(dir, Options{}); err != nil { // tables built once, outside the measurement
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	homes := make([]*model.Home, n)
	for i := range homes {
		h, err := Home(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		homes[i] = h
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / n
	runtime.KeepAlive(homes)
	if per > 10<<10 {
		t.Errorf("a parsed home keeps %d bytes alive, want at most %d", per, 10<<10)
	}
	t.Logf("%d bytes kept per home", per)
}

// TestClip checks clip: same elements, no spare capacity, nil stays nil and
// empty stays empty.
func TestClip(t *testing.T) {
	grown := append(make([]int, 0, 8), 1, 2, 3)
	got := clip(grown)
	if d := cmp.Diff([]int{1, 2, 3}, got); d != "" || cap(got) != len(got) {
		t.Errorf("clip(%v) = %v cap %d (-want +got):\n%s", grown, got, cap(got), d)
	}
	if got := clip([]int(nil)); got != nil {
		t.Errorf("clip(nil) = %#v, want nil", got)
	}
	if got := clip(make([]int, 0, 4)); got == nil || cap(got) != 0 {
		t.Errorf("clip(empty) = %#v cap %d, want empty non-nil with no capacity", got, cap(got))
	}
}

// TestEvalSymlinks checks that resolving a file through its directory's
// cached real path gives what filepath.EvalSymlinks gives, for plain files,
// files under a linked directory, linked files and paths with "..".
func TestEvalSymlinks(t *testing.T) {
	root := t.TempDir()
	mk := func(rel string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	mk("home/repository/conf/carbon.xml")
	mk("home/repository/conf/axis2/axis2.xml")
	mk("elsewhere/conf/jmx.xml")
	mk("home/bin/wso2server.sh")
	link("../../elsewhere/conf", "home/repository/linked")
	link("carbon.xml", "home/repository/conf/alias.xml")
	link("../repository/conf/axis2", "home/bin/axis2")
	h, err := newHome(filepath.Join(root, "home"), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{
		"repository/conf/carbon.xml", "repository/conf/axis2/axis2.xml", "repository/linked/jmx.xml",
		"repository/conf/alias.xml", "bin/axis2/axis2.xml", "bin/wso2server.sh",
		"bin/../repository/conf/carbon.xml", "repository/conf/carbon.xml", // a second time, from the cache
	} {
		full := filepath.Join(h.real, filepath.FromSlash(rel))
		fi, err := os.Lstat(full)
		if err != nil {
			t.Fatal(err)
		}
		want, err := filepath.EvalSymlinks(full)
		if err != nil {
			t.Fatal(err)
		}
		got, err := h.evalSymlinks(rel, full, fi)
		if err != nil || got != want {
			t.Errorf("evalSymlinks(%s) = %q, %v; want %q", rel, got, err, want)
		}
	}
}

// TestHomeInLinkedWorkingDirectory reads a home given by a relative path
// from a working directory reached through a symbolic link ($PWD names the
// link). The home's real path was the working directory as $PWD gave it,
// with the link, while each file's real path had it resolved, so every file
// was "a symbolic link leaving the home".
func TestHomeInLinkedWorkingDirectory(t *testing.T) {
	real := filepath.Join(t.TempDir(), "real")
	testenv.CopyTree(t, filepath.Join(repoRootB(t), "testdata", "example", "wso2am-2.6.0"), filepath.Join(real, "wso2am-2.6.0"))
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	t.Chdir(link)
	t.Setenv("PWD", link)
	if wd, err := os.Getwd(); err != nil || wd != link {
		t.Skipf("working directory %q (%v), not the link %q", wd, err, link)
	}
	h, err := Home("wso2am-2.6.0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Servers) == 0 || len(h.Servers[0].Listeners) == 0 {
		t.Fatal("no listeners read")
	}
}
