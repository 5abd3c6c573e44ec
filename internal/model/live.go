package model

// Socket is one socket seen open on a host: a TCP socket listening, or a UDP
// socket bound, as the kernel lists it (/proc/net/tcp) or `ss -ltnup`
// printed it.
type Socket struct {
	// Proto is tcp or udp.
	Proto Protocol
	// Addr is the local address the socket is bound to; unspecified
	// (0.0.0.0, ::) for every interface.
	Addr IP
	// Port is the local port.
	Port Port
	// PID is the process holding the socket; 0 when it is not known (no
	// permission to read the process, or ss ran without -p).
	PID int
	// Process is the command name of PID ("java"), when known.
	Process string
	// Pos is where the socket was read: the file (/proc/net/tcp6, or the
	// saved ss output as given) and its line.
	Pos Pos
}

// Live is the sockets open on the host at one moment.
type Live struct {
	// Sockets are in the order they were read.
	Sockets []Socket
	// Source says where they were read: "/proc" or the file of --live-from.
	Source string
}

// Wider reports whether s, bound to every interface, is wider than bind,
// a specific address a listener was configured with.
func (s Socket) Wider(bind IP) bool {
	return s.Addr.Addr().IsUnspecified() && bind.Addr().IsValid() && !bind.Addr().IsUnspecified()
}
