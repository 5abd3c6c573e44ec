//go:build unix

package regfile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fixture makes a directory holding one file of every kind.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "regular"), []byte("content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A unix socket path must be short: listen from inside dir.
	t.Chdir(dir)
	l, err := net.Listen("unix", "socket")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	for link, target := range map[string]string{
		"link-regular": "regular", "link-fifo": "fifo", "link-zero": "/dev/zero", "link-gone": "gone",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestOpen(t *testing.T) {
	dir := fixture(t)
	cases := []struct {
		name     string
		file     string
		noFollow bool
		want     string // "" for success: the error text otherwise
		is       error
	}{
		{name: "regular", file: "regular"},
		{name: "link to regular", file: "link-regular"},
		{name: "directory", file: "dir", want: "open DIR/dir: is a directory, expected a file", is: ErrIsDir},
		{name: "fifo", file: "fifo", want: "open DIR/fifo: not a regular file: named pipe (FIFO)", is: ErrNotRegular},
		{name: "socket", file: "socket", want: "open DIR/socket: not a regular file: socket", is: ErrNotRegular},
		{name: "device", file: "/dev/zero", want: "open /dev/zero: not a regular file: character device", is: ErrNotRegular},
		{name: "link to fifo", file: "link-fifo", want: "open DIR/link-fifo: not a regular file: named pipe (FIFO)", is: ErrNotRegular},
		{name: "link to device", file: "link-zero", want: "open DIR/link-zero: not a regular file: character device", is: ErrNotRegular},
		{name: "missing", file: "gone", want: "open DIR/gone: no such file or directory", is: fs.ErrNotExist},
		{name: "dangling link", file: "link-gone", want: "open DIR/link-gone: no such file or directory", is: fs.ErrNotExist},
		{name: "no follow: regular", file: "regular", noFollow: true},
		{name: "no follow: link", file: "link-regular", noFollow: true, want: "open DIR/link-regular: not a regular file: symbolic link", is: ErrNotRegular},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			name := tc.file
			if !filepath.IsAbs(name) {
				name = filepath.Join(dir, name)
			}
			start := time.Now()
			var f *os.File
			var fi fs.FileInfo
			var err error
			if tc.noFollow {
				f, fi, err = OpenNoFollow(name)
			} else {
				f, fi, err = Open(name)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
			if tc.want == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				defer f.Close()
				if !fi.Mode().IsRegular() || fi.Size() != int64(len("content\n")) {
					t.Errorf("FileInfo = %v, size %d", fi.Mode(), fi.Size())
				}
				return
			}
			if err == nil {
				f.Close()
				t.Fatalf("opened %s, want error %q", name, tc.want)
			}
			got := strings.ReplaceAll(err.Error(), dir, "DIR")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.is)
			}
			var pe *fs.PathError
			if !errors.As(err, &pe) || pe.Path != name {
				t.Errorf("error %#v is no *fs.PathError naming %s", err, name)
			}
		})
	}
}

// TestOpenFIFOSwappedIn replaces the checked regular file by a FIFO between
// the check and the open: the open must not block, and the fstat refuses it.
func TestOpenFIFOSwappedIn(t *testing.T) {
	dir := fixture(t)
	name := filepath.Join(dir, "regular")
	for _, noFollow := range []bool{false, true} {
		if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			f, _, err := open(name, noFollow, func() {
				if err := os.Remove(name); err != nil {
					t.Error(err)
				}
				if err := syscall.Mkfifo(name, 0o644); err != nil {
					t.Error(err)
				}
			})
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "named pipe") {
				t.Errorf("noFollow=%v: err = %v, want a refused named pipe", noFollow, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("noFollow=%v: open blocked on a FIFO swapped in after the check", noFollow)
		}
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := fixture(t)
	name := filepath.Join(dir, "regular")
	cases := []struct {
		name  string
		limit int64
		want  string
		err   string
	}{
		{name: "no limit", limit: 0, want: "content\n"},
		{name: "at the limit", limit: 8, want: "content\n"},
		{name: "above the limit", limit: 7, err: "read DIR/regular: file too large: 8 bytes, larger than the limit of 7 bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadFile(name, tc.limit)
			if tc.err != "" {
				if err == nil || strings.ReplaceAll(err.Error(), dir, "DIR") != tc.err || !errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("content (-want +got):\n%s", diff)
			}
			// AppendFile: the same after what the buffer holds.
			got, err = AppendFile([]byte("head:"), name, tc.limit)
			if diff := cmp.Diff("head:"+tc.want, string(got)); err != nil || diff != "" {
				t.Errorf("AppendFile: %v (-want +got):\n%s", err, diff)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(dir, "fifo"), 0); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(fifo) = %v, want ErrNotRegular", err)
	}
}
