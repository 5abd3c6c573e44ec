//go:build unix

package regfile

import "syscall"

// Open flags: O_NONBLOCK so that opening a FIFO never waits for a writer,
// O_NOFOLLOW for OpenNoFollow.
const (
	oNonblock = syscall.O_NONBLOCK
	oNoFollow = syscall.O_NOFOLLOW
)
