package parse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// hazelcastPortCount is Hazelcast's own default number of member ports tried
// when etc/hazelcast.xml sets auto-increment without a port-count.
const hazelcastPortCount = 100

// readHazelcast applies the Hazelcast override files to the clustering
// listeners axis2.xml recorded: etc/hazelcast.xml (network/port with
// auto-increment and port-count, join/multicast, join/tcp-ip members) and
// hazelcast.properties (hazelcast.local.localAddress binds the member socket).
// Clustering itself is switched on in axis2.xml only: without its listeners the
// override files open nothing.
func readHazelcast(s *server) error {
	member := s.findListener(model.SvcHazelcastMember)
	if member == nil {
		return nil
	}
	enabled := member.Enabled
	if err := hazelcastXML(s, enabled); err != nil {
		return err
	}
	f, ok, err := s.readProps(s.rel("hazelcast.properties"))
	if err != nil || !ok {
		return err
	}
	if e, ok := f.get("hazelcast.local.localAddress"); ok && strings.TrimSpace(e.value) != "" {
		if m := s.findListener(model.SvcHazelcastMember); m != nil {
			m.Bind = strings.TrimSpace(e.value)
		}
	}
	return nil
}

// findListener returns the first recorded listener with the ID, or nil.
func (s *server) findListener(id string) *model.Listener {
	for i := range s.srv.Listeners {
		if s.srv.Listeners[i].ID == id {
			return &s.srv.Listeners[i]
		}
	}
	return nil
}

func hazelcastXML(s *server, enabled bool) error {
	f, ok, err := s.readXML("etc/hazelcast.xml")
	if err != nil || !ok {
		return err
	}
	net := f.doc.Root().SelectElement("network")
	if net == nil {
		return nil
	}
	if pe := net.SelectElement("port"); pe != nil {
		if err := hazelcastXMLPort(s, f, pe); err != nil {
			return err
		}
	}
	join := net.SelectElement("join")
	if join == nil {
		return nil
	}
	if mc := join.SelectElement("multicast"); mc != nil {
		if l := s.findListener(model.SvcHazelcastMcast); l != nil {
			l.Enabled = enabled && strings.EqualFold(strings.TrimSpace(mc.SelectAttrValue("enabled", "")), "true")
			if pe := mc.SelectElement("multicast-port"); pe != nil {
				raw := f.text(pe)
				port, _, ok, err := s.portValue(raw, f.textPos(pe))
				if err != nil {
					return err
				}
				if ok {
					l.Base, l.Configured, l.Source = port, raw, f.textPos(pe)
				}
			}
		}
	}
	if tcp := join.SelectElement("tcp-ip"); tcp != nil {
		on := enabled && strings.EqualFold(strings.TrimSpace(tcp.SelectAttrValue("enabled", "")), "true")
		var members []*etree.Element
		members = append(members, tcp.SelectElements("member")...)
		if ml := tcp.SelectElement("member-list"); ml != nil {
			members = append(members, ml.SelectElements("member")...)
		}
		for _, m := range members {
			if err := hazelcastXMLMember(s, f, m, on); err != nil {
				return err
			}
		}
	}
	return nil
}

// hazelcastXMLPort sets the member port and range from network/port.
func hazelcastXMLPort(s *server, f *xmlFile, pe *etree.Element) error {
	l := s.findListener(model.SvcHazelcastMember)
	raw := f.text(pe)
	pos := f.textPos(pe)
	port, _, ok, err := s.portValue(raw, pos)
	if err != nil || !ok {
		return err
	}
	l.Base, l.Configured, l.Source, l.BaseEnd = port, raw, pos, 0
	l.Note = "etc/hazelcast.xml network/port"
	if strings.EqualFold(strings.TrimSpace(pe.SelectAttrValue("auto-increment", "true")), "false") {
		return nil
	}
	count := hazelcastPortCount
	if v := pe.SelectAttr("port-count"); v != nil {
		n, err := strconv.Atoi(strings.TrimSpace(v.Value))
		if err != nil || n < 1 {
			ap := f.attrPos(pe, "port-count")
			return &Error{File: s.h.display(ap.File), Line: ap.Line, Err: fmt.Errorf("port-count %q is not a positive whole number", v.Value)}
		}
		count = n
	}
	if count > 1 {
		l.BaseEnd = port + model.Port(count-1)
		l.Note += "; auto-increments when taken"
	}
	return nil
}

// hazelcastXMLMember records a tcp-ip member ("host" or "host:port") as a peer.
func hazelcastXMLMember(s *server, f *xmlFile, m *etree.Element, on bool) error {
	v := f.text(m)
	if v == "" {
		return nil
	}
	pos := f.textPos(m)
	l := model.Listener{ID: model.SvcHazelcastPeer, Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: on, Host: v,
		Source: pos, Configured: v, Note: "tcp-ip member"}
	if mem := s.findListener(model.SvcHazelcastMember); mem != nil {
		l.Base = mem.Base
	}
	if host, port, hasPort := splitHostPort(v); hasPort {
		p, _, ok, err := s.portValue(port, pos)
		if err != nil || !ok {
			return err
		}
		l.Host, l.Base = host, p
	}
	if l.Base == 0 {
		return nil
	}
	s.listen(l)
	return nil
}
