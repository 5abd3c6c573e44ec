package regfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
)

// ErrIsDir is the error for a directory where a file was expected.
var ErrIsDir = errors.New("is a directory, expected a file")

// ErrNotRegular is the error for a file that is neither a regular file nor a
// directory (a named pipe, socket or device). The error returned wraps it and
// names the kind of file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the error ReadFile returns for a file above its limit; the
// error returned wraps it and gives the size and the limit.
var ErrTooLarge = errors.New("file too large")

// Open opens the regular file name for reading, following symbolic links. It
// returns the file and what fstat says about the opened descriptor. Anything
// but a regular file is refused without being opened for a blocking read.
func Open(name string) (*os.File, fs.FileInfo, error) {
	return open(name, false, nil)
}

// OpenNoFollow is Open for a name that must not be a symbolic link itself:
// a link at name is refused (links in the directories above it are followed).
func OpenNoFollow(name string) (*os.File, fs.FileInfo, error) {
	return open(name, true, nil)
}

// OpenNoFollowStat is OpenNoFollow for a name the caller has just looked at
// with os.Lstat, which gave lfi: the check before opening uses lfi instead of
// a second Lstat of the same name (a home's reader resolves each file before
// reading it). The descriptor is checked after opening as always.
func OpenNoFollowStat(name string, lfi fs.FileInfo) (*os.File, fs.FileInfo, error) {
	return openStat(name, true, lfi, nil)
}

// open is Open or OpenNoFollow; beforeOpen, when set, runs between the check
// and the open (tests swap the file there).
func open(name string, noFollow bool, beforeOpen func()) (*os.File, fs.FileInfo, error) {
	return openStat(name, noFollow, nil, beforeOpen)
}

// openStat is open with what a stat of name gave, when the caller has it
// (nil: stat name first).
func openStat(name string, noFollow bool, fi fs.FileInfo, beforeOpen func()) (*os.File, fs.FileInfo, error) {
	stat := os.Stat
	flag := os.O_RDONLY | oNonblock
	if noFollow {
		stat = os.Lstat
		flag |= oNoFollow
	}
	if fi == nil {
		var err error
		if fi, err = stat(name); err != nil {
			return nil, nil, openErr(name, err)
		}
	}
	if err := Check(fi); err != nil {
		return nil, nil, openErr(name, err)
	}
	if beforeOpen != nil {
		beforeOpen()
	}
	// O_NONBLOCK: a FIFO put in place since the check opens at once instead
	// of waiting for a writer, and the fstat below refuses it. It changes
	// nothing for a regular file, whose reads never block on it.
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return nil, nil, openErr(name, err)
	}
	fi, err = f.Stat()
	if err == nil {
		err = Check(fi)
	}
	if err != nil {
		_ = f.Close()
		return nil, nil, openErr(name, err)
	}
	return f, fi, nil
}

// Check returns nil when fi describes a regular file, ErrIsDir for a
// directory and an error wrapping ErrNotRegular, naming the kind, otherwise.
func Check(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return ErrIsDir
	}
	return fmt.Errorf("%w: %s", ErrNotRegular, Kind(m))
}

// Kind names the type of a file mode for people: "named pipe (FIFO)",
// "socket", "character device", ...
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "directory"
	case m.IsRegular():
		return "regular file"
	}
	return "irregular file"
}

// ReadFile reads the whole regular file name, as os.ReadFile does for a
// regular file. A limit above zero bounds its size: a larger file (or one
// that grows past the limit while it is read) gives an error wrapping
// ErrTooLarge.
func ReadFile(name string, limit int64) ([]byte, error) {
	data, err := AppendFile(nil, name, limit)
	if err != nil {
		return nil, err
	}
	return data, nil
}

// AppendFile is ReadFile appending the file to dst, so that a caller reading
// many files can reuse one buffer. On an error what it returns holds dst and
// part of the file, or dst alone.
func AppendFile(dst []byte, name string, limit int64) ([]byte, error) {
	f, fi, err := Open(name)
	if err != nil {
		return dst, err
	}
	defer f.Close()
	if limit > 0 && fi.Size() > limit {
		return dst, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: %d bytes, larger than the limit of %d bytes", ErrTooLarge, fi.Size(), limit)}
	}
	n := len(dst)
	data, err := AppendAll(dst, f, fi.Size(), limit)
	if err != nil {
		return data, err
	}
	if limit > 0 && int64(len(data)-n) > limit {
		return data, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: grew past the limit of %d bytes while it was being read", ErrTooLarge, limit)}
	}
	return data, nil
}

// ReadAll reads r to its end, as io.ReadAll does, into one buffer sized for
// size bytes (a regular file's size as Stat gave it) and one more, so that a
// file read whole takes one allocation and two reads instead of the dozen of
// doubling appends io.ReadAll makes from 512 bytes (issue 15: 18 % of reading
// a home). A file that grew or shrank since is still read whole. A limit above
// zero stops reading at limit+1 bytes: the caller sees more than limit bytes
// and reports the file as too large.
func ReadAll(r io.Reader, size, limit int64) ([]byte, error) {
	return AppendAll(nil, r, size, limit)
}

// AppendAll is ReadAll appending what it reads to dst, which it grows only
// when it has less room than size bytes and one more.
func AppendAll(dst []byte, r io.Reader, size, limit int64) ([]byte, error) {
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
		size = min(size, limit)
	}
	buf := slices.Grow(dst, int(max(size, 0))+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file is longer than it was
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// openErr makes err a *fs.PathError with Op "open" naming name.
func openErr(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: "open", Path: name, Err: err}
}
