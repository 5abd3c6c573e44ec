package atomicfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// entries lists the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWrite(t *testing.T) {
	cases := []struct {
		name     string
		old      *string // nil: no file before
		oldPerm  os.FileMode
		perm     os.FileMode
		wantPerm os.FileMode
	}{
		{name: "new file gets perm", perm: 0o640, wantPerm: 0o640},
		{name: "existing file keeps its mode", old: ptr("old content\n"), oldPerm: 0o600, perm: 0o644, wantPerm: 0o600},
		{name: "longer old content is gone", old: ptr(strings.Repeat("x", 10000)), oldPerm: 0o644, perm: 0o600, wantPerm: 0o644},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.txt")
			if tc.old != nil {
				if err := os.WriteFile(path, []byte(*tc.old), tc.oldPerm); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tc.oldPerm); err != nil {
					t.Fatal(err)
				}
			}
			if err := Write(context.Background(), path, []byte("new content\n"), tc.perm); err != nil {
				t.Fatalf("Write: %v", err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff("new content\n", string(got)); diff != "" {
				t.Errorf("content mismatch (-want +got):\n%s", diff)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != tc.wantPerm {
				t.Errorf("mode = %v, want %v", fi.Mode().Perm(), tc.wantPerm)
			}
			if diff := cmp.Diff([]string{"out.txt"}, entries(t, dir)); diff != "" {
				t.Errorf("directory entries mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteKeepsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", link); err != nil {
		t.Skipf("cannot create a symbolic link: %v", err)
	}
	if err := Write(context.Background(), link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.txt is no longer a symbolic link (err %v)", err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("real.txt = %q, want %q", got, "new")
	}
	if diff := cmp.Diff([]string{"link.txt", "real.txt"}, entries(t, dir)); diff != "" {
		t.Errorf("directory entries mismatch (-want +got):\n%s", diff)
	}
}

// failingFile wraps a real temporary file and fails at one step.
type failingFile struct {
	*os.File
	failAt string
}

var errInjected = errors.New("injected failure")

func (f *failingFile) Write(p []byte) (int, error) {
	if f.failAt == "write" {
		n, _ := f.File.Write(p[:len(p)/2]) // a partial write, as a full disk gives
		return n, errInjected
	}
	return f.File.Write(p)
}

func (f *failingFile) Sync() error {
	if f.failAt == "sync" {
		return errInjected
	}
	return f.File.Sync()
}

func (f *failingFile) Close() error {
	err := f.File.Close()
	if f.failAt == "close" {
		return errInjected
	}
	return err
}

func TestWriteFailureLeavesOldFile(t *testing.T) {
	for _, step := range []string{"write", "sync", "close"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "baseline.json")
			if err := os.WriteFile(path, []byte("old content"), 0o644); err != nil {
				t.Fatal(err)
			}
			create := func(dir, pattern string) (file, error) {
				f, err := os.CreateTemp(dir, pattern)
				if err != nil {
					return nil, err
				}
				return &failingFile{File: f, failAt: step}, nil
			}
			err := write(context.Background(), path, writeBytes([]byte("new content that is long enough")), 0o644, create, nil)
			if !errors.Is(err, errInjected) {
				t.Fatalf("write error = %v, want the injected failure", err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != "old content" {
				t.Errorf("content after a failed write = %q, want the old content", got)
			}
			if diff := cmp.Diff([]string{"baseline.json"}, entries(t, dir)); diff != "" {
				t.Errorf("temporary file left behind (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteOverDirectory(t *testing.T) {
	// A directory is not replaced by a file: Write must fail and leave the
	// directory, its content and no temporary file behind.
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), path, []byte("data"), 0o644); err == nil {
		t.Fatal("Write over a directory succeeded")
	}
	if diff := cmp.Diff([]string{"out"}, entries(t, dir)); diff != "" {
		t.Errorf("directory entries mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"keep"}, entries(t, path)); diff != "" {
		t.Errorf("directory content changed (-want +got):\n%s", diff)
	}
}

func TestWriteMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "out.txt")
	err := Write(context.Background(), path, []byte("data"), 0o644)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Write into a missing directory = %v, want an error naming the path", err)
	}
}

func ptr(s string) *string { return &s }
