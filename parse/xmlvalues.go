package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// named returns the first child of e with the tag and attribute name=value.
func named(e *etree.Element, tag, value string) *etree.Element {
	if e == nil {
		return nil
	}
	for _, c := range e.SelectElements(tag) {
		if strings.TrimSpace(c.SelectAttrValue("name", "")) == value {
			return c
		}
	}
	return nil
}

// bindText returns a bind address as written, or "" (all interfaces, the safe
// reading for a firewall) when it is a placeholder that cannot be resolved here.
func bindText(v string) string {
	v = strings.TrimSpace(v)
	if strings.Contains(v, "${") {
		return ""
	}
	return v
}

// isTrue reports whether a configuration flag says true (Java Boolean.parseBoolean).
func isTrue(v string) bool { return strings.EqualFold(strings.TrimSpace(v), "true") }

// attrTrue reads a boolean attribute that defaults to def when absent.
func attrTrue(e *etree.Element, name string, def bool) bool {
	a := e.SelectAttr(name)
	if a == nil {
		return def
	}
	return isTrue(a.Value)
}

// portListener resolves raw as a port value and fills Base, Configured and
// Offsetable of l. With literalOffset, a literal number is offset too (the
// runtime adds the offset itself); otherwise only ${Ports.X} placeholders are.
// ok is false when the value did not resolve (already recorded).
func (s *server) portListener(l *model.Listener, raw string, pos model.Pos, literalOffset bool) (ok bool, err error) {
	p, placeholder, ok, err := s.portValue(raw, pos)
	if err != nil || !ok {
		if err == nil && placeholder {
			s.pending(*l, raw, pos)
		}
		return false, err
	}
	l.Base, l.Configured, l.Source = p, strings.TrimSpace(raw), pos
	l.Offsetable = placeholder || literalOffset
	return true, nil
}

// pending attaches the listener l, whose port is the ${Ports.X} placeholder
// raw that carbon.xml does not resolve, to the unresolved reference
// portValue just recorded: catalog.Resolve resolves it against the
// distribution's carbon.xml when the home (an overlay) has none.
func (s *server) pending(l model.Listener, raw string, pos model.Pos) {
	n := len(s.srv.Unresolved)
	v := strings.TrimSpace(raw)
	if n == 0 || s.srv.Unresolved[n-1].Pos != pos || !strings.HasPrefix(v, "${Ports.") {
		return
	}
	if l.Proto == model.ProtoInvalid {
		l.Proto = model.ProtoTCP
	}
	if l.Dir == model.DirInvalid {
		l.Dir = model.DirIn
	}
	l.Base, l.Configured, l.Source, l.Offsetable = 0, v, pos, true
	s.srv.Unresolved[n-1].Listener = &l
}
