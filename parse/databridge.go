package parse

import (
	"strings"
	"sync"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// receiverIDs names the listeners of a data-bridge receiver kind.
type receiverIDs struct {
	tcp, ssl         string
	tcpPort, sslPort model.Port
}

var dataReceivers = sync.OnceValue(func() map[string]receiverIDs {
	return map[string]receiverIDs{
		"thrift": {model.SvcDatabridgeThrift, model.SvcDatabridgeThriftSSL, 7611, 7711},
		"binary": {model.SvcDatabridgeBinary, model.SvcDatabridgeBinarySSL, 9611, 9711},
	}
})

// readDataBridge reads data-bridge/data-bridge-config.xml: the event receivers.
// Two schemas exist: dataReceiver[@name=Thrift|Binary]/config[@name=tcpPort|sslPort]
// (carbon-analytics-common 5.x) and thriftDataReceiver/port, securePort (DAS 3.1,
// with a default namespace). The receivers add the offset to the ports they read,
// literal or not (DOMAIN.md section 1).
func readDataBridge(s *server) error {
	f, ok, err := s.readXML("data-bridge/data-bridge-config.xml")
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	for _, r := range root.SelectElements("dataReceiver") {
		ids, known := dataReceivers()[strings.ToLower(strings.TrimSpace(r.SelectAttrValue("name", "")))]
		if !known {
			continue
		}
		bind := bindText(f.text(named(r, "config", "hostName")))
		if err := s.receiverPort(f, r, named(r, "config", "tcpPort"), ids.tcp, ids.tcpPort, bind); err != nil {
			return err
		}
		if err := s.receiverPort(f, r, named(r, "config", "sslPort"), ids.ssl, ids.sslPort, bind); err != nil {
			return err
		}
	}
	if t := root.SelectElement("thriftDataReceiver"); t != nil {
		bind := bindText(f.text(t.SelectElement("hostName")))
		ids := dataReceivers()["thrift"]
		if err := s.receiverPort(f, t, t.SelectElement("port"), ids.tcp, ids.tcpPort, bind); err != nil {
			return err
		}
		if err := s.receiverPort(f, t, t.SelectElement("securePort"), ids.ssl, ids.sslPort, bind); err != nil {
			return err
		}
	}
	return nil
}

// receiverPort records one receiver port; a missing value is the default.
func (s *server) receiverPort(f *xmlFile, parent, e *etree.Element, id string, def model.Port, bind string) error {
	l := model.Listener{ID: id, Enabled: true, Bind: bind, Offsetable: true}
	if e == nil {
		l.Base, l.Source, l.Note = def, f.elemPos(parent), "port not set: default"
		s.listen(l)
		return nil
	}
	ok, err := s.portListener(&l, f.text(e), f.textPos(e), true)
	if err != nil || !ok {
		return err
	}
	s.listen(l)
	return nil
}
