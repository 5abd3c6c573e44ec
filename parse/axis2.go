package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Hazelcast defaults of the Carbon clustering agent (axis2.xml).
const (
	hazelcastMemberPort model.Port = 4000
	hazelcastMcastPort  model.Port = 45564
	// hazelcastRangeWidth is how many ports past localMemberPort a member may take:
	// Hazelcast tries the next port when one is taken (4001, 4002, ...). Carbon
	// does not cap the attempts in axis2.xml; three ports (4000-4002) cover a host
	// running up to three members, which is what the firewall range models.
	hazelcastRangeWidth = 2
)

// Default ports of the PassThrough listeners when the port parameter is absent.
const (
	passthruHTTPPort  model.Port = 8280
	passthruHTTPSPort model.Port = 8243
	smtpDefaultPort   model.Port = 25
)

// readAxis2 reads axis2/axis2.xml: PassThrough (and older NIO) transport
// receivers (and the HttpsProtocols of the HTTPS ones), Hazelcast clustering and the mailto sender. The servlet transport
// receivers (http/https with servlet classes) only mirror the Tomcat connectors
// and are not listeners. Commented-out receivers are not elements and are never
// seen.
func readAxis2(s *server) error {
	f, ok, err := s.readXML("axis2/axis2.xml")
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	for _, r := range root.SelectElements("transportReceiver") {
		if err := readPassthru(s, f, r); err != nil {
			return err
		}
	}
	for _, c := range root.SelectElements("clustering") {
		if !strings.Contains(c.SelectAttrValue("class", ""), "Hazelcast") {
			continue
		}
		if err := readClustering(s, f, c); err != nil {
			return err
		}
	}
	for _, t := range root.SelectElements("transportSender") {
		readSenderSecurity(s, f, t)
		if strings.TrimSpace(t.SelectAttrValue("name", "")) == "mailto" {
			if err := readMailto(s, f, t); err != nil {
				return err
			}
		}
	}
	return nil
}

// passthruKind classifies a transportReceiver class: passthru-http, passthru-https or "".
func passthruKind(class string) string {
	switch {
	case strings.Contains(class, "PassThroughHttpSSLListener"),
		strings.Contains(class, "PassThroughHttpMultiSSLListener"),
		strings.Contains(class, "HttpCoreNIOSSLListener"):
		return model.SvcPassthruHTTPS
	case strings.Contains(class, "PassThroughHttpListener"),
		strings.Contains(class, "HttpCoreNIOListener"):
		return model.SvcPassthruHTTP
	}
	return ""
}

// param returns the child parameter element named name.
func param(e *etree.Element, name string) *etree.Element {
	for _, p := range e.SelectElements("parameter") {
		if strings.TrimSpace(p.SelectAttrValue("name", "")) == name {
			return p
		}
	}
	return nil
}

// paramText returns the value (see text) of parameter name of e, and the
// parameter element, nil when absent.
func (f *xmlFile) paramText(e *etree.Element, name string) (string, *etree.Element) {
	p := param(e, name)
	if p == nil {
		return "", nil
	}
	return f.text(p), p
}

func readPassthru(s *server, f *xmlFile, r *etree.Element) error {
	id := passthruKind(r.SelectAttrValue("class", ""))
	if id == "" {
		return nil
	}
	l := model.Listener{ID: id, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true}
	if id == model.SvcPassthruHTTPS {
		if v, p := f.paramText(r, "HttpsProtocols"); p != nil {
			s.set(model.KeyPassthruHTTPSProtocols, v, f.textPos(p))
		}
		readPassthruSecurity(s, f, r)
	}
	if v, _ := f.paramText(r, "bind-address"); v != "" {
		l.Bind = v
	}
	raw, p := f.paramText(r, "port")
	if p == nil {
		l.Base = passthruHTTPPort
		if id == model.SvcPassthruHTTPS {
			l.Base = passthruHTTPSPort
		}
		l.Source = f.elemPos(r)
		l.Note = "no port parameter: default"
		s.listen(l)
		return nil
	}
	pos := f.textPos(p)
	port, _, ok, err := s.portValue(raw, pos)
	if err != nil || !ok {
		return err
	}
	l.Base, l.Configured, l.Source = port, raw, pos
	s.listen(l)
	return nil
}

// readClustering reads the Hazelcast clustering agent: the member port (TCP, a
// range, never offset), the multicast discovery port (UDP, only with the
// multicast scheme) and the well-known members it connects to.
func readClustering(s *server, f *xmlFile, c *etree.Element) error {
	enabled := strings.EqualFold(strings.TrimSpace(c.SelectAttrValue("enable", "")), "true")
	if c.SelectAttr("enable") != nil {
		s.set(model.KeyClusteringEnable, strings.TrimSpace(c.SelectAttrValue("enable", "")), f.attrPos(c, "enable"))
	}
	scheme, sp := f.paramText(c, "membershipScheme")
	if sp != nil {
		s.set(model.KeyClusteringMembershipScheme, scheme, f.textPos(sp))
	}
	member := model.Listener{ID: model.SvcHazelcastMember, Base: hazelcastMemberPort, Proto: model.ProtoTCP, Dir: model.DirIn,
		Enabled: enabled, Note: "hazelcast auto-increments the member port when taken"}
	if raw, p := f.paramText(c, "localMemberPort"); p != nil {
		pos := f.textPos(p)
		port, _, ok, err := s.portValue(raw, pos)
		if err != nil {
			return err
		}
		if ok {
			member.Base, member.Configured, member.Source = port, raw, pos
		}
	} else {
		member.Source = f.elemPos(c)
	}
	member.BaseEnd = member.Base + hazelcastRangeWidth
	s.listen(member)

	mcast := model.Listener{ID: model.SvcHazelcastMcast, Base: hazelcastMcastPort, Proto: model.ProtoUDP, Dir: model.DirIn,
		Enabled: enabled && strings.EqualFold(scheme, "multicast"), Note: "multicast discovery"}
	if raw, p := f.paramText(c, "mcastPort"); p != nil {
		pos := f.textPos(p)
		port, _, ok, err := s.portValue(raw, pos)
		if err != nil {
			return err
		}
		if ok {
			mcast.Base, mcast.Configured, mcast.Source = port, raw, pos
		}
	} else {
		mcast.Source = f.elemPos(c)
	}
	s.listen(mcast)

	wka := enabled && strings.EqualFold(scheme, "wka")
	if ms := c.SelectElement("members"); ms != nil {
		for _, m := range ms.SelectElements("member") {
			if err := readMember(s, f, m, wka); err != nil {
				return err
			}
		}
	}
	return nil
}

// readMember records a well-known member as an outbound peer. A port may be a
// range such as "4000-4002".
func readMember(s *server, f *xmlFile, m *etree.Element, enabled bool) error {
	he, pe := m.SelectElement("hostName"), m.SelectElement("port")
	if he == nil {
		return nil
	}
	l := model.Listener{ID: model.SvcHazelcastPeer, Base: hazelcastMemberPort, Proto: model.ProtoTCP, Dir: model.DirOut,
		Enabled: enabled, Host: f.text(he), Source: f.elemPos(m), Note: "well-known member"}
	if pe != nil {
		raw := f.text(pe)
		pos := f.textPos(pe)
		lo, hi, isRange := strings.Cut(raw, "-")
		port, _, ok, err := s.portValue(lo, pos)
		if err != nil || !ok {
			return err
		}
		l.Base, l.Configured, l.Source = port, raw, pos
		if isRange {
			end, _, ok, err := s.portValue(hi, pos)
			if err != nil || !ok {
				return err
			}
			if end > port {
				l.BaseEnd = end
			}
		}
	}
	s.listen(l)
	return nil
}

// readMailto records the SMTP server the mailto transport sender connects to.
func readMailto(s *server, f *xmlFile, t *etree.Element) error {
	host, hp := f.paramText(t, "mail.smtp.host")
	if hp == nil || host == "" {
		return nil
	}
	l := model.Listener{ID: model.SvcSMTP, Base: smtpDefaultPort, Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true,
		Host: host, Source: f.textPos(hp)}
	if raw, pp := f.paramText(t, "mail.smtp.port"); pp != nil {
		pos := f.textPos(pp)
		port, _, ok, err := s.portValue(raw, pos)
		if err != nil || !ok {
			return err
		}
		l.Base, l.Configured, l.Source = port, raw, pos
	}
	s.listen(l)
	return nil
}
