package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// defaultKeyManagerThriftPort is the port of the key-validation Thrift server when
// api-manager.xml enables it without a ThriftServerPort (APIM 2.x ships it so):
// the runtime adds the offset to it (carbon-apimgt APIKeyMgtServiceComponent;
// AM 2.x docs "Changing the Default Ports with Offset"; DOMAIN.md section 8).
const defaultKeyManagerThriftPort = 10397

// readAPIManager reads api-manager.xml (API Manager 1.x/2.x, IS as key manager):
// the key-manager Thrift server and the URLs of the peers the server talks to.
// An explicit ThriftServerPort is taken as written (the shipped comment tells
// users to give two instances on one host different values); the default
// 10397, used while the element is commented out, is offset.
func readAPIManager(s *server) error {
	f, ok, err := s.readXML("api-manager.xml")
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	if kv := root.SelectElement("APIKeyValidator"); kv != nil {
		if e := kv.SelectElement("ServerURL"); e != nil {
			if err := s.peer(model.SvcKeyManager, f.text(e), f.textPos(e), true); err != nil {
				return err
			}
		}
		if err := s.keyManagerThrift(f, kv); err != nil {
			return err
		}
	}
	if am := root.SelectElement("AuthManager"); am != nil {
		if e := am.SelectElement("ServerURL"); e != nil {
			if err := s.peer(model.SvcPeerURL, f.text(e), f.textPos(e), true); err != nil {
				return err
			}
		}
	}
	if envs := root.FindElement("APIGateway/Environments"); envs != nil {
		for _, env := range envs.SelectElements("Environment") {
			for _, tag := range []string{"ServerURL", "GatewayEndpoint", "GatewayWSEndpoint"} {
				if e := env.SelectElement(tag); e != nil {
					if err := s.peer(model.SvcPeerURL, f.text(e), f.textPos(e), true); err != nil {
						return err
					}
				}
			}
		}
	}
	if an := root.SelectElement("Analytics"); an != nil {
		on := isTrue(f.text(an.SelectElement("Enabled")))
		for _, e := range an.ChildElements() {
			if !strings.HasSuffix(strings.ToLower(e.Tag), "url") {
				continue
			}
			id := model.SvcAnalyticsURL
			if strings.Contains(e.Tag, "Auth") {
				id = model.SvcAnalyticsURLSSL
			}
			if err := s.peer(id, f.text(e), f.textPos(e), on); err != nil {
				return err
			}
		}
	}
	if tc := root.SelectElement("ThrottlingConfigurations"); tc != nil {
		on := true
		if e := tc.SelectElement("EnableAdvanceThrottling"); e != nil {
			on = isTrue(f.text(e))
		}
		if tm := tc.SelectElement("TrafficManager"); tm != nil {
			pub := on
			if e := tc.FindElement("DataPublisher/Enabled"); e != nil {
				pub = pub && isTrue(f.text(e))
			}
			for _, k := range []struct{ tag, id string }{{"ReceiverUrlGroup", model.SvcThrottleURL}, {"AuthUrlGroup", model.SvcThrottleAuth}} {
				if e := tm.SelectElement(k.tag); e != nil {
					if err := s.peer(k.id, f.text(e), f.textPos(e), pub); err != nil {
						return err
					}
				}
			}
		}
		if jms := tc.SelectElement("JMSConnectionDetails"); jms != nil {
			jon := on && isTrue(f.text(jms.SelectElement("Enabled")))
			if params := jms.SelectElement("JMSConnectionParameters"); params != nil {
				for _, e := range params.ChildElements() {
					if !strings.HasPrefix(e.Tag, "connectionfactory.") {
						continue
					}
					if err := s.peer(model.SvcJMSBroker, brokerList(f.text(e)), f.textPos(e), jon); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// keyManagerThrift records the key-validation Thrift server of APIKeyValidator.
// It exists when EnableThriftServer or ThriftServerPort is written; when the port
// is left out (APIM 2.6 ships it commented out) it is the default 10397 plus the
// offset, with the EnableThriftServer element as the source.
func (s *server) keyManagerThrift(f *xmlFile, kv *etree.Element) error {
	en := kv.SelectElement("EnableThriftServer")
	pe := kv.SelectElement("ThriftServerPort")
	if en == nil && pe == nil {
		return nil
	}
	l := model.Listener{ID: model.SvcKeyMgrThrift, Bind: bindText(f.text(kv.SelectElement("ThriftServerHost")))}
	if en != nil {
		l.Enabled = isTrue(f.text(en))
		s.set(model.KeyAPIMThriftServer, f.text(en), f.textPos(en))
	}
	if pe == nil {
		l.Base, l.Source, l.Offsetable = defaultKeyManagerThriftPort, f.textPos(en), true
		l.Note = "ThriftServerPort not set: default 10397 plus the offset"
		s.listen(l)
		return nil
	}
	ok, err := s.portListener(&l, f.text(pe), f.textPos(pe), false)
	if err != nil || !ok {
		return err
	}
	l.Offsetable = false // APIM reads the value without adding the offset
	l.Note = "not offset"
	s.listen(l)
	return nil
}

// brokerList returns the broker URLs of an AMQP connection URL
// (amqp://user:pw@client/carbon?brokerlist='tcp://a:5672;tcp://b:5672'); other
// text is returned as is.
func brokerList(v string) string {
	i := strings.Index(v, "brokerlist=")
	if i < 0 {
		return v
	}
	rest := v[i+len("brokerlist="):]
	if rest != "" && (rest[0] == '\'' || rest[0] == '"') {
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			rest = rest[:j]
		}
	} else if j := strings.IndexByte(rest, '&'); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
