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
// Without etc/jmx.xml at all the home is taken to be a configuration repository
// that holds only the files it changes: the server runs the distribution's
// jmx.xml, which ships StartRMIServer true with the ${Ports.JMX.*} placeholders,
// so both listeners come from carbon.xml, enabled, with a note (jmxFromCarbon).
// In a full home (model.LayoutFull) the absent file was removed: nothing opens.
func readJMX(s *server) error {
	f, ok, err := s.readXML("etc/jmx.xml")
	if err != nil {
		return err
	}
	if !ok {
		if s.layout == model.LayoutFull {
			return nil // removed from a full home: no RMI server
		}
		return jmxFromCarbon(s)
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
		return err
	}
	l.Base, l.Configured, l.Offsetable, l.Source = port, raw, placeholder, pos
	if !placeholder {
		l.Note = joinNote(l.Note, "literal port: not offset")
	}
	s.listen(l)
	return nil
}

// jmxFromCarbon adds the JMX listeners from carbon.xml when etc/jmx.xml is
// absent: the distribution's jmx.xml (StartRMIServer true, ports from the
// carbon.xml Ports/JMX placeholders) is assumed, so they are enabled and offset.
func jmxFromCarbon(s *server) error {
	for _, k := range []struct{ key, id string }{{jmxRegistryKey, model.SvcJMXRegistry}, {jmxServerKey, model.SvcJMXServer}} {
		pe, found := s.ports[k.key]
		if !found {
			continue
		}
		port, err := parsePort(pe.value)
		if err != nil {
			return &Error{File: s.h.display(pe.pos.File), Line: pe.pos.Line, Err: err}
		}
		s.listen(model.Listener{ID: k.id, Base: port, Configured: pe.value, Offsetable: true, Proto: model.ProtoTCP,
			Dir: model.DirIn, Enabled: true, Source: pe.pos, Origin: model.FromDistribution,
			Note: "etc/jmx.xml absent: the distribution's jmx.xml (StartRMIServer true) is assumed"})
	}
	return nil
}
