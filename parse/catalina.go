package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tomcatDefaultPort is the port Tomcat uses for a Connector without @port.
const tomcatDefaultPort model.Port = 8080

// readCatalina reads tomcat/catalina-server.xml: every Service/Connector is a
// servlet listener whose port the runtime offsets. proxyPort is what clients see
// behind a load balancer, never a socket; the Server/@port shutdown port is not
// opened by Carbon's embedded Tomcat.
//
// Without the file nothing is reported here: what an absent file means (the
// distribution's 9443 and 9763 in an overlay, removed in a full home) is
// decided by catalog.Resolve.
func readCatalina(s *server) error {
	f, ok, err := s.readXML("tomcat/catalina-server.xml")
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	for _, svc := range f.doc.Root().SelectElements("Service") {
		for _, c := range svc.SelectElements("Connector") {
			if err := readConnector(s, f, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// connectorIsHTTPS reports whether a Connector's attributes make it an HTTPS one.
func connectorIsHTTPS(attr func(string) string) bool {
	return strings.EqualFold(attr("SSLEnabled"), "true") ||
		strings.EqualFold(attr("scheme"), "https") ||
		strings.EqualFold(attr("secure"), "true")
}

func readConnector(s *server, f *xmlFile, c *etree.Element) error {
	attr := func(name string) string { return strings.TrimSpace(c.SelectAttrValue(name, "")) }
	id := model.SvcServletHTTP
	if connectorIsHTTPS(attr) {
		id = model.SvcServletHTTPS
	}
	if v := c.SelectAttr("sslEnabledProtocols"); v != nil {
		s.set(model.KeyConnectorSSLProtocols, strings.TrimSpace(v.Value), f.attrPos(c, "sslEnabledProtocols"))
	} else if v := c.SelectAttr("sslProtocol"); v != nil {
		s.set(model.KeyConnectorSSLProtocols, strings.TrimSpace(v.Value), f.attrPos(c, "sslProtocol"))
	}
	readConnectorSecurity(s, f, c)
	if v := c.SelectAttr("keystorePass"); v != nil {
		s.set(model.KeyConnectorKeystorePass, v.Value, f.attrPos(c, "keystorePass"))
	}
	l := model.Listener{ID: id, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Bind: attr("address")}
	if strings.HasPrefix(strings.ToUpper(attr("protocol")), "AJP") {
		l.Note = "AJP connector"
	}
	if c.SelectAttr("port") == nil {
		l.Base = tomcatDefaultPort
		l.Source = f.elemPos(c)
		l.Note = joinNote(l.Note, "no port attribute: tomcat default 8080")
		s.listen(l)
		return nil
	}
	pos := f.attrPos(c, "port")
	raw := attr("port")
	port, placeholder, ok, err := s.portValue(raw, pos)
	if err != nil || !ok {
		if err == nil && placeholder {
			s.pending(l, raw, pos)
		}
		return err
	}
	if port == 0 {
		// Port 0 asks for a random free port: nothing a firewall can name.
		return nil
	}
	l.Base, l.Configured, l.Source = port, raw, pos
	s.listen(l)
	return nil
}

// joinNote appends b to the note a.
func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "; " + b
}
