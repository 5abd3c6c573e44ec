package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readEventProcessor reads event-processor.xml (CEP 4.x, DAS): which mode is
// enabled and, for HA mode, the event synchronisation (11224), member management
// and presentation ports. CEP adds the offset to them (DOMAIN.md section 1). They
// are enabled only when the HA mode is, and a block with enable="false" starts
// nothing. The presentation port is opened only by a presenter node
// (<nodeType><presenter enable="true"/>) that is not also a worker: a worker
// node never starts the presenter (DOMAIN.md section 8). Distributed (Storm)
// mode ports are not read.
func readEventProcessor(s *server) error {
	f, ok, err := s.readXML("event-processor.xml")
	if err != nil || !ok {
		return err
	}
	for _, m := range f.doc.Root().SelectElements("mode") {
		name := strings.TrimSpace(m.SelectAttrValue("name", ""))
		on := attrTrue(m, "enable", false)
		if on {
			s.set(model.KeyCEPMode, name, f.attrPos(m, "name"))
		}
		if !strings.EqualFold(name, "HA") {
			continue
		}
		worker, presenter := true, false
		if nt := m.SelectElement("nodeType"); nt != nil {
			if w := nt.SelectElement("worker"); w != nil {
				worker = attrTrue(w, "enable", false)
			}
			if p := nt.SelectElement("presenter"); p != nil {
				presenter = attrTrue(p, "enable", false)
			}
		}
		for _, k := range []struct {
			tag, id string
			on      bool
		}{
			{"eventSync", model.SvcCEPHA, true},
			{"management", model.SvcCEPHAMember, true},
			{"presentation", model.SvcCEPPresentation, presenter && !worker},
		} {
			sec := m.SelectElement(k.tag)
			if sec == nil || sec.SelectElement("port") == nil {
				continue
			}
			e := sec.SelectElement("port")
			en := on && k.on && attrTrue(sec, "enable", true)
			l := model.Listener{ID: k.id, Enabled: en, Bind: bindText(f.text(sec.SelectElement("hostName")))}
			ok, err := s.portListener(&l, f.text(e), f.textPos(e), true)
			if err != nil {
				return err
			}
			if ok {
				l.Note = "cep ha mode"
				s.listen(l)
			}
		}
	}
	return nil
}
