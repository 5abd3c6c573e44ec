package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

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

// Write replaces the file at path with data. It writes a temporary file in the
// same directory, flushes it to disk and renames it over path, so the change is
// atomic on POSIX file systems. On any error the temporary file is removed and
// an existing file at path is left untouched.
//
// A new file gets perm as given (the umask does not apply); an existing file
// keeps its permission bits. When path is a symbolic link, the file it points
// to is replaced and the link is kept.
func Write(ctx context.Context, path string, data []byte, perm os.FileMode) error {
	return write(path, data, perm, createTemp)
}

func write(path string, data []byte, perm os.FileMode, create createFunc) (err error) {
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
	f, err := create(dir, "."+base+".tmp-*")
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
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
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
	if err = os.Rename(tmp, target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
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
