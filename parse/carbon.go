package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readCarbon reads carbon.xml: the port offset, the /Server/Ports tree that
// ${Ports.X.Y} placeholders resolve against, HostName and the primary keystore.
// carbon.xml uses a default XML namespace; etree matches on local names.
func readCarbon(s *server) error {
	f, ok, err := s.readXML("carbon.xml")
	if err != nil || !ok {
		return err
	}
	root := f.doc.Root()
	s.ports = map[string]portEntry{}
	s.carbon = &carbonInfo{}
	if e := root.SelectElement("ServerKey"); e != nil {
		s.serverKey = strings.TrimSpace(e.Text())
	}
	if e := root.SelectElement("Version"); e != nil {
		s.version = strings.TrimSpace(e.Text())
	}
	for _, k := range []struct{ tag, key string }{{"HostName", model.KeyCarbonHostName}, {"MgtHostName", model.KeyCarbonMgtHostName}} {
		if e := root.SelectElement(k.tag); e != nil {
			s.set(k.key, strings.TrimSpace(e.Text()), f.textPos(e))
		}
	}
	if ports := root.SelectElement("Ports"); ports != nil {
		collectPorts(f, ports, "", s.ports)
		if e := ports.SelectElement("Offset"); e != nil {
			pos := f.textPos(e)
			v := strings.TrimSpace(e.Text())
			s.set(model.KeyCarbonOffset, v, pos)
			n, err := parseOffset(v)
			if err != nil {
				return &Error{File: s.h.display(f.rel), Line: pos.Line, Err: err}
			}
			s.carbon.offset, s.carbon.offsetSet, s.carbon.offsetPos = n, true, pos
		}
	}
	if sec := root.SelectElement("Security"); sec != nil {
		for _, k := range []struct{ path, key string }{
			{"KeyStore/Location", model.KeyKeyStoreLocation},
			{"KeyStore/Password", model.KeyKeyStorePassword},
			{"KeyStore/KeyPassword", model.KeyKeyStoreKeyPassword},
			{"TrustStore/Location", model.KeyTrustStoreLocation},
			{"TrustStore/Password", model.KeyTrustStorePassword},
		} {
			if e := sec.FindElement(k.path); e != nil {
				s.set(k.key, strings.TrimSpace(e.Text()), f.textPos(e))
			}
		}
	}
	return nil
}

// collectPorts flattens the Ports tree into "JMX.RMIRegistryPort" → value.
func collectPorts(f *xmlFile, e *etree.Element, prefix string, out map[string]portEntry) {
	for _, c := range e.ChildElements() {
		name := c.Tag
		if prefix != "" {
			name = prefix + "." + c.Tag
		}
		if len(c.ChildElements()) > 0 {
			collectPorts(f, c, name, out)
			continue
		}
		if _, dup := out[name]; !dup {
			out[name] = portEntry{value: strings.TrimSpace(c.Text()), pos: f.textPos(c)}
		}
	}
}
