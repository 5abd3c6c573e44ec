package parse

import (
	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readBroker reads broker.xml (Andes: MB, the APIM broker, EI broker profile):
// AMQP and MQTT listeners and the Thrift coordination server. Andes adds the
// offset to every one of them (QpidServiceImpl reads Ports.Offset, and the EI docs
// give 7614 for the broker profile at offset 3). The Thrift server only starts when
// the broker runs clustered, which is axis2.xml clustering (KeyClusteringEnable).
func readBroker(s *server) error {
	f, ok, err := s.readXML("broker.xml")
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	if tr := root.SelectElement("transports"); tr != nil {
		for _, k := range []struct {
			tag, plain, ssl    string
			plainPort, sslPort model.Port
		}{
			{"amqp", model.SvcAMQP, model.SvcAMQPSSL, 5672, 8672},
			{"mqtt", model.SvcMQTT, model.SvcMQTTSSL, 1883, 8883},
		} {
			t := tr.SelectElement(k.tag)
			if t == nil {
				continue
			}
			on := attrTrue(t, "enabled", true)
			bind := f.text(t.SelectElement("bindAddress"))
			if bind == "" {
				bind = f.text(tr.SelectElement("bindAddress"))
			}
			if err := s.brokerConnection(f, t.SelectElement("defaultConnection"), k.plain, k.plainPort, on, bind); err != nil {
				return err
			}
			if err := s.brokerConnection(f, t.SelectElement("sslConnection"), k.ssl, k.sslPort, on, bind); err != nil {
				return err
			}
		}
	}
	if c := root.SelectElement("coordination"); c != nil {
		if e := c.SelectElement("thriftServerPort"); e != nil {
			l := model.Listener{ID: model.SvcAndesThrift, Bind: bindText(f.text(c.SelectElement("thriftServerHost")))}
			ok, err := s.portListener(&l, f.text(e), f.textPos(e), true)
			if err != nil {
				return err
			}
			if ok {
				on, found := s.clusteringOn()
				l.Enabled, l.Note = on, "opened only when the broker runs clustered"
				if !found {
					l.Note = "opened only when the broker runs clustered; clustering setting not found, assumed off"
				}
				s.listen(l)
			}
		}
	}
	return nil
}

// clusteringOn reports whether axis2.xml clustering was recorded as enabled by
// an earlier step; found is false when no step recorded it. Settings are not
// sorted until the server is finished, so this looks through all of them.
func (s *server) clusteringOn() (on, found bool) {
	for _, st := range s.srv.Settings {
		if st.Key == model.KeyClusteringEnable {
			return isTrue(st.Value), true
		}
	}
	return false, false
}

// brokerConnection records one AMQP/MQTT connection element.
func (s *server) brokerConnection(f *xmlFile, c *etree.Element, id string, def model.Port, on bool, bind string) error {
	if c == nil {
		return nil
	}
	l := model.Listener{ID: id, Enabled: on && attrTrue(c, "enabled", true), Bind: bind, Offsetable: true}
	if c.SelectAttr("port") == nil {
		l.Base, l.Source, l.Note = def, f.elemPos(c), "port not set: default"
		s.listen(l)
		return nil
	}
	ok, err := s.portListener(&l, c.SelectAttrValue("port", ""), f.attrPos(c, "port"), true)
	if err != nil || !ok {
		return err
	}
	s.listen(l)
	return nil
}
