//go:build unix

package parse

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// hostileFIFO returns a setup that replaces rel by a named pipe no one writes to.
func hostileFIFO(rel string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileSocket returns a setup that replaces rel by a listening unix socket.
func hostileSocket(rel string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		// A socket path is limited to about 100 bytes: listen from its directory.
		t.Chdir(filepath.Dir(p))
		l, err := net.Listen("unix", filepath.Base(p))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
	}
}
