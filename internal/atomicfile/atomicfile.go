package atomicfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// staleAge is how old a temporary file of a process that still runs must be
// before Write takes it for stale: a write takes moments, so a temporary file
// this old whose process id is in use belongs to a process that reused the id
// of one killed mid-write.
const staleAge = time.Hour

// file is the part of *os.File that write uses; tests substitute a failing one.
type file interface {
	Name() string
	Write(p []byte) (int, error)
	Sync() error
	Chmod(mode os.FileMode) error
	Close() error
}

// createFunc creates a temporary file in dir, as os.CreateTemp does.
type createFunc func(dir, pattern string) (file, error)

func createTemp(dir, pattern string) (file, error) { return os.CreateTemp(dir, pattern) }

// Writer replaces files atomically. The zero value is ready to use.
type Writer struct {
	// AfterCreate, when set, runs once the temporary file exists, before the
	// data is written to it; an error from it aborts the write (and the
	// temporary file is removed). The CLI's test hook uses it to hold a write
	// open while a test sends a signal.
	AfterCreate func(ctx context.Context, tmp string) error
}

// Write replaces the file at path with data, as Writer.Write does.
func Write(ctx context.Context, path string, data []byte, perm os.FileMode) error {
	return Writer{}.Write(ctx, path, data, perm)
}

// Write replaces the file at path with data. It writes a temporary file in the
// same directory, named ".BASE.tmp-PID-RANDOM" (BASE the target's name, PID
// this process's), flushes it to disk and renames it over path, so the change is atomic on POSIX file systems. On any
// error, and when ctx is done before the rename (a signal), the temporary file
// is removed and an existing file at path is left untouched.
//
// Before it writes, it removes the stale temporary files of earlier writes to
// path (see removeStale): a process killed with SIGKILL cannot clean up.
//
// A new file gets perm as given (the umask does not apply); an existing file
// keeps its permission bits. When path is a symbolic link, the file it points
// to is replaced and the link is kept.
func (w Writer) Write(ctx context.Context, path string, data []byte, perm os.FileMode) error {
	return write(ctx, path, writeBytes(data), perm, createTemp, w.AfterCreate)
}

// WriteFrom replaces the file at path with what produce writes, as Write
// does with data: produce writes to the temporary file (through a buffer) as
// it makes its output, so that the output is never held whole in memory. An
// error from produce leaves no file behind and path untouched, as any other
// error does; when it is an error writing the temporary file, WriteFrom
// returns that error as Write would ("write PATH: ...").
func (w Writer) WriteFrom(ctx context.Context, path string, perm os.FileMode, produce func(io.Writer) error) error {
	return write(ctx, path, produce, perm, createTemp, w.AfterCreate)
}

// writeBytes is a producer of data.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// fileWriter writes to a file and keeps the first error, so that the error
// of a producer that failed because the file could not be written is told
// apart from its own.
type fileWriter struct {
	f   file
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	w.err = err
	return n, err
}

// copyBufferSize is the buffer between a producer and the temporary file.
const copyBufferSize = 64 << 10

func write(ctx context.Context, path string, produce func(io.Writer) error, perm os.FileMode, create createFunc, afterCreate func(context.Context, string) error) (err error) {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	mode := perm.Perm()
	if fi, err := os.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("write %s: not a regular file", path)
		}
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: %w", path, err)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStale(target, time.Now())
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := create(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				_ = f.Close()
			}
			_ = os.Remove(tmp)
		}
	}()
	// step stops the write once ctx is done; the deferred function removes
	// the temporary file.
	step := func() error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if afterCreate != nil {
		if err = afterCreate(ctx, tmp); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err = step(); err != nil {
		return err
	}
	fw := &fileWriter{f: f}
	bw := bufio.NewWriterSize(fw, copyBufferSize)
	if err = produce(bw); err == nil {
		err = bw.Flush()
	}
	if fw.err != nil {
		return fmt.Errorf("write %s: %w", path, fw.err)
	}
	if err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: sync: %w", path, err)
	}
	closed = true
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: close: %w", path, err)
	}
	if err = step(); err != nil {
		return err
	}
	if err = os.Rename(tmp, target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// tempPrefix is the start of every temporary file name for a target named
// base: ".BASE.tmp-". The full name is ".BASE.tmp-PID-RANDOM", both numbers
// in decimal.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// tempPID reports whether name is the name of a temporary file Write makes
// for a target named base (".BASE.tmp-PID-RANDOM") and returns the PID.
func tempPID(base, name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, tempPrefix(base))
	if !ok {
		return 0, false
	}
	pidText, random, ok := strings.Cut(rest, "-")
	if !ok || !digits(pidText) || !digits(random) {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 || pid > 1<<22 {
		return 0, false // beyond Linux's PID_MAX_LIMIT: not a PID we wrote
	}
	return pid, true
}

func digits(s string) bool {
	if s == "" || len(s) > 10 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// removeStale removes the temporary files that writes to target left behind
// when their process was killed: names that match ".BASE.tmp-PID-RANDOM"
// exactly, next to target, that are regular files (not links) owned by the
// current user, and either name a PID that no process has, or are older than
// staleAge at now. The temporary file of a write still in progress, in this
// process or another, is never removed (unless it is older than staleAge).
// It is best effort: what cannot be examined or removed is left.
func removeStale(target string, now time.Time) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	uid := os.Getuid()
	for _, e := range entries {
		pid, ok := tempPID(base, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if !ownedBy(fi, uid) {
			continue
		}
		if processExists(pid) && now.Sub(fi.ModTime()) < staleAge {
			continue
		}
		_ = os.Remove(filepath.Join(dir, e.Name()))
	}
}

// resolve follows a symbolic link at path to the file it names, so that the
// link survives the rename. A missing path is returned as it is.
func resolve(path string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return target, nil
}

// syncDir flushes the directory entry of the rename to disk. It is best effort:
// some systems cannot sync a directory, and the data itself is already safe.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
