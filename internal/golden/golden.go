package golden

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/google/go-cmp/cmp"
)

// ActualSuffix is appended to a golden file's path to name the file that
// holds the actual output after a mismatch.
const ActualSuffix = ".actual"

var update = flag.Bool("update", false, "rewrite golden files with the current output (review the diff before committing)")

// Update reports whether the test binary runs with -update.
func Update() bool { return *update }

// TB is the part of testing.TB that Check uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Check compares got with the golden file at path. With -update it writes got
// to path (creating folders) instead. Without it, a missing or different golden
// file fails the test with a diff (-want +got) and leaves got in
// path+ActualSuffix; a match removes a stale path+ActualSuffix.
func Check(t TB, path string, got []byte) {
	t.Helper()
	actual := path + ActualSuffix
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		removeActual(t, actual)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		writeActual(t, actual, got)
		t.Fatalf("golden: %v; the output is in %s (run go test with -update to create the golden file)", err, actual)
		return
	}
	if bytes.Equal(want, got) {
		removeActual(t, actual)
		return
	}
	writeActual(t, actual, got)
	t.Errorf("golden: output differs from %s (-want +got):\n%s\nthe output is in %s; if the change is intended, run go test with -update and review the diff",
		path, cmp.Diff(lines(want), lines(got)), actual)
}

// lines splits b into lines, each with its newline, so that the diff of two
// files is a diff of lines.
func lines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		out = append(out, string(b[:i]))
		b = b[i:]
	}
	return out
}

func writeActual(t TB, path string, got []byte) {
	t.Helper()
	if err := os.WriteFile(path, got, 0o644); err != nil {
		t.Errorf("golden: cannot keep the actual output: %v", err)
	}
}

func removeActual(t TB, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("golden: %v", err)
	}
}
