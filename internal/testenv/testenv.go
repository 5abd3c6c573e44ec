package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// StrictVar names the environment variable that turns skips into failures.
// .ci/run sets it to 1; nothing else should.
const StrictVar = "WSO2LINT_CI"

// Strict reports whether missing test material is a failure (WSO2LINT_CI=1).
func Strict() bool { return os.Getenv(StrictVar) == "1" }

// Skipf skips the test with a one-line reason, or fails it when Strict.
func Skipf(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if Strict() {
		t.Fatalf("%s (%s=1: the project's CI must have it)", msg, StrictVar)
	}
	t.Skip(msg)
}

// SkipShort skips a slow test under -short, except when Strict: CI runs every
// test.
func SkipShort(t testing.TB, what string) {
	t.Helper()
	if testing.Short() && !Strict() {
		t.Skipf("%s: skipped with -short", what)
	}
}

// NeedRoot skips the test unless it runs as root on Linux (network
// namespaces, firewall tables, switching users).
func NeedRoot(t testing.TB) {
	t.Helper()
	if runtime.GOOS != "linux" {
		Skipf(t, "needs Linux, runs on %s", runtime.GOOS)
	} else if os.Geteuid() != 0 {
		Skipf(t, "needs root (network namespaces and firewall tables)")
	}
}

// NeedCommands skips the test unless every command is on PATH; hint says how
// to install them.
func NeedCommands(t testing.TB, hint string, commands ...string) {
	t.Helper()
	var missing []string
	for _, c := range commands {
		if _, err := exec.LookPath(c); err != nil {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		Skipf(t, "needs %s on PATH (%s)", strings.Join(missing, ", "), hint)
	}
}

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

// SharedDir returns where ../shared is expected, next to the repository root,
// without checking that it exists.
func SharedDir(t testing.TB) string {
	t.Helper()
	return filepath.Join(filepath.Dir(RepoRoot(t)), "shared")
}

// Shared returns ../shared next to the repository root. When it is absent the
// test is skipped, or fails when Strict.
func Shared(t testing.TB) string {
	t.Helper()
	dir := SharedDir(t)
	if !isDir(dir) {
		Skipf(t, "../shared not found at %s: test needs the shared test material", dir)
	}
	return dir
}

// HaveCorpus reports whether ../shared/corpus exists, for tests that use the
// corpus when it is there and other material when it is not.
func HaveCorpus(t testing.TB) bool {
	t.Helper()
	return isDir(filepath.Join(SharedDir(t), "corpus"))
}

// Corpus returns the folder of real WSO2 homes, ../shared/corpus. When it is
// absent the test is skipped, or fails when Strict.
func Corpus(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(SharedDir(t), "corpus")
	if !isDir(dir) {
		Skipf(t, "../shared/corpus not found at %s: test needs the corpus of real WSO2 homes", dir)
	}
	return dir
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
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
