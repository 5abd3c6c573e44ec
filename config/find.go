package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Find looks for FileName in start (a directory, or a file whose directory is
// used) and then in each parent directory up to the file system root. It
// stops at the first file found, and after checking a directory that holds
// .git (the top of a repository). It returns the path of the file, or "" when
// there is none or start does not exist; an error only when a directory
// cannot be examined.
func Find(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("find config from %s: %w", start, err)
	}
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		// No home there: reading the home reports that, naming the path as given.
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	if !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		p := filepath.Join(dir, FileName)
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			return "", fmt.Errorf("find config: %s is a directory", p)
		case err == nil:
			return p, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("find config: %w", err)
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("find config: %w", err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}
