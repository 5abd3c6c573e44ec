//go:build unix

package config

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestIrregularFiles checks that a named pipe or a device given as the config
// file or the baseline is refused at once, naming the file, instead of
// blocking until someone writes to it.
func TestIrregularFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), FileName)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		read func(string) error
		file string
		want string
	}{
		{"config fifo", func(p string) error { _, err := Load(p); return err }, fifo, "read config: open " + fifo + ": not a regular file: named pipe (FIFO)"},
		{"config device", func(p string) error { _, err := Load(p); return err }, "/dev/zero", "read config: open /dev/zero: not a regular file: character device"},
		{"baseline fifo", func(p string) error { _, err := ReadBaseline(p); return err }, fifo, "read baseline: open " + fifo + ": not a regular file: named pipe (FIFO)"},
		{"baseline directory", func(p string) error { _, err := ReadBaseline(p); return err }, filepath.Dir(fifo), "read baseline: open " + filepath.Dir(fifo) + ": is a directory, expected a file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- tc.read(tc.file) }()
			select {
			case err := <-done:
				if err == nil || err.Error() != tc.want {
					t.Errorf("err = %v, want %q", err, tc.want)
				}
				if err != nil && strings.Contains(err.Error(), "\n") {
					t.Errorf("error is not one line: %q", err)
				}
			case <-time.After(time.Second):
				t.Fatalf("reading %s blocked", tc.file)
			}
		})
	}
}
