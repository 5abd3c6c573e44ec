package parse

import (
	"net"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Default ports of the log4j network appenders.
const (
	syslogDefaultPort model.Port = 514
	log4jSocketPort   model.Port = 4560
)

// readLog4j reads log4j.properties: syslog, socket and JMS appenders are
// connections the server opens (SocketHubAppender is the exception: it listens).
// An appender is enabled only when a logger lists it (log4j.rootLogger,
// log4j.rootCategory, log4j.logger.*, log4j.category.*).
func readLog4j(s *server) error {
	f, ok, err := s.readProps(s.rel("log4j.properties"))
	if err != nil || !ok {
		return err
	}
	attached := log4jAttached(f)
	for _, e := range f.entries {
		name, isAppender := strings.CutPrefix(e.key, "log4j.appender.")
		if !isAppender || name == "" || strings.Contains(name, ".") {
			continue
		}
		if last, ok := f.get(e.key); !ok || last.keyPos != e.keyPos {
			continue // a repeated definition: the last one counts
		}
		class := strings.TrimSpace(e.value)
		var err error
		switch {
		case strings.HasSuffix(class, "SyslogAppender"):
			err = log4jSyslog(s, f, name, e, attached[name])
		case strings.HasSuffix(class, "SocketHubAppender"):
			err = log4jSocket(s, f, name, e, attached[name], true)
		case strings.HasSuffix(class, "SocketAppender"):
			err = log4jSocket(s, f, name, e, attached[name], false)
		case strings.HasSuffix(class, "JMSAppender"):
			err = log4jJMS(s, f, name, attached[name])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// log4jAttached returns the appender names that some logger lists. The first
// item of a logger value is its level (possibly empty), the rest are appenders.
func log4jAttached(f *propsFile) map[string]bool {
	out := map[string]bool{}
	for _, e := range f.entries {
		if last, ok := f.get(e.key); !ok || last.keyPos != e.keyPos {
			continue
		}
		k := e.key
		if k != "log4j.rootLogger" && k != "log4j.rootCategory" &&
			!strings.HasPrefix(k, "log4j.logger.") && !strings.HasPrefix(k, "log4j.category.") {
			continue
		}
		items := strings.Split(e.value, ",")
		for _, it := range items[1:] {
			if n := strings.TrimSpace(it); n != "" {
				out[n] = true
			}
		}
	}
	return out
}

// log4jSyslog records a SyslogAppender: UDP to SyslogHost (host or host:port).
func log4jSyslog(s *server, f *propsFile, name string, def propEntry, attached bool) error {
	l := model.Listener{ID: model.SvcSyslog, Base: syslogDefaultPort, Proto: model.ProtoUDP, Dir: model.DirOut,
		Enabled: attached, Source: def.valuePos}
	if !attached {
		l.Note = "appender not attached to any logger"
	}
	he, ok := f.get("log4j.appender." + name + ".SyslogHost")
	v := strings.TrimSpace(he.value)
	if !ok || v == "" {
		l.Enabled = false
		l.Note = joinNote(l.Note, "no SyslogHost: the appender sends nothing")
		s.listen(l)
		return nil
	}
	if strings.Contains(v, "${") {
		s.unresolved(v, he.valuePos)
		return nil
	}
	host, port, hasPort := splitHostPort(v)
	l.Host = host
	if hasPort {
		p, _, ok, err := s.portValue(port, he.valuePos)
		if err != nil || !ok {
			return err
		}
		l.Base, l.Configured, l.Source = p, port, he.valuePos
	}
	s.listen(l)
	return nil
}

// splitHostPort splits "host:port" or "[v6]:port"; a bare host (or IPv6
// address) has no port.
func splitHostPort(v string) (host, port string, ok bool) {
	if h, p, err := net.SplitHostPort(v); err == nil {
		return h, p, true
	}
	return strings.Trim(v, "[]"), "", false
}

// log4jSocket records a SocketAppender (outbound to RemoteHost:Port) or a
// SocketHubAppender (listening on Port).
func log4jSocket(s *server, f *propsFile, name string, def propEntry, attached, hub bool) error {
	l := model.Listener{ID: model.SvcLog4jSocket, Base: log4jSocketPort, Proto: model.ProtoTCP, Dir: model.DirOut,
		Enabled: attached, Source: def.valuePos}
	if hub {
		l.Dir = model.DirIn
		l.Note = "SocketHubAppender listens for log viewers"
	}
	if !attached {
		l.Note = joinNote(l.Note, "appender not attached to any logger")
	}
	if !hub {
		he, ok := f.get("log4j.appender." + name + ".RemoteHost")
		if !ok || strings.TrimSpace(he.value) == "" {
			l.Enabled = false
			l.Note = joinNote(l.Note, "no RemoteHost: the appender sends nothing")
		} else if strings.Contains(he.value, "${") {
			s.unresolved(strings.TrimSpace(he.value), he.valuePos)
			return nil
		}
		l.Host = strings.TrimSpace(he.value)
	}
	if pe, ok := f.get("log4j.appender." + name + ".Port"); ok {
		raw := strings.TrimSpace(pe.value)
		p, _, ok, err := s.portValue(raw, pe.valuePos)
		if err != nil || !ok {
			return err
		}
		l.Base, l.Configured, l.Source = p, raw, pe.valuePos
	}
	s.listen(l)
	return nil
}

// log4jJMS records a JMSAppender whose ProviderURL is a literal
// scheme://host:port URL; anything else (JNDI names, failover lists) is left out.
func log4jJMS(s *server, f *propsFile, name string, attached bool) error {
	pe, ok := f.get("log4j.appender." + name + ".ProviderURL")
	if !ok {
		return nil
	}
	v := strings.TrimSpace(pe.value)
	if strings.Contains(v, "${") {
		s.unresolved(v, pe.valuePos)
		return nil
	}
	_, rest, found := strings.Cut(v, "://")
	if !found {
		return nil
	}
	rest, _, _ = strings.Cut(rest, "/")
	rest, _, _ = strings.Cut(rest, "?")
	host, port, hasPort := splitHostPort(rest)
	if !hasPort || strings.ContainsAny(rest, ",()") {
		return nil
	}
	p, err := parsePort(port)
	if err != nil {
		return nil // not a simple URL: nothing a firewall can name
	}
	l := model.Listener{ID: model.SvcJMSAppender, Base: p, Configured: v, Proto: model.ProtoTCP, Dir: model.DirOut,
		Enabled: attached, Host: host, Source: pe.valuePos}
	if !attached {
		l.Note = "appender not attached to any logger"
	}
	s.listen(l)
	return nil
}
