// Package testenv locates the repository and the shared test material for
// tests of every package: the repository root, ../shared next to it (the
// corpus of real WSO2 configuration and the seed port table), and copies of
// homes into temporary directories. Only _test.go files import it.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the repository root: the nearest folder above the working
// directory that holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns ../shared next to the repository root. When it is absent the
// test is skipped, except under CI=true, where it fails: CI always has it.
func Shared(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared folder missing at %s", dir)
		}
		t.Skipf("shared folder not found at %s", dir)
	}
	return dir
}

// Corpus returns the folder of real WSO2 homes, ../shared/corpus.
func Corpus(t testing.TB) string {
	t.Helper()
	return filepath.Join(Shared(t), "corpus")
}

// CopyTree copies the regular files and folders below src to dst, keeping
// permission bits but making copies writable, so tests can edit a copy of a
// read-only corpus home.
func CopyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm()|0o200)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}
