//go:build !unix

package parse

import "testing"

// hostileFIFO: no named pipes to test here.
func hostileFIFO(string) func(t *testing.T, dir string) {
	return func(t *testing.T, _ string) { t.Skip("no named pipes on this system") }
}

// hostileSocket: no unix sockets to test here.
func hostileSocket(string) func(t *testing.T, dir string) {
	return func(t *testing.T, _ string) { t.Skip("no unix sockets on this system") }
}
