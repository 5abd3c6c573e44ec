package parse

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

// readUserMgt reads user-mgt.xml: the super admin credentials (and the
// secure-vault alias of the password, if any) and every <UserStoreManager> of
// the realm, as Carbon does (carbon-kernel 4.4.x RealmConfigXMLProcessor,
// DOMAIN.md section 8). The first is the primary store: its class is recorded.
// A later one is chained as a secondary store only if it has a DomainName
// property; otherwise Carbon skips it with a warning, and it is recorded as
// KeyUserStoreSkipped. The primary and each chained LDAP store dial their
// ConnectionURL at start (outbound ldap-client: a literal port is not offset, a
// ${Ports.EmbeddedLDAP.LDAPServerPort} placeholder is).
func readUserMgt(s *server) error {
	f, ok, err := s.readXML("user-mgt.xml")
	if err != nil || !ok {
		return err
	}
	realm := f.doc.Root().SelectElement("Realm")
	if realm == nil {
		return nil
	}
	if au := realm.FindElement("Configuration/AdminUser"); au != nil {
		if e := au.SelectElement("UserName"); e != nil {
			s.set(model.KeyAdminUserName, f.text(e), f.textPos(e))
		}
		if e := au.SelectElement("Password"); e != nil {
			s.setSecret(model.KeyAdminPassword, f, e)
		}
	}
	for i, us := range realm.SelectElements("UserStoreManager") {
		class := us.SelectAttrValue("class", "")
		if i == 0 {
			s.set(model.KeyUserStoreClass, class, f.attrPos(us, "class"))
		} else if d := named(us, "Property", "DomainName"); d == nil || f.text(d) == "" {
			s.set(model.KeyUserStoreSkipped, class, f.elemPos(us))
			continue
		}
		if e := named(us, "Property", "ConnectionURL"); e != nil {
			if err := s.peer(model.SvcLDAPClient, f.text(e), f.textPos(e), true); err != nil {
				return err
			}
		}
	}
	return nil
}
