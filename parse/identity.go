package parse

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

// readIdentity reads identity/identity.xml (default namespace): the Thrift
// entitlement service of EntitlementSettings/ThirftBasedEntitlementConfig (the
// element name is misspelt in the product), off by default.
func readIdentity(s *server) error {
	f, ok, err := s.readXML("identity/identity.xml")
	if err != nil || !ok {
		return err
	}
	cfg := f.doc.Root().FindElement("EntitlementSettings/ThirftBasedEntitlementConfig")
	if cfg == nil {
		return nil
	}
	e := cfg.SelectElement("ReceivePort")
	if e == nil {
		return nil
	}
	l := model.Listener{ID: model.SvcThriftEntitle, Enabled: isTrue(f.text(cfg.SelectElement("EnableThriftService"))),
		Bind: bindText(f.text(cfg.SelectElement("ThriftHostName")))}
	ok, err = s.portListener(&l, f.text(e), f.textPos(e), false)
	if err != nil || !ok {
		return err
	}
	s.listen(l)
	return nil
}
