package emit

import (
	"sort"

	"github.com/wso2lint/wso2lint/internal/model"
)

// InboundSkip says why listener l of server s gets no inbound port at all in
// any deployment artifact: switched off, not a listening socket, an unknown
// protocol, a port out of range, bound to loopback, the local class, or a
// port or offset known only at run time. It returns "" for a listener that
// other hosts or pods may be let in to (the class then says who). The
// Kubernetes and compose emitters share it with MakePlan's reasons.
func InboundSkip(s *model.Server, l model.Listener) string {
	switch {
	case !l.Enabled:
		return "switched off"
	case l.Dir != model.DirIn:
		return "not a listening socket"
	case l.Proto != model.ProtoTCP && l.Proto != model.ProtoUDP:
		return "unknown protocol"
	case !l.Port().Valid() || l.PortEnd() != 0 && (!l.PortEnd().Valid() || l.PortEnd() < l.Port()):
		return "port " + portText(l.Port(), l.PortEnd()) + " out of range 1-65535"
	case l.BindAddr.IsLoopback():
		return "bound to loopback address " + l.Bind
	case l.Exposure == model.ExposureLocal:
		return "local class: reachable from this host only"
	}
	if expr := runtimeValue(s, l); expr != "" {
		return "port given through " + expr + ", known only at run time"
	}
	if expr := runtimeOffset(s); expr != "" && l.Offsetable {
		return "port offset given through " + expr + ", known only at run time"
	}
	return ""
}

// HomePort is one inbound port of a home, for deployment artifacts
// (Kubernetes Services, compose port lists).
type HomePort struct {
	// ID is the service id of the first listener on the port ("servlet-https").
	ID string
	// Profile is the server profile of that listener.
	Profile string
	// Port and PortEnd are the effective port or range (PortEnd 0: one port).
	Port, PortEnd model.Port
	// Proto is tcp or udp.
	Proto model.Protocol
	// Class is the exposure class; an unknown class is handled as management,
	// as MakePlan does.
	Class model.Exposure
	// Source is where the port came from.
	Source model.Pos
	// Skip is why the port gets no entry ("" for an open port).
	Skip string
}

// HomePorts returns the inbound ports of every server of h, sorted by port,
// range end, protocol and service id, one per port and protocol (the first
// listener names it). Ports a deployment artifact must leave out carry the
// InboundSkip reason; switched-off listeners and outbound connections are
// left out entirely.
func HomePorts(h *model.Home) []HomePort {
	servers := make([]*model.Server, len(h.Servers))
	for i := range h.Servers {
		servers[i] = &h.Servers[i]
	}
	return ServerPorts(servers...)
}

// ServerPorts is HomePorts for some servers of a home: one profile of a
// multi-profile home runs in a container of its own.
func ServerPorts(servers ...*model.Server) []HomePort {
	var out []HomePort
	seen := map[[2]int]bool{}
	var all []HomePort
	for _, s := range servers {
		for _, l := range s.Listeners {
			if !l.Enabled || l.Dir != model.DirIn {
				continue
			}
			cls := l.Exposure
			if cls == model.ExposureUnknown {
				cls = model.ExposureManagement
			}
			all = append(all, HomePort{ID: l.ID, Profile: s.Profile, Port: l.Port(), PortEnd: l.PortEnd(),
				Proto: l.Proto, Class: cls, Source: l.Source, Skip: InboundSkip(s, l)})
		}
	}
	sortHomePorts(all)
	for _, p := range all {
		k := [2]int{int(p.Port), int(p.Proto)}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

func sortHomePorts(ps []HomePort) {
	less := func(a, b HomePort) bool {
		switch {
		case a.Port != b.Port:
			return a.Port < b.Port
		case a.PortEnd != b.PortEnd:
			return a.PortEnd < b.PortEnd
		case a.Proto != b.Proto:
			return a.Proto < b.Proto
		case (a.Skip == "") != (b.Skip == ""):
			return a.Skip == ""
		}
		return a.ID < b.ID
	}
	sort.SliceStable(ps, func(i, j int) bool { return less(ps[i], ps[j]) })
}
