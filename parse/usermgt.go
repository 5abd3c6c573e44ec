package parse

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

// readUserMgt reads user-mgt.xml: the super admin credentials (and the
// secure-vault alias of the password, if any), the class of the
// primary (first active) user store and, for LDAP stores, the ConnectionURL the
// server dials (outbound ldap-client: a literal port is not offset, a
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
	us := realm.SelectElement("UserStoreManager")
	if us == nil {
		return nil
	}
	s.set(model.KeyUserStoreClass, us.SelectAttrValue("class", ""), f.attrPos(us, "class"))
	if e := named(us, "Property", "ConnectionURL"); e != nil {
		return s.peer(model.SvcLDAPClient, f.text(e), f.textPos(e), true)
	}
	return nil
}
