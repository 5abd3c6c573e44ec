package parse

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestAbsent checks the listing cache against os.Lstat: once a directory
// has had listAfter misses it is listed, and from then on every path absent
// calls absent does not exist and every existing path is looked at, for
// files, directories, links, paths under a file, with "..", with other case,
// and in a directory too large to list (never listed, never kept).
func TestAbsent(t *testing.T) {
	root := t.TempDir()
	mk := func(rel string) { touch(t, root, rel) }
	mk("home/repository/conf/carbon.xml")
	mk("home/repository/conf/axis2/axis2.xml")
	mk("home/bin/wso2server.sh")
	for i := 0; i <= maxListed; i++ {
		mk("home/repository/deployment/f" + strconv.Itoa(i))
	}
	if err := os.Symlink("conf", filepath.Join(root, "home/repository/linked")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	h, err := newHome(filepath.Join(root, "home"), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Misses make bin, repository/conf, repository/linked and
	// repository/deployment candidates for a listing; a missing directory
	// too.
	for _, dir := range []string{"bin", "repository/conf", "repository/linked", "repository/deployment", "repository/missing"} {
		for i := 0; i < listAfter; i++ {
			if h.exists(dir + "/none" + strconv.Itoa(i)) {
				t.Fatalf("%s/none%d exists", dir, i)
			}
		}
	}
	for _, dir := range []string{"bin", "repository/conf", "repository/linked"} {
		if _, listed := h.names[dir]; !listed {
			t.Errorf("%s not listed after %d misses", dir, listAfter)
		}
	}
	if names, listed := h.names["repository/missing"]; !listed || names != nil {
		t.Errorf("a missing directory: listed %t, names %v; want it remembered as missing", listed, names)
	}
	if names, listed := h.names["repository/deployment"]; listed || !h.unlisted["repository/deployment"] {
		t.Errorf("a directory of %d entries: kept %d names (listed %t), unlisted %t; want it remembered as unlisted",
			maxListed+1, len(names), listed, h.unlisted["repository/deployment"])
	}
	for _, rel := range []string{
		"repository/conf/carbon.xml", "repository/conf/Carbon.xml", "repository/conf/jmx.xml",
		"repository/conf/axis2", "repository/conf/axis2/axis2.xml", "bin/wso2server.sh", "bin/api-manager.sh",
		"repository/linked/carbon.xml", "repository/linked/missing.xml", "repository/conf/carbon.xml/child",
		"repository/missing/file.xml", "repository/deployment/f7", "repository/deployment/nope",
		"bin/../repository/conf/carbon.xml", "bin/../repository/conf/nope.xml", "../home/bin/wso2server.sh",
		".", "repository/conf/./carbon.xml",
	} {
		_, err := os.Lstat(filepath.Join(h.real, filepath.FromSlash(rel)))
		exists := err == nil
		got := h.absent(rel)
		if got && exists {
			t.Errorf("absent(%q) = true, but it exists", rel)
		}
		fromListing := map[string]bool{
			"repository/conf/Carbon.xml": true, "repository/conf/jmx.xml": true, "bin/api-manager.sh": true,
			"repository/linked/missing.xml": true, "repository/missing/file.xml": true, "bin/../repository/conf/nope.xml": true,
		}
		if !got && fromListing[rel] {
			t.Errorf("absent(%q) = false; want it answered from the listing", rel)
		}
	}
	// Files that exist are still read once their directory is listed.
	for _, rel := range []string{"repository/conf/carbon.xml", "bin/wso2server.sh"} {
		if _, ok, err := h.read(rel); !ok || err != nil {
			t.Errorf("read(%q) = %v, %v after listing", rel, ok, err)
		}
	}
}

// touch makes the file rel (slash-separated) under root, with its folders.
func touch(t *testing.T, root, rel string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}
