package live

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
)

// ReadSS reads a saved `ss -ltnup` output (or -ltn, -lun, with or without
// -p) from the regular file name.
func ReadSS(name string) (model.Live, error) {
	data, err := regfile.ReadFile(name, MaxTableSize)
	if err != nil {
		return model.Live{}, err
	}
	socks, err := ParseSS(name, data)
	return model.Live{Sockets: socks, Source: name}, err
}

// ssUser is the first process of a users:((...)) column.
var ssUser = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`users:\(\("((?:[^"\\]|\\.)*)",pid=([0-9]+)`) })

// ParseSS parses the output of `ss -l` with numeric ports (-n), with or
// without the Netid column (-t and -u together print it) and the process
// column (-p): TCP sockets in LISTEN, UDP sockets in UNCONN. Other socket
// kinds (unix, raw) are skipped. A line that does not parse is an error
// naming name and the line.
func ParseSS(name string, data []byte) ([]model.Socket, error) {
	var out []model.Socket
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "Netid" || f[0] == "State" {
			continue
		}
		bad := func(what string) ([]model.Socket, error) {
			return nil, fmt.Errorf("%s:%d: %s in ss output line %q (want the output of ss -ltnup)", name, i+1, what, clip(line))
		}
		var proto model.Protocol
		switch strings.ToLower(f[0]) {
		case "tcp", "udp":
			proto, _ = model.ParseProtocol(f[0])
			f = f[1:]
		case "listen":
			proto = model.ProtoTCP
		case "unconn":
			proto = model.ProtoUDP
		case "u_str", "u_dgr", "u_seq", "raw", "p_raw", "p_dgr", "nl", "sctp", "mptcp", "tipc", "v_str", "v_dgr", "xdp":
			continue
		default:
			return bad("unknown socket kind " + strconv.Quote(f[0]))
		}
		if len(f) < 5 {
			return bad("too few columns")
		}
		state := strings.ToUpper(f[0])
		if (proto == model.ProtoTCP && state != "LISTEN") || (proto == model.ProtoUDP && state != "UNCONN") {
			continue
		}
		addr, port, err := ssAddrPort(f[3])
		if err != nil {
			return bad(err.Error())
		}
		s := model.Socket{Proto: proto, Addr: model.IPOf(addr), Port: model.Port(port), Pos: model.Pos{File: name, Line: i + 1, Col: 1}}
		if m := ssUser().FindStringSubmatch(line); m != nil {
			if pid, err := strconv.Atoi(m[2]); err == nil {
				s.PID, s.Process = pid, m[1]
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// ssAddrPort parses ss's local address column: "0.0.0.0:9443", "*:9763",
// "[::]:9999", "[::ffff:127.0.0.1]:9443", "127.0.0.53%lo:53",
// "[fe80::1]%eth0:123".
func ssAddrPort(s string) (netip.Addr, uint16, error) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return netip.Addr{}, 0, fmt.Errorf("no port in %q", s)
	}
	host, p := s[:i], s[i+1:]
	port, err := strconv.ParseUint(p, 10, 16)
	if err != nil || port == 0 {
		return netip.Addr{}, 0, fmt.Errorf("port %q is not a number from 1 to 65535 (run ss with -n)", p)
	}
	if j := strings.IndexByte(host, '%'); j >= 0 {
		host = host[:j] // the interface of a link-local or device-bound address
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "*" {
		return netip.IPv6Unspecified(), uint16(port), nil
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, 0, fmt.Errorf("address %q", host)
	}
	return a.Unmap(), uint16(port), nil
}
