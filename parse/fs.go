package parse

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/wso2lint/wso2lint/internal/regfile"
)

// DefaultMaxFileSize is the largest configuration file read (32 MiB).
const DefaultMaxFileSize = 32 << 20

// Error is an input error: a file that cannot be read as what it must be. The CLI
// prints it on one line and exits 2.
type Error struct {
	File string // path as the user would open it (home path joined with the relative file)
	Line int    // 0 when unknown
	Col  int    // 0 when unknown or not given
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 && e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// home gives checked access to the files of one home.
type home struct {
	dir   string // as given
	real  string // dir with symlinks resolved
	opt   *Options
	files map[string]bool // home-relative files read
	// realDirs caches the resolved real path of each home-relative directory
	// a file was read from: resolve evaluates the symbolic links of a
	// directory once, not once per file (see resolve).
	realDirs map[string]string
	// names caches the names in each home-relative directory looked into
	// (see absent); a nil set: the directory does not exist.
	names map[string]map[string]struct{}
	// misses counts the failed probes in each home-relative directory not
	// yet listed (see missed).
	misses map[string]int
	// unlisted holds the directories absent could not list (unreadable, or
	// more than maxListed entries): their paths are looked at one by one.
	unlisted map[string]bool
	// beforeOpen, when set, runs between checking a file and opening it; tests
	// use it to make a file disappear mid-scan deterministically.
	beforeOpen func(rel string)
}

func newHome(dir string, opt *Options) (*home, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{File: dir, Err: errors.New("no such product home")}
		}
		return nil, &Error{File: dir, Err: cleanErr(err)}
	}
	if !fi.IsDir() {
		return nil, &Error{File: dir, Err: errors.New("not a directory: give the product home (the folder holding repository/conf or conf)")}
	}
	// Absolute first: a relative dir is resolved with the working directory,
	// which may itself be reached through a symbolic link ($PWD).
	real, err := filepath.Abs(dir)
	if err != nil {
		return nil, &Error{File: dir, Err: cleanErr(err)}
	}
	real, err = filepath.EvalSymlinks(real)
	if err != nil {
		return nil, &Error{File: dir, Err: cleanErr(err)}
	}
	return &home{dir: dir, real: real, opt: opt, files: map[string]bool{}}, nil
}

// display returns the path of a home-relative file as the user would open it.
func (h *home) display(rel string) string {
	return filepath.ToSlash(filepath.Join(h.dir, filepath.FromSlash(rel)))
}

func (h *home) errorf(rel string, line int, format string, args ...any) error {
	return &Error{File: h.display(rel), Line: line, Err: fmt.Errorf(format, args...)}
}

// resolve checks rel and returns the real path to open. ok is false when the file
// does not exist (which is not an error: most files are optional). lfi is what
// Lstat said of the path returned when that path is the one looked at (no
// symbolic link at rel itself), so that opening it need not look again; nil
// otherwise.
func (h *home) resolve(rel string) (string, fs.FileInfo, bool, error) {
	if h.absent(rel) {
		return "", nil, false, nil
	}
	full := filepath.Join(h.real, filepath.FromSlash(rel))
	fi, err := os.Lstat(full)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			h.missed(rel)
			return "", nil, false, nil
		}
		return "", nil, false, h.errorf(rel, 0, "%v", cleanErr(err))
	}
	target, err := h.evalSymlinks(rel, full, fi)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", nil, false, h.errorf(rel, 0, "broken symbolic link")
		}
		if isLoop(err) {
			return "", nil, false, h.errorf(rel, 0, "symbolic link loop")
		}
		return "", nil, false, h.errorf(rel, 0, "%v", cleanErr(err))
	}
	if !h.opt.FollowSymlinks && !within(h.real, target) {
		return "", nil, false, h.errorf(rel, 0, "symbolic link leaves the home (to %s); use --follow-symlinks to read it", target)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return target, nil, true, nil
	}
	return target, fi, true, nil
}

// evalSymlinks is filepath.EvalSymlinks(full) for the home-relative path
// rel, which Lstat found (fi): when full is no symbolic link itself, the
// result is its directory's real path (realDir) joined with its name. A
// link is evaluated whole, as before.
func (h *home) evalSymlinks(rel, full string, fi fs.FileInfo) (string, error) {
	if fi.Mode()&fs.ModeSymlink != 0 {
		return filepath.EvalSymlinks(full)
	}
	// full is h.real joined with rel, cleaned: ".." is taken lexically.
	clean := path.Clean(rel)
	if clean == ".." || strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
		return filepath.EvalSymlinks(full)
	}
	dir, name := path.Split(clean)
	real, err := h.realDir(path.Clean(dir))
	if err != nil {
		return "", err
	}
	return filepath.Join(real, name), nil
}

// realDir returns the real path of the home-relative directory dir (clean,
// inside the home; "." is the home), as filepath.EvalSymlinks gives it. It
// builds on its parent's real path, so that each directory of the home is
// looked at once (one Lstat) rather than every element of its absolute path
// for every file, and keeps the answers for the home's later files.
func (h *home) realDir(dir string) (string, error) {
	if dir == "." {
		return h.real, nil
	}
	if real, ok := h.realDirs[dir]; ok {
		return real, nil
	}
	parent, err := h.realDir(path.Dir(dir))
	if err != nil {
		return "", err
	}
	real := filepath.Join(parent, path.Base(dir))
	fi, err := os.Lstat(real)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		if real, err = filepath.EvalSymlinks(real); err != nil {
			return "", err
		}
	}
	if h.realDirs == nil {
		h.realDirs = map[string]string{}
	}
	h.realDirs[dir] = real
	return real, nil
}

// exists reports whether rel exists in the home (as a file or directory).
func (h *home) exists(rel string) bool {
	if h.absent(rel) {
		return false
	}
	_, err := os.Stat(filepath.Join(h.real, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		h.missed(rel)
	}
	return err == nil
}

// isDir reports whether rel is a directory of the home.
func (h *home) isDir(rel string) bool {
	if h.absent(rel) {
		return false
	}
	fi, err := os.Stat(filepath.Join(h.real, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		h.missed(rel)
	}
	return err == nil && fi.IsDir()
}

// absent reports whether the home-relative path rel is known not to exist:
// its directory holds no entry of that name, as a listing of the directory
// says. A home is probed for some sixty files that most homes lack (one start
// script per product and profile, optional configuration files), most of them
// in bin/ and the conf folder; once a directory has had listAfter failed
// probes (see missed), one listing answers the rest, where each was a failed
// stat. Names are compared exactly, as the server (Java on Linux) looks them
// up. false means "look": the entry is there, or the directory was not
// listed.
func (h *home) absent(rel string) bool {
	dir, name, ok := splitRel(rel)
	if !ok {
		return false
	}
	names, listed := h.names[dir]
	if !listed {
		return false
	}
	if names == nil {
		return true // the directory does not exist
	}
	_, there := names[name]
	return !there
}

// listAfter is the number of failed probes in one directory after which
// absent lists it: a listing costs about as much as four stats.
const listAfter = 4

// missed records that rel was found not to exist, and lists its directory
// for absent once it has had listAfter such misses.
func (h *home) missed(rel string) {
	dir, _, ok := splitRel(rel)
	if !ok || h.unlisted[dir] {
		return
	}
	if _, listed := h.names[dir]; listed {
		return
	}
	if h.misses == nil {
		h.misses = map[string]int{}
	}
	h.misses[dir]++
	if h.misses[dir] < listAfter {
		return
	}
	names, err := listNames(filepath.Join(h.real, filepath.FromSlash(dir)))
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		names = nil
	default: // unreadable or too large a listing: keep looking one by one
		if h.unlisted == nil {
			h.unlisted = map[string]bool{}
		}
		h.unlisted[dir] = true
		return
	}
	if h.names == nil {
		h.names = map[string]map[string]struct{}{}
	}
	h.names[dir] = names
}

// splitRel splits a home-relative path into its clean directory and name;
// ok is false for a path that is not inside the home.
func splitRel(rel string) (dir, name string, ok bool) {
	clean := path.Clean(rel)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
		return "", "", false
	}
	dir, name = path.Split(clean)
	return path.Clean(dir), name, true
}

// read returns the contents of a home-relative file. ok is false when it does not exist.
func (h *home) read(rel string) (data []byte, ok bool, err error) {
	path, lfi, ok, err := h.resolve(rel)
	if err != nil || !ok {
		return nil, ok, err
	}
	if h.beforeOpen != nil {
		h.beforeOpen(rel)
		lfi = nil // the test changes the file here: look again
	}
	// regfile refuses a named pipe, socket or device before and after opening
	// it, without blocking.
	f, fi, err := regfile.OpenNoFollowStat(path, lfi)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, false, h.errorf(rel, 0, "file disappeared while it was being read")
		}
		return nil, false, h.errorf(rel, 0, "%v", cleanErr(err))
	}
	defer f.Close()
	max := h.opt.maxFileSize()
	if fi.Size() > max {
		return nil, false, h.errorf(rel, 0, "file is %d bytes, larger than the limit of %d bytes (--max-file-size)", fi.Size(), max)
	}
	data, err = regfile.ReadAll(f, fi.Size(), max)
	if err != nil {
		return nil, false, h.errorf(rel, 0, "%v", cleanErr(err))
	}
	if int64(len(data)) > max {
		return nil, false, h.errorf(rel, 0, "file grew past the limit of %d bytes (--max-file-size) while it was being read", max)
	}
	h.files[rel] = true
	return data, true, nil
}

// list returns the names of the regular files (and symlinks) in a home-relative
// directory, sorted; nil when it does not exist.
func (h *home) list(relDir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(h.real, filepath.FromSlash(relDir)))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil, nil
		}
		return nil, h.errorf(relDir, 0, "%v", cleanErr(err))
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names, nil // os.ReadDir sorts by name
}

// listDirs returns the subdirectory names of a home-relative directory, sorted.
func (h *home) listDirs(relDir string) []string {
	entries, err := os.ReadDir(filepath.Join(h.real, filepath.FromSlash(relDir)))
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

// maxListed bounds the entries absent keeps of one directory: a folder of
// thousands of deployed artifacts is not held in memory, its files are
// looked at one by one instead.
const maxListed = 4096

// errLongListing is listNames' answer for a directory of more than maxListed
// entries.
var errLongListing = errors.New("directory too large to list")

// listNames returns the set of names in the directory dir, or
// errLongListing when it holds more than maxListed entries.
func listNames(dir string) (map[string]struct{}, error) {
	// Opening a named pipe would wait for a writer: only a directory is opened.
	if fi, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, syscall.ENOTDIR
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names := map[string]struct{}{}
	for {
		batch, err := f.Readdirnames(256)
		for _, n := range batch {
			names[n] = struct{}{}
		}
		if len(names) > maxListed {
			return nil, errLongListing
		}
		if err == io.EOF {
			return names, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func within(root, target string) bool {
	if target == root {
		return true
	}
	return strings.HasPrefix(target, root+string(filepath.Separator))
}

func isLoop(err error) bool {
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(pe.Err, syscall.ELOOP) {
		return true
	}
	return errors.Is(err, syscall.ELOOP) || strings.Contains(err.Error(), "too many links")
}

// cleanErr strips the path from an *fs.PathError, since Error names the file.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
