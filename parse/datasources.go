package parse

import (
	"path"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// jdbcDefaults are the ports a JDBC URL uses when it names none.
var jdbcDefaults = sync.OnceValue(func() map[string]model.Port {
	return map[string]model.Port{
		"mysql": 3306, "mariadb": 3306, "postgresql": 5432, "oracle": 1521, "sqlserver": 1433,
		"db2": 50000, "h2": 9092, "informix-sqli": 9088,
	}
})

// readDatasources reads datasources/*.xml (master-datasources.xml and product
// files): each RDBMS definition/configuration/url is an outbound jdbc peer
// (embedded H2, file or mem URLs, is not network and is skipped), and each
// definition/configuration/password is recorded (KeyDatasourcePassword, with
// its secure-vault alias).
func readDatasources(s *server) error {
	dir := s.rel("datasources")
	names, err := s.h.list(dir)
	if err != nil {
		return err
	}
	for _, n := range names {
		if !strings.HasSuffix(strings.ToLower(n), ".xml") {
			continue
		}
		f, ok, err := s.readXMLAt(path.Join(dir, n))
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		ds := f.doc.Root().SelectElement("datasources")
		if ds == nil {
			continue
		}
		for _, d := range ds.SelectElements("datasource") {
			if pw := d.FindElement("definition/configuration/password"); pw != nil {
				s.setSecret(model.KeyDatasourcePassword, f, pw)
			}
			u := d.FindElement("definition/configuration/url")
			if u == nil {
				continue
			}
			if err := s.jdbcPeer(f.text(u), f.textPos(u)); err != nil {
				return err
			}
		}
	}
	return nil
}

// jdbcPeer records the hosts of one JDBC URL.
func (s *server) jdbcPeer(url string, pos model.Pos) error {
	for _, hp := range jdbcHosts(url) {
		l := model.Listener{ID: model.SvcJDBC, Dir: model.DirOut, Host: hp.host, Enabled: true, Source: pos}
		if hp.port == "" {
			l.Base, l.Note = hp.def, "no port in JDBC URL: driver default"
			s.listen(l)
			continue
		}
		p, off, ok, err := s.urlPort(hp.port, pos)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		l.Base, l.Offsetable, l.Configured = p, off, hp.port
		s.listen(l)
	}
	return nil
}

// jdbcHost is one host of a JDBC URL.
type jdbcHost struct {
	host, port string
	def        model.Port
}

// jdbcHosts extracts the network hosts of a JDBC URL: jdbc:mysql://a:3306,b/db,
// jdbc:postgresql://h/db, jdbc:oracle:thin:@h:1521:SID, jdbc:oracle:thin:@//h:1521/svc,
// jdbc:sqlserver://h:1433;databaseName=x, jdbc:db2://h:50000/db, jdbc:h2:tcp://h:9092/x.
// Embedded databases give nothing.
func jdbcHosts(url string) []jdbcHost {
	rest, ok := strings.CutPrefix(strings.TrimSpace(url), "jdbc:")
	if !ok {
		return nil
	}
	vendor, after, _ := strings.Cut(rest, ":")
	vendor = strings.ToLower(vendor)
	def, known := jdbcDefaults()[vendor]
	if !known {
		return nil
	}
	var auth string
	switch vendor {
	case "h2":
		low := strings.ToLower(after)
		if !strings.HasPrefix(low, "tcp://") && !strings.HasPrefix(low, "ssl://") {
			return nil // file or in-memory database
		}
		auth = after[len("tcp://"):]
	case "oracle":
		i := strings.IndexByte(after, '@')
		if i < 0 {
			return nil
		}
		auth = strings.TrimPrefix(after[i+1:], "//")
		if strings.HasPrefix(auth, "(") {
			return oracleDescriptor(auth, def)
		}
		// host:port:SID or host:port/service
		host, p, _ := strings.Cut(auth, ":")
		p, _, _ = strings.Cut(p, ":")
		p, _, _ = strings.Cut(p, "/")
		return []jdbcHost{{host: host, port: p, def: def}}
	default:
		a, ok := strings.CutPrefix(after, "//")
		if !ok {
			return nil
		}
		auth = a
	}
	end := scanOutside(auth, func(c byte) bool { return c == '/' || c == ';' || c == '?' })
	auth = auth[:end]
	var out []jdbcHost
	for _, hp := range strings.Split(auth, ",") {
		if at := lastOutside(hp, '@'); at >= 0 {
			hp = hp[at+1:]
		}
		j := scanOutside(hp, func(c byte) bool { return c == ':' })
		h := jdbcHost{host: hp[:j], def: def}
		if j < len(hp) {
			h.port = portToken(hp[j+1:])
		}
		if h.host != "" {
			out = append(out, h)
		}
	}
	return out
}

// oracleDescriptor reads HOST= and PORT= pairs of an Oracle connect descriptor.
func oracleDescriptor(d string, def model.Port) []jdbcHost {
	var out []jdbcHost
	low := asciiUpper(d) // same length as d, so indexes into low hold for d
	for {
		i := strings.Index(low, "HOST=")
		if i < 0 {
			return out
		}
		h := jdbcHost{def: def, host: strings.TrimSpace(d[i+5 : i+5+strings.IndexAny(d[i+5:]+")", ")")])}
		rest := low[i+5:]
		if j := strings.Index(rest, "PORT="); j >= 0 {
			k := i + 5 + j + 5
			e := strings.IndexByte(d[k:]+")", ')')
			h.port = strings.TrimSpace(d[k : k+e])
		}
		out = append(out, h)
		d, low = d[i+5:], low[i+5:]
	}
}
