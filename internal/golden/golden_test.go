package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recorder is a TB that records failures instead of failing.
type recorder struct {
	errors, fatals []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatalf(format string, a ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, a...))
}

func read(t *testing.T, path string) (string, bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b), true
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func setUpdate(t *testing.T, on bool) {
	t.Helper()
	old := *update
	*update = on
	t.Cleanup(func() { *update = old })
}

func TestCheckMatch(t *testing.T) {
	setUpdate(t, false)
	path := filepath.Join(t.TempDir(), "a.golden")
	write(t, path, "one\ntwo\n")
	write(t, path+ActualSuffix, "stale\n")
	var r recorder
	Check(&r, path, []byte("one\ntwo\n"))
	if len(r.errors)+len(r.fatals) != 0 {
		t.Errorf("match failed: %v %v", r.errors, r.fatals)
	}
	if _, ok := read(t, path+ActualSuffix); ok {
		t.Error("a match left the stale .actual file")
	}
}

func TestCheckMismatchKeepsGoldenAndWritesActual(t *testing.T) {
	setUpdate(t, false)
	path := filepath.Join(t.TempDir(), "a.golden")
	write(t, path, "one\ntwo\nthree\n")
	var r recorder
	Check(&r, path, []byte("one\nTWO\nthree\n"))
	if len(r.errors) != 1 || len(r.fatals) != 0 {
		t.Fatalf("mismatch: errors %q fatals %q, want one error", r.errors, r.fatals)
	}
	for _, s := range []string{path, `"two\n"`, `"TWO\n"`, path + ActualSuffix, "-update"} {
		if !strings.Contains(r.errors[0], s) {
			t.Errorf("failure message lacks %q:\n%s", s, r.errors[0])
		}
	}
	if got, _ := read(t, path); got != "one\ntwo\nthree\n" {
		t.Errorf("golden file changed without -update: %q", got)
	}
	if diff := cmp.Diff("one\nTWO\nthree\n", func() string { s, _ := read(t, path+ActualSuffix); return s }()); diff != "" {
		t.Errorf(".actual file (-want +got):\n%s", diff)
	}
}

func TestCheckMissingGolden(t *testing.T) {
	setUpdate(t, false)
	path := filepath.Join(t.TempDir(), "new.golden")
	var r recorder
	Check(&r, path, []byte("x\n"))
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "-update") {
		t.Fatalf("missing golden: fatals %q, want one naming -update", r.fatals)
	}
	if _, ok := read(t, path); ok {
		t.Error("a missing golden file was created without -update")
	}
	if got, _ := read(t, path+ActualSuffix); got != "x\n" {
		t.Errorf(".actual = %q, want the output", got)
	}
}

func TestCheckUpdate(t *testing.T) {
	setUpdate(t, true)
	path := filepath.Join(t.TempDir(), "sub", "a.golden")
	var r recorder
	Check(&r, path, []byte("new\n"))
	if len(r.errors)+len(r.fatals) != 0 {
		t.Fatalf("update failed: %v %v", r.errors, r.fatals)
	}
	if got, _ := read(t, path); got != "new\n" {
		t.Errorf("golden after -update = %q, want %q", got, "new\n")
	}
	write(t, path+ActualSuffix, "stale\n")
	Check(&r, path, []byte("newer\n"))
	if got, _ := read(t, path); got != "newer\n" {
		t.Errorf("golden after second -update = %q", got)
	}
	if _, ok := read(t, path+ActualSuffix); ok {
		t.Error("-update left a stale .actual file")
	}
	if !Update() {
		t.Error("Update() = false under -update")
	}
}
