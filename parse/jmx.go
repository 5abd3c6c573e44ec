package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// JMX port keys of the carbon.xml Ports tree.
const (
	jmxRegistryKey = "JMX.RMIRegistryPort"
	jmxServerKey   = "JMX.RMIServerPort"
)

// readJMX reads etc/jmx.xml: StartRMIServer switches the JMX RMI registry and
// server on; their ports are ${Ports.JMX.*} placeholders that resolve against
// carbon.xml and are offset, while a literal number in their place is used as
// written. HostName only goes into the advertised service URL: the registry binds
// every interface, so Bind stays empty.
//
// The Carbon 4.4 kernel (JMXServerManager.parseJMXConfigXML) starts with
// startServer false and sets it only from a StartRMIServer element with text
// (Boolean.parseBoolean, so any case of "true"): a jmx.xml without the element,
// with it commented out or empty, leaves the RMI registry and server off. Their
// listeners are then recorded disabled, with a note.
//
// Without etc/jmx.xml nothing is reported here: catalog.Resolve decides what
// the absent file means (the distribution's jmx.xml, StartRMIServer true with
// the carbon.xml Ports/JMX ports, in an overlay; removed in a full home).
func readJMX(s *server) error {
	f, ok, err := s.readXML("etc/jmx.xml")
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	root := f.doc.Root()
	enabled := false
	note := "no StartRMIServer element in etc/jmx.xml: the kernel leaves the RMI server off"
	if e := root.SelectElement("StartRMIServer"); e != nil {
		v := f.text(e)
		s.set(model.KeyJMXStartRMIServer, v, f.textPos(e))
		enabled, note = strings.EqualFold(v, "true"), ""
	}
	for _, k := range []struct{ tag, key, id string }{
		{"RMIRegistryPort", jmxRegistryKey, model.SvcJMXRegistry},
		{"RMIServerPort", jmxServerKey, model.SvcJMXServer},
	} {
		if err := jmxPort(s, f, root.SelectElement(k.tag), k.key, k.id, enabled, note); err != nil {
			return err
		}
	}
	return nil
}

// jmxPort records one JMX listener from its jmx.xml element, or from carbon.xml
// when the element is absent.
func jmxPort(s *server, f *xmlFile, e *etree.Element, key, id string, enabled bool, note string) error {
	l := model.Listener{ID: id, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: enabled, Note: note}
	if e == nil {
		pe, found := s.ports[key]
		if !found {
			return nil
		}
		port, err := parsePort(pe.value)
		if err != nil {
			return &Error{File: s.h.display(pe.pos.File), Line: pe.pos.Line, Err: err}
		}
		l.Base, l.Configured, l.Offsetable, l.Source = port, pe.value, true, pe.pos
		s.listen(l)
		return nil
	}
	raw := f.text(e)
	pos := f.textPos(e)
	port, placeholder, ok, err := s.portValue(raw, pos)
	if err != nil || !ok {
		if err == nil && placeholder {
			s.pending(l, raw, pos)
		}
		return err
	}
	l.Base, l.Configured, l.Offsetable, l.Source = port, raw, placeholder, pos
	if !placeholder {
		l.Note = joinNote(l.Note, "literal port: not offset")
	}
	s.listen(l)
	return nil
}
