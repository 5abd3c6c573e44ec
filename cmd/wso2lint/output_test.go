package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// shortWriter accepts limit bytes, then fails as a closed pipe does.
type shortWriter struct {
	buf   bytes.Buffer
	limit int
}

var errClosedPipe = errors.New("write /dev/stdout: broken pipe")

func (w *shortWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.limit {
		return 0, errClosedPipe
	}
	return w.buf.Write(p)
}

// TestStream checks the stdout side of output: the bytes the producer wrote
// in many small writes, larger in all than the buffer; a failing stdout's
// own error, whatever the producer wraps it in; the producer's error
// otherwise.
func TestStream(t *testing.T) {
	var want strings.Builder
	for i := range 30000 {
		fmt.Fprintf(&want, "%d\n", i)
	}
	produce := func(w io.Writer) error {
		for _, line := range strings.SplitAfter(want.String(), "\n") {
			if _, err := io.WriteString(w, line); err != nil {
				return fmt.Errorf("write text report: %w", err)
			}
		}
		return nil
	}
	var out bytes.Buffer
	if err := stream(&out, produce); err != nil {
		t.Fatal(err)
	}
	if out.String() != want.String() || out.Len() <= outputBufferSize {
		t.Errorf("stream wrote %d bytes, want the %d bytes produced (more than the buffer)", out.Len(), want.Len())
	}
	if err := stream(&shortWriter{limit: 10}, produce); err != errClosedPipe {
		t.Errorf("stream to a closed pipe: error %v, want the pipe's own %v", err, errClosedPipe)
	}
	errOwn := errors.New("cannot format")
	if err := stream(io.Discard, func(io.Writer) error { return errOwn }); err != errOwn {
		t.Errorf("stream with a failing producer: error %v, want %v", err, errOwn)
	}
}
