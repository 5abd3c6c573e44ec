package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readEmbeddedLDAP reads identity/embedded-ldap.xml: the embedded ApacheDS LDAP
// server and its Kerberos KDC (UDP unless its protocol property says TCP,
// disabled by default). Ports are offset when
// written as ${Ports.EmbeddedLDAP.*} placeholders; a literal port is used as is.
// The connection password is recorded with its secure-vault alias, if any.
// Without the file there is no embedded LDAP listener: none is invented.
func readEmbeddedLDAP(s *server) error {
	f, ok, err := s.readXML("identity/embedded-ldap.xml")
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	if el := root.SelectElement("EmbeddedLDAP"); el != nil {
		l := model.Listener{ID: model.SvcEmbeddedLDAP}
		if e := named(el, "Property", "enable"); e != nil {
			l.Enabled = isTrue(f.text(e))
			s.set(model.KeyEmbeddedLDAPEnable, f.text(e), f.textPos(e))
		}
		if e := named(el, "Property", "connectionPassword"); e != nil {
			s.setSecret(model.KeyEmbeddedLDAPPassword, f, e)
		}
		if e := named(el, "Property", "port"); e != nil {
			ok, err := s.portListener(&l, f.text(e), f.textPos(e), false)
			if err != nil {
				return err
			}
			if ok {
				s.listen(l)
			}
		}
	}
	if kdc := root.SelectElement("KDCServer"); kdc != nil {
		l := model.Listener{ID: model.SvcKDC, Proto: model.ProtoUDP}
		if e := named(kdc, "Property", "enabled"); e != nil {
			l.Enabled = isTrue(f.text(e))
		}
		// The protocol property (UDP or TCP) is honoured (DOMAIN.md section 8).
		if e := named(kdc, "Property", "protocol"); e != nil && strings.EqualFold(f.text(e), "TCP") {
			l.Proto = model.ProtoTCP
		}
		if e := named(kdc, "Property", "port"); e != nil {
			ok, err := s.portListener(&l, f.text(e), f.textPos(e), false)
			if err != nil {
				return err
			}
			if ok {
				s.listen(l)
			}
		}
	}
	return nil
}
