//go:build !unix

package regfile

// Elsewhere (Windows) opening a file does not block on a pipe and the
// checks before and after opening are all there is.
const (
	oNonblock = 0
	oNoFollow = 0
)
