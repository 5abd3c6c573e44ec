package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWriteFromStreams checks that WriteFrom writes what the producer writes,
// in many small writes larger in all than the buffer, and that the file
// exists only once the producer is done.
func TestWriteFromStreams(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	var want strings.Builder
	err := Writer{}.WriteFrom(context.Background(), path, 0o644, func(w io.Writer) error {
		for i := range 20000 {
			line := fmt.Sprintf("line %d\n", i)
			want.WriteString(line)
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
			if i == 10000 {
				if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
					return fmt.Errorf("target exists while the output is produced: %v", err)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want.Len() <= copyBufferSize || string(got) != want.String() {
		t.Errorf("file holds %d bytes, want the %d bytes produced (more than the %d-byte buffer)", len(got), want.Len(), copyBufferSize)
	}
}

// TestWriteFromProducerError checks that a producer failing half-way leaves
// the old file and no temporary file, and that its error is returned as is.
func TestWriteFromProducerError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	errProduce := errors.New("the findings could not be formatted")
	err := Writer{}.WriteFrom(context.Background(), path, 0o644, func(w io.Writer) error {
		if _, err := w.Write([]byte(strings.Repeat("partial ", copyBufferSize))); err != nil {
			return err
		}
		return errProduce
	})
	if err != errProduce {
		t.Fatalf("WriteFrom error = %v, want the producer's own", err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "old content" {
		t.Errorf("content after a failed producer = %.40q, want the old content", got)
	}
	if diff := cmp.Diff([]string{"out.txt"}, entries(t, dir)); diff != "" {
		t.Errorf("temporary file left behind (-want +got):\n%s", diff)
	}
}

// TestWriteFromFileError checks that a producer that fails because the
// temporary file cannot be written gets the error Write gives ("write
// PATH: ..."), whatever the producer wraps it in.
func TestWriteFromFileError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	create := func(dir, pattern string) (file, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &failingFile{File: f, failAt: "write"}, nil
	}
	produce := func(w io.Writer) error {
		if _, err := w.Write([]byte(strings.Repeat("x", 2*copyBufferSize))); err != nil {
			return fmt.Errorf("write json report: %w", err)
		}
		return nil
	}
	err := write(context.Background(), path, produce, 0o644, create, nil)
	if !errors.Is(err, errInjected) || !strings.HasPrefix(err.Error(), "write "+path+": ") {
		t.Fatalf("WriteFrom error = %v, want %q wrapping the injected failure", err, "write "+path+": ...")
	}
	if diff := cmp.Diff([]string(nil), entries(t, dir)); diff != "" {
		t.Errorf("files left behind (-want +got):\n%s", diff)
	}
}
