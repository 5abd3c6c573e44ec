package model

import (
	"fmt"
	"net/netip"
	"strings"
)

// Port is a TCP or UDP port number. It is wider than 16 bits on purpose: a valid
// offset can push a configured port past 65535, and such a listener is reported
// as it is (the linter flags it) rather than silently wrapped.
type Port int

// MaxPort is the largest port number a socket can use.
const MaxPort Port = 65535

// Valid reports whether p can be bound by a socket (1..65535).
func (p Port) Valid() bool { return p >= 1 && p <= MaxPort }

// Protocol is a transport protocol. The zero value is invalid.
type Protocol uint8

// Protocols.
const (
	ProtoInvalid Protocol = iota
	ProtoTCP
	ProtoUDP
)

// String returns "tcp", "udp" or "invalid".
func (p Protocol) String() string {
	switch p {
	case ProtoTCP:
		return "tcp"
	case ProtoUDP:
		return "udp"
	}
	return "invalid"
}

// ParseProtocol parses "tcp" or "udp" (any case).
func ParseProtocol(s string) (Protocol, error) {
	switch strings.ToLower(s) {
	case "tcp":
		return ProtoTCP, nil
	case "udp":
		return ProtoUDP, nil
	}
	return ProtoInvalid, fmt.Errorf("unknown protocol %q", s)
}

// Direction says who opens the connection. The zero value is invalid.
type Direction uint8

// Directions.
const (
	DirInvalid Direction = iota
	// DirIn: the server listens on the port.
	DirIn
	// DirOut: the server connects to a peer on the port.
	DirOut
	// DirDevice: client devices (phones) use the port towards a third party,
	// such as the push-notification services; not a rule for the server host.
	DirDevice
)

// String returns "in", "out", "device" or "invalid".
func (d Direction) String() string {
	switch d {
	case DirIn:
		return "in"
	case DirOut:
		return "out"
	case DirDevice:
		return "device"
	}
	return "invalid"
}

// Exposure is the class of network a port should be reachable from; firewall rules
// group ports by it (DOMAIN.md §4). The zero value means unknown.
type Exposure uint8

// Exposure classes.
const (
	ExposureUnknown Exposure = iota
	ExposurePublic
	ExposureManagement
	ExposureCluster
	ExposureLocal
	ExposureOutbound
)

// Exposures lists the known classes in order, for flags and documentation.
var exposureNames = [...]string{"unknown", "public", "management", "cluster", "local", "outbound"}

// String returns the class name used on the command line ("public", "management", ...).
func (e Exposure) String() string {
	if int(e) < len(exposureNames) {
		return exposureNames[e]
	}
	return "unknown"
}

// ParseExposure parses a class name as printed by String.
func ParseExposure(s string) (Exposure, error) {
	for i, n := range exposureNames {
		if i > 0 && n == strings.ToLower(s) {
			return Exposure(i), nil
		}
	}
	return ExposureUnknown, fmt.Errorf("unknown exposure class %q (want public, management, cluster, local or outbound)", s)
}

// ListenerOrigin says whether a file of the home says it is there,
// or the distribution's stock file that an overlay leaves out opens it.
type ListenerOrigin uint8

const (
	// FromFile is a listener a file of the home configures (or whose
	// default the file's settings govern).
	FromFile ListenerOrigin = iota
	// FromDistribution is a listener of a distribution's stock file that is
	// absent from an overlay home (DOMAIN.md §9).
	FromDistribution
)

// String returns "file" or "distribution", the JSON "origin" values.
func (o ListenerOrigin) String() string {
	if o == FromDistribution {
		return "distribution"
	}
	return "file"
}

// Listener is one socket that a server opens or may open (Dir == DirIn), or one
// connection it makes to a peer (Dir == DirOut).
type Listener struct {
	// Origin says whether a file of the home or the distribution's stock
	// file (absent from an overlay) opens the listener.
	Origin ListenerOrigin
	// ID is the stable service id from the catalog: "servlet-https", "passthru-http",
	// "jmx-rmi-registry", "hazelcast-member", ...
	ID string
	// Base is the port as configured (or defaulted), before the offset.
	Base Port
	// BaseEnd is the last port of a range before the offset (Hazelcast member ports);
	// 0 for a single port.
	BaseEnd Port
	// Configured is the value as written in the file, e.g. "9443" or
	// "${Ports.JMX.RMIRegistryPort}"; empty when the port came from a default.
	Configured string
	// Offsetable reports whether the runtime adds the port offset to Base.
	Offsetable bool
	// Offset is the offset added to Base: the server offset when Offsetable, else 0.
	Offset int
	// Proto is tcp or udp.
	Proto Protocol
	// Dir is in for listening sockets, out for peers the server connects to.
	Dir Direction
	// Enabled is false for listeners that are configured but switched off.
	Enabled bool
	// Bind is the configured bind address as written; empty means all
	// interfaces.
	Bind string
	// BindAddr is Bind parsed once, by parse (ParseBind): the zero IP when
	// Bind is empty or a host name.
	BindAddr IP
	// Host is the destination host of an outbound connection as written
	// ("localhost", "am-analytics", "17.0.0.0/8"); empty for inbound listeners.
	Host string
	// HostIsRange reports that Host is an address block wso2lint itself knows
	// for the peer (Apple's 17.0.0.0/8 for APNs), not a value read from a
	// configuration file. Only then may an outbound rule take Host as a prefix.
	HostIsRange bool
	// Exposure is the class that decides who may reach the port.
	Exposure Exposure
	// Source is where Base came from; for a defaulted port, the element or key
	// that enables the listener. Line is 0 only when no file line governs it.
	Source Pos
	// Note is a short remark for people ("clustering only", "literal port in URL").
	Note string
}

// ApplyOffset sets the offset the runtime adds to l: the server offset n
// when l is Offsetable, else 0. It is the one place an offset is applied.
func (l *Listener) ApplyOffset(n int) {
	if l.Offsetable {
		l.Offset = n
	} else {
		l.Offset = 0
	}
}

// IP is an IP address parsed from a configuration value; the zero value is
// no address. It wraps netip.Addr so that listeners compare with == and with
// go-cmp (Equal).
type IP struct{ addr netip.Addr }

// IPOf wraps a.
func IPOf(a netip.Addr) IP { return IP{a} }

// Addr returns the address; the zero netip.Addr for the zero IP.
func (ip IP) Addr() netip.Addr { return ip.addr }

// Equal reports whether ip and o are the same address.
func (ip IP) Equal(o IP) bool { return ip.addr == o.addr }

// IsLoopback reports whether ip is a loopback address (127.0.0.0/8, ::1).
func (ip IP) IsLoopback() bool { return ip.addr.IsLoopback() }

// String returns the address in its canonical form, or "" for the zero IP.
func (ip IP) String() string {
	if !ip.addr.IsValid() {
		return ""
	}
	return ip.addr.String()
}

// ParseBind turns a bind address as written ("127.0.0.1", "[::1]",
// "localhost", "0.0.0.0", a host name) into an IP (IPv4-mapped IPv6
// unmapped; 127.0.0.1 for "localhost"): the zero IP for an empty value or a
// host name other than localhost.
func ParseBind(bind string) IP {
	bind = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(bind), "["), "]")
	if strings.EqualFold(bind, "localhost") {
		return IP{netip.AddrFrom4([4]byte{127, 0, 0, 1})}
	}
	a, err := netip.ParseAddr(bind)
	if err != nil {
		return IP{}
	}
	return IP{a.Unmap()}
}

// Port returns the effective port: Base plus the offset the runtime adds.
func (l Listener) Port() Port { return l.Base + Port(l.Offset) }

// PortEnd returns the effective last port of a range, or 0 for a single port.
func (l Listener) PortEnd() Port {
	if l.BaseEnd == 0 {
		return 0
	}
	return l.BaseEnd + Port(l.Offset)
}

// Contains reports whether the effective port or range of l covers p.
func (l Listener) Contains(p Port) bool {
	if l.BaseEnd == 0 {
		return l.Port() == p
	}
	return p >= l.Port() && p <= l.PortEnd()
}

// Overlaps reports whether l and m share a port number on the same protocol.
func (l *Listener) Overlaps(m *Listener) bool {
	if l.Proto != m.Proto {
		return false
	}
	le, me := l.PortEnd(), m.PortEnd()
	if le == 0 {
		le = l.Port()
	}
	if me == 0 {
		me = m.Port()
	}
	return l.Port() <= me && m.Port() <= le
}

// LessListener orders listeners by port, protocol, direction, ID and source.
func LessListener(a, b Listener) bool {
	if a.Port() != b.Port() {
		return a.Port() < b.Port()
	}
	if a.Proto != b.Proto {
		return a.Proto < b.Proto
	}
	if a.Dir != b.Dir {
		return a.Dir < b.Dir
	}
	if a.ID != b.ID {
		return a.ID < b.ID
	}
	return a.Source.Less(b.Source)
}
