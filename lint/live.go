package lint

import (
	"fmt"

	"github.com/wso2lint/wso2lint/internal/model"
)

// liveView is what the live rules know of one server on the host: its
// expected listeners, the sockets that hold their ports, and the process
// taken to be the server.
type liveView struct {
	// expected are the server's enabled inbound listeners.
	expected []model.Listener
	// held[i] are the sockets on the port and protocol of expected[i].
	held [][]model.Socket
	// pid is the process holding most of the expected ports (0: unknown,
	// when the sockets carry no process, or none is held).
	pid int
	// process is its command name.
	process string
	// any reports whether a socket holds any expected port.
	any bool
}

// liveOf builds the live view of server s from the sockets of the host.
func liveOf(s *model.Server, live *model.Live) liveView {
	var v liveView
	count := map[int]int{}
	names := map[int]string{}
	for _, l := range s.Listeners {
		if !l.Enabled || l.Dir != model.DirIn {
			continue
		}
		var held []model.Socket
		for _, sock := range live.Sockets {
			if sock.Proto == l.Proto && l.Contains(sock.Port) {
				held = append(held, sock)
				if sock.PID != 0 {
					count[sock.PID]++
					names[sock.PID] = sock.Process
				}
			}
		}
		v.any = v.any || len(held) > 0
		v.expected = append(v.expected, l)
		v.held = append(v.held, held)
	}
	for pid, n := range count {
		if n > count[v.pid] || (n == count[v.pid] && pid < v.pid) {
			v.pid = pid
		}
	}
	v.process = names[v.pid]
	return v
}

// ofServer reports whether sock belongs to the server's process: it does
// when its process is the server's, or when processes are unknown.
func (v liveView) ofServer(sock model.Socket) bool {
	return sock.PID == 0 || v.pid == 0 || sock.PID == v.pid
}

// processText names a process: `java (pid 4242)`.
func processText(name string, pid int) string {
	if name == "" {
		name = "process"
	}
	return fmt.Sprintf("%s (pid %d)", name, pid)
}

// socketText is the address and port of a socket: "0.0.0.0:9443/tcp".
func socketText(s model.Socket) string {
	a := s.Addr.String()
	if s.Addr.Addr().Is6() {
		a = "[" + a + "]"
	}
	return fmt.Sprintf("%s:%d/%s", a, s.Port, s.Proto)
}

// serverPos is where a finding about a server as a whole points: its
// offset's position, else the first listener's source.
func serverPos(s *model.Server) model.Pos {
	if s.Offset.Pos.File != "" {
		return s.Offset.Pos
	}
	for _, l := range s.Listeners {
		if l.Source.File != "" {
			return l.Source
		}
	}
	return model.Pos{}
}
