// Package live reads the sockets open on a host: from the kernel's tables
// (/proc/net/tcp, tcp6, udp, udp6, with the owning process found through
// /proc/PID/fd where permitted) or from a saved `ss -ltnup` output (for a
// container or a remote host). Both are parsers of untrusted text: a line
// that does not parse is an error naming the file and line.
//
// It imports only internal/model and internal/regfile.
package live
