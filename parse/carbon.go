package parse

import (
	"sort"
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
		s.serverKey = f.text(e)
	}
	if e := root.SelectElement("Version"); e != nil {
		s.version = f.text(e)
	}
	for _, k := range []struct{ tag, key string }{{"HostName", model.KeyCarbonHostName}, {"MgtHostName", model.KeyCarbonMgtHostName}} {
		if e := root.SelectElement(k.tag); e != nil {
			s.set(k.key, f.text(e), f.textPos(e))
		}
	}
	if ports := root.SelectElement("Ports"); ports != nil {
		collectPorts(f, ports, "", s.ports)
		for _, k := range sortedKeys(s.ports) {
			s.set(model.KeyCarbonPortsPrefix+k, s.ports[k].value, s.ports[k].pos)
		}
		if e := ports.SelectElement("Offset"); e != nil {
			pos := f.textPos(e)
			v := f.text(e)
			n, err := parseOffset(v)
			if err != nil {
				return &Error{File: s.h.display(f.rel), Line: pos.Line, Err: err}
			}
			s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: model.OriginCarbon, Text: v, Value: n, Known: true, Pos: pos})
			s.carbon.offset, s.carbon.offsetSet, s.carbon.offsetPos = n, true, pos
		}
	}
	readCarbonSecurity(s, f, root)
	if sec := root.SelectElement("Security"); sec != nil {
		for _, k := range []struct{ path, key string }{
			{"KeyStore/Location", model.KeyKeyStoreLocation},
			{"KeyStore/Password", model.KeyKeyStorePassword},
			{"KeyStore/KeyPassword", model.KeyKeyStoreKeyPassword},
			{"InternalKeyStore/Location", model.KeyInternalKeyStoreLocation},
			{"InternalKeyStore/Password", model.KeyInternalKeyStorePassword},
			{"InternalKeyStore/KeyPassword", model.KeyInternalKeyStoreKeyPassword},
			{"TrustStore/Location", model.KeyTrustStoreLocation},
			{"TrustStore/Password", model.KeyTrustStorePassword},
		} {
			if e := sec.FindElement(k.path); e != nil {
				s.setSecret(k.key, f, e)
			}
		}
	}
	return nil
}

// secureVaultNS is the namespace of the secure vault's attributes
// (conventionally bound to the prefix svns).
const secureVaultNS = "http://org.wso2.securevault/configuration"

// secretAlias returns the secure-vault alias that e carries, or "": the value
// of an attribute secretAlias that is unprefixed, has a prefix bound to the
// secure vault namespace, or has the conventional prefix svns left unbound.
// The server resolves such an element from the vault at run time; its text
// (cipher-tool leaves "password" there) is not the value.
func secretAlias(e *etree.Element) string {
	if e == nil {
		return ""
	}
	for i := range e.Attr {
		a := &e.Attr[i]
		if a.Key != "secretAlias" || a.Space == "xmlns" {
			continue
		}
		v := strings.TrimSpace(a.Value)
		if v == "" {
			continue
		}
		uri := a.NamespaceURI()
		if a.Space == "" || uri == secureVaultNS || (uri == "" && a.Space == "svns") {
			return v
		}
	}
	return ""
}

// setSecret records the trimmed text of a password-like element e under key,
// at its text, and, when e carries a secure-vault alias, a model.KeySecretAlias
// setting at the same position.
func (s *server) setSecret(key string, f *xmlFile, e *etree.Element) {
	pos := f.textPos(e)
	s.set(key, f.text(e), pos)
	if alias := secretAlias(e); alias != "" {
		s.set(model.KeySecretAlias, alias, pos)
	}
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
			out[name] = portEntry{value: f.text(c), pos: f.textPos(c)}
		}
	}
}

// sortedKeys returns the keys of the Ports tree in order, so that settings are
// recorded deterministically.
func sortedKeys(m map[string]portEntry) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
