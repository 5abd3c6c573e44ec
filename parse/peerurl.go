package parse

import (
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// peerURL is one URL to a peer split into parts. Text inside ${...} tokens is
// never split, so "https://${carbon.local.ip}:${mgt.transport.https.port}/x" gives
// host "${carbon.local.ip}" and port "${mgt.transport.https.port}".
type peerURL struct {
	scheme string
	host   string
	port   string // as written: digits, one ${...} token, or "" when absent
}

// splitURLList splits a list of URLs as WSO2 writes receiver groups:
// "{tcp://a:9611,tcp://b:9611},{tcp://c:9611}" or "tcp://a:1|tcp://b:2" or
// space separated LDAP URLs. Separators inside ${...} are kept.
func splitURLList(s string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			cur.WriteByte(c)
		case c == '}' && depth > 0:
			depth--
			cur.WriteByte(c)
		case depth == 0 && (c == ',' || c == '{' || c == '}' || c == '|' || c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n'):
			flush()
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

// parsePeerURL splits scheme://[user@]host[:port][/path]. ok is false when the
// text has no "://" or no host.
func parsePeerURL(raw string) (peerURL, bool) {
	raw = strings.TrimSpace(raw)
	i := strings.Index(raw, "://")
	if i <= 0 {
		return peerURL{}, false
	}
	u := peerURL{scheme: strings.ToLower(raw[:i])}
	rest := raw[i+3:]
	// The authority ends at the first '/', '?', '#' or quote outside a token.
	end := scanOutside(rest, func(c byte) bool { return c == '/' || c == '?' || c == '#' || c == '\'' || c == '"' })
	auth := rest[:end]
	if at := lastOutside(auth, '@'); at >= 0 {
		auth = auth[at+1:]
	}
	if strings.HasPrefix(auth, "[") {
		j := strings.IndexByte(auth, ']')
		if j < 0 {
			return peerURL{}, false
		}
		u.host = auth[1:j]
		auth = auth[j+1:]
		if strings.HasPrefix(auth, ":") {
			u.port = portToken(auth[1:])
		}
	} else {
		j := scanOutside(auth, func(c byte) bool { return c == ':' })
		u.host = auth[:j]
		if j < len(auth) {
			u.port = portToken(auth[j+1:])
		}
	}
	if u.host == "" {
		return peerURL{}, false
	}
	return u, true
}

// portToken returns the port at the start of s: a run of digits, or one ${...}
// token (what follows, such as ${carbon.context}, is the path). Other text up to
// the end of s is returned as is, so that a bad port is reported.
func portToken(s string) string {
	if strings.HasPrefix(s, "${") {
		if j := strings.IndexByte(s, '}'); j >= 0 {
			return s[:j+1]
		}
		return s
	}
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == 0 || (j < len(s) && s[j] != '$') {
		return s
	}
	return s[:j]
}

// scanOutside returns the index of the first byte outside ${...} tokens for
// which stop is true, or len(s).
func scanOutside(s string, stop func(byte) bool) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case depth == 0 && stop(s[i]):
			return i
		}
	}
	return len(s)
}

// lastOutside returns the index of the last c outside ${...} tokens, or -1.
func lastOutside(s string, c byte) int {
	last := -1
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case depth == 0 && s[i] == c:
			last = i
		}
	}
	return last
}

// selfPort names a runtime property that holds one of this server's own ports.
type selfPort struct {
	id   string     // listener of this server whose base port it is, "" for a fixed base
	base model.Port // base port used when that listener was not recorded
}

// selfPorts are the system properties that Carbon and API Manager set from the
// server's own ports plus the offset before they read their configuration
// (APIManagerConfiguration.load sets receiver.url.port = 9611 + offset,
// auth.url.port = 9711 + offset and jms.port = 5672 + offset; Carbon sets the
// mgt.transport and nio ports from the connectors).
var selfPorts = sync.OnceValue(func() map[string]selfPort {
	return map[string]selfPort{
		"mgt.transport.https.port": {model.SvcServletHTTPS, 9443},
		"carbon.management.port":   {model.SvcServletHTTPS, 9443},
		"mgt.transport.http.port":  {model.SvcServletHTTP, 9763},
		"https.nio.port":           {model.SvcPassthruHTTPS, 8243},
		"http.nio.port":            {model.SvcPassthruHTTP, 8280},
		"receiver.url.port":        {"", 9611},
		"auth.url.port":            {"", 9711},
		"jms.port":                 {"", 5672},
	}
})

// urlPort resolves the port text of a URL. A literal is what it says (never
// offset); ${Ports.X} resolves against carbon.xml (offset); a property that names
// one of this server's ports resolves to that port's base (offset). Anything
// else is recorded as unresolved and ok is false. A port that is neither a
// number nor a token is an input error.
func (s *server) urlPort(text string, pos model.Pos) (port model.Port, offsetable, ok bool, err error) {
	if strings.HasPrefix(text, "${") && strings.HasSuffix(text, "}") && strings.Count(text, "${") == 1 {
		name := text[2 : len(text)-1]
		if p, off, found := s.runtimeProp(name); found {
			return p, off, true, nil
		}
		if sp, found := selfPorts()[name]; found {
			return s.ownBase(sp), true, true, nil
		}
		p, placeholder, ok, err := s.portValue(text, pos)
		return p, placeholder, ok, err
	}
	if strings.Contains(text, "${") {
		s.unresolved(text, pos)
		return 0, false, false, nil
	}
	p, _, ok, err := s.portValue(text, pos)
	return p, false, ok, err
}

// ownBase returns the base port of a listener this server already recorded,
// or the default.
func (s *server) ownBase(sp selfPort) model.Port {
	if sp.id != "" {
		for _, l := range s.srv.Listeners {
			if l.ID == sp.id && l.Dir == model.DirIn {
				return l.Base
			}
		}
	}
	return sp.base
}

// schemePorts are the ports a URL uses when it names none.
var schemePorts = sync.OnceValue(func() map[string]model.Port {
	return map[string]model.Port{
		"http": 80, "https": 443, "ws": 80, "wss": 443, "ldap": 389, "ldaps": 636,
	}
})

// peer records one outbound listener per URL in list (see splitURLList).
func (s *server) peer(id, list string, pos model.Pos, enabled bool) error {
	for _, raw := range splitURLList(list) {
		u, ok := parsePeerURL(raw)
		if !ok {
			continue
		}
		l := model.Listener{ID: id, Dir: model.DirOut, Host: u.host, Enabled: enabled, Source: pos, Configured: u.port}
		if u.port == "" {
			def, known := schemePorts()[u.scheme]
			if !known {
				continue
			}
			l.Base, l.Note = def, "no port in URL: "+u.scheme+" default"
			s.listen(l)
			continue
		}
		p, offsetable, ok, err := s.urlPort(u.port, pos)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		l.Base, l.Offsetable = p, offsetable
		switch {
		case !offsetable:
			l.Note = "literal port in URL, not offset"
		case strings.HasPrefix(u.port, "${Ports."):
			l.Note = "carbon.xml port placeholder, offset"
		default:
			l.Note = "runtime property of this server's own port, offset"
		}
		s.listen(l)
	}
	return nil
}
