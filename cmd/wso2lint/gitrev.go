package main

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// Limits of a home taken out of git for diff: a configuration home is a few
// megabytes; a revision naming a whole distribution with its jars stops
// here rather than filling the disk.
const (
	maxRevBytes = 512 << 20
	maxRevFiles = 200000
)

// splitRevPath splits "REV:PATH" (git's syntax for a path at a revision). A
// Windows drive letter ("C:\x") is not a revision.
func splitRevPath(arg string) (rev, p string, ok bool) {
	i := strings.IndexByte(arg, ':')
	if i <= 0 {
		return "", "", false
	}
	rev, p = arg[:i], arg[i+1:]
	if len(rev) == 1 && (strings.HasPrefix(p, `\`) || strings.HasPrefix(p, "/")) && filepath.Separator == '\\' {
		return "", "", false
	}
	if p == "" {
		p = "."
	}
	return rev, p, true
}

// checkoutRev writes the tree of p (relative to the current directory) at
// git revision rev into a new temporary directory and returns the home's
// folder there, named as p is, and a function that removes it all.
func checkoutRev(ctx context.Context, rev, p string) (dir string, cleanup func(), err error) {
	fail := func(format string, args ...any) (string, func(), error) {
		return "", func() {}, &exitError{code: exitInput, msg: fmt.Sprintf("%s:%s: ", rev, p) + fmt.Sprintf(format, args...)}
	}
	cwd, err := os.Getwd()
	if err == nil {
		cwd, err = filepath.EvalSymlinks(cwd)
	}
	if err != nil {
		return fail("%v", err)
	}
	top, err := gitOutput(ctx, cwd, "rev-parse", "--show-toplevel")
	if err != nil {
		return fail("not in a git repository: %v", err)
	}
	top = strings.TrimSpace(top)
	if t, err := filepath.EvalSymlinks(top); err == nil {
		top = t
	}
	rel, err := filepath.Rel(top, filepath.Join(cwd, p))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fail("the path is outside the git repository %s", top)
	}
	rel = filepath.ToSlash(rel)
	treeish := rev + ":" + rel
	if rel == "." {
		treeish = rev + "^{tree}"
	}
	tmp, err := os.MkdirTemp("", "wso2lint-diff-*")
	if err != nil {
		return fail("%v", err)
	}
	cleanup = func() { os.RemoveAll(tmp) }
	name := path.Base(rel)
	if name == "." || name == "/" {
		name = "home"
	}
	dir = filepath.Join(tmp, name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		cleanup()
		return fail("%v", err)
	}
	cmd := exec.CommandContext(ctx, "git", "-C", top, "archive", "--format=tar", treeish)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		cleanup()
		return fail("%v", err)
	}
	if err := cmd.Start(); err != nil {
		cleanup()
		return fail("git: %v", err)
	}
	xerr := extractTar(out, dir)
	if xerr != nil {
		// Let git stop; its own error, if any, is the one to show.
		io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	if werr != nil {
		cleanup()
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = werr.Error()
		}
		return fail("git archive: %s", firstLine(msg))
	}
	if xerr != nil {
		cleanup()
		return fail("%v", xerr)
	}
	return dir, cleanup, nil
}

// gitOutput runs git in dir and returns its standard output.
func gitOutput(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", errors.New(firstLine(msg))
		}
		return "", err
	}
	return string(out), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// extractTar writes the directories, regular files and symbolic links of a
// tar stream under dir. Names that would leave dir are refused; the total
// size and the number of entries are capped.
func extractTar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	var total int64
	for n := 0; ; n++ {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading git archive: %v", err)
		}
		if n >= maxRevFiles {
			return fmt.Errorf("more than %d files: not a configuration home", maxRevFiles)
		}
		name := path.Clean(hdr.Name)
		if name == "." || hdr.Typeflag == tar.TypeXGlobalHeader {
			continue
		}
		if path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
			return fmt.Errorf("git archive entry %q leaves the home", hdr.Name)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		switch hdr.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o700); err != nil {
				return err
			}
		case tar.TypeReg:
			total += hdr.Size
			if total > maxRevBytes {
				return fmt.Errorf("more than %d MiB of files: not a configuration home", maxRevBytes>>20)
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
				return err
			}
			f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600|os.FileMode(hdr.Mode)&0o700)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, io.LimitReader(tr, hdr.Size))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		case tar.TypeSymlink:
			// Kept as a link: the home reader applies its own symlink policy
			// (--follow-symlinks) exactly as on a working tree.
			if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
				return err
			}
			if err := os.Symlink(hdr.Linkname, target); err != nil {
				return err
			}
		}
	}
}
