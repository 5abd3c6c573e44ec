package catalog

import (
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Conf-relative paths of the port-opening files every Carbon 4.4.x
// distribution ships.
const (
	distJMX        = "etc/jmx.xml"
	distLDAP       = "identity/embedded-ldap.xml"
	distCarbon     = "carbon.xml"
	distToml       = "deployment.toml"
	distMSF4JNetty = "transports/netty-transports.yml"
	distMSF4JYML   = "carbon.yml"
	msf4jProfile   = "msf4j"
)

// Notes of the listeners of an absent file (kept as parse wrote them before
// the fills moved here, so that the reports do not change).
const (
	noteCatalina = "tomcat/catalina-server.xml is not in the home: the distribution's connector"
	noteJMX      = "etc/jmx.xml absent: the distribution's jmx.xml (StartRMIServer true) is assumed"
	noteMSF4J    = "transports/netty-transports.yml is not in the home: the distribution's 9090"
	noteNoCarbon = "carbon.xml is not in the home: the distribution's Ports value"
)

// absentFile is one port-opening file of the distribution that the home
// lacks, for one server, and the listeners the distribution's copy opens
// (offset not yet applied).
type absentFile struct {
	rel       string // home-relative
	listeners []model.Listener
}

// resolveDistribution is the one place that decides what a port-opening file
// absent from the home means (DOMAIN.md §9). Parse reports only what the
// files of the home say; here the distribution's stock content fills the
// gaps. In an overlay (model.LayoutOverlay) the listeners of every absent
// file are added, Origin FromDistribution; in a full home (model.LayoutFull)
// the file was removed: each is recorded in Server.Removed (lint rule WL405)
// and none of its listeners is added. Servers configured by deployment.toml
// get only the era-independent fills (jmx.xml from carbon.xml's Ports); their
// other defaults come from ResolveToml.
func resolveDistribution(h *model.Home) {
	read := make(map[string]bool, len(h.Files))
	for _, f := range h.Files {
		read[f] = true
	}
	for si := range h.Servers {
		s := &h.Servers[si]
		if h.Layout == model.LayoutOverlay && s.Toml == nil && !read[path.Join(s.ConfDir, distCarbon)] {
			resolvePending(h.Product, s)
		}
		files := absentFiles(h, s, read)
		if len(files) == 0 {
			continue
		}
		if h.Layout == model.LayoutFull {
			at := removedPos(h, s, read)
			for _, f := range files {
				s.Removed = append(s.Removed, model.RemovedFile{File: f.rel, Listeners: f.listeners, Pos: at})
			}
			continue
		}
		for _, f := range files {
			s.Listeners = append(s.Listeners, f.listeners...)
		}
	}
}

// absentFiles lists the port-opening files of s's distribution that the home
// lacks: the generic Carbon 4.4.x files (catalina-server.xml when carbon.xml
// is there, jmx.xml, the MSF4J transports), then the per-version stock rows
// of stockFiles.
func absentFiles(h *model.Home, s *model.Server, read map[string]bool) []absentFile {
	conf := func(rel string) string { return path.Join(s.ConfDir, rel) }
	var out []absentFile
	carbonRead := read[conf(distCarbon)]
	tomlRead := read[conf(distToml)]
	servletDone := false
	if !read[conf(stockCatalina)] && carbonRead && !tomlRead && s.Profile != msf4jProfile && !hasServlet(s) {
		at := carbonOffsetPos(s)
		if at.IsZero() {
			at = model.Pos{File: conf(distCarbon), Line: 1, Col: 1, Path: "/Server"}
		}
		var ls []model.Listener
		for _, c := range []struct {
			id   string
			port model.Port
		}{{model.SvcServletHTTPS, 9443}, {model.SvcServletHTTP, 9763}} {
			ls = append(ls, model.Listener{ID: c.id, Base: c.port, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn,
				Enabled: true, Source: at, Note: noteCatalina, Origin: model.FromDistribution})
		}
		out = append(out, absentFile{rel: conf(stockCatalina), listeners: ls})
		servletDone = true
	}
	if !read[conf(distJMX)] {
		if ls := jmxListeners(h, s, carbonRead, read); len(ls) > 0 {
			out = append(out, absentFile{rel: conf(distJMX), listeners: ls})
		}
	}
	if s.Profile == msf4jProfile && read[conf(distMSF4JYML)] && !read[conf(distMSF4JNetty)] {
		out = append(out, absentFile{rel: conf(distMSF4JNetty), listeners: []model.Listener{{ID: model.SvcMSF4JHTTP, Base: 9090,
			Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Source: model.Pos{File: conf(distMSF4JYML), Line: 1, Col: 1},
			Note: noteMSF4J, Origin: model.FromDistribution}}})
	}
	if s.Toml != nil {
		return out
	}
	for _, sf := range stockFiles() {
		if sf.product != h.Product.Key || sf.version != h.Product.Version || !hasProfile(sf.profiles, s.Profile) {
			continue
		}
		rel := conf(sf.rel)
		if read[rel] || (sf.servlet && (servletDone || hasServlet(s))) || (sf.notWith != "" && read[conf(sf.notWith)]) {
			continue
		}
		var ls []model.Listener
		for _, sl := range sf.listeners {
			ls = append(ls, stockListenerOf(s, sf, sl, read))
		}
		out = append(out, absentFile{rel: rel, listeners: ls})
	}
	return out
}

// stockListenerOf is the listener sl of the stock file sf: its port is the
// home's carbon.xml Ports value when sl names one and the home sets it (the
// stock file writes a ${Ports.X} placeholder), else the stock value.
func stockListenerOf(s *model.Server, sf stockFile, sl stockListener, read map[string]bool) model.Listener {
	l := model.Listener{ID: sl.id, Base: sl.port, Offsetable: true, Proto: sl.proto, Dir: model.DirIn,
		Enabled: !sl.off, Source: stockSource(s, read), Note: sf.rel + stockNote, Origin: model.FromDistribution}
	if sl.portsKey != "" {
		if st, ok := s.Setting(model.KeyCarbonPortsPrefix + sl.portsKey); ok {
			if p, ok := portNumber(st.Value); ok {
				l.Base, l.Configured, l.Source = p, st.Value, st.Pos
			}
		}
	}
	if sl.clusterOnly {
		st, ok := s.Setting(model.KeyClusteringEnable)
		l.Enabled = isTrueValue(st.Value, ok, false)
		l.Note = joinNote(l.Note, "opened only when the broker runs clustered")
	}
	return l
}

// jmxListeners are the listeners of the distribution's etc/jmx.xml
// (StartRMIServer true, ports ${Ports.JMX.RMIRegistryPort} and
// ${Ports.JMX.RMIServerPort}): resolved against the home's carbon.xml, or,
// when the home has no carbon.xml either, against the distribution's
// carbon.xml <Ports> for the product versions stockCarbonPorts knows.
func jmxListeners(h *model.Home, s *model.Server, carbonRead bool, read map[string]bool) []model.Listener {
	var out []model.Listener
	for _, k := range []struct{ key, id string }{{"JMX.RMIRegistryPort", model.SvcJMXRegistry}, {"JMX.RMIServerPort", model.SvcJMXServer}} {
		l := model.Listener{ID: k.id, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Origin: model.FromDistribution, Note: noteJMX}
		if st, ok := s.Setting(model.KeyCarbonPortsPrefix + k.key); ok {
			p, ok := portNumber(st.Value)
			if !ok {
				continue
			}
			l.Base, l.Configured, l.Source = p, st.Value, st.Pos
			out = append(out, l)
			continue
		}
		if carbonRead || s.Toml != nil {
			continue
		}
		p, ok := stockCarbonPort(h.Product, s.Profile, k.key)
		if !ok {
			continue
		}
		l.Base, l.Source = p, stockSource(s, read)
		l.Note = joinNote(l.Note, noteNoCarbon+" "+k.key+" "+strconv.Itoa(int(p)))
		out = append(out, l)
	}
	return out
}

// carbonOffsetPos is where carbon.xml sets the offset; the zero Pos when it
// does not.
func carbonOffsetPos(s *model.Server) model.Pos {
	for _, o := range s.Offsets {
		if o.Origin == model.OriginCarbon {
			return o.Pos
		}
	}
	return model.Pos{}
}

// removedPos is where a WL405 finding of a full home points: the first start
// script of the home that parse read (the start script and lib/ make the home
// a full one, and it is the file that starts the server without the removed
// file), else the server's carbon.xml, else the first file read.
func removedPos(h *model.Home, s *model.Server, read map[string]bool) model.Pos {
	for _, f := range h.Files {
		if strings.HasPrefix(f, "bin/") && strings.HasSuffix(f, ".sh") {
			return model.Pos{File: f, Line: 1, Col: 1}
		}
	}
	for _, f := range h.Files {
		if strings.HasPrefix(f, "bin/") && strings.HasSuffix(f, ".bat") {
			return model.Pos{File: f, Line: 1, Col: 1}
		}
	}
	if c := path.Join(s.ConfDir, distCarbon); read[c] {
		return model.Pos{File: c, Line: 1, Col: 1, Path: "/Server"}
	}
	if len(h.Files) > 0 {
		return model.Pos{File: h.Files[0], Line: 1, Col: 1}
	}
	return model.Pos{}
}

// applyOffsets adds each server's offset to its listeners (and to the
// listeners of its removed files) and sorts them: the one place the offset
// is applied (model.Listener.ApplyOffset), after every listener is known.
func applyOffsets(h *model.Home) {
	for si := range h.Servers {
		s := &h.Servers[si]
		for li := range s.Listeners {
			s.Listeners[li].ApplyOffset(s.Offset.Value)
		}
		for ri := range s.Removed {
			ls := s.Removed[ri].Listeners
			for li := range ls {
				ls[li].ApplyOffset(s.Offset.Value)
			}
			sort.SliceStable(ls, func(i, j int) bool { return model.LessListener(ls[i], ls[j]) })
		}
		s.Sort()
	}
}

// resolvePending resolves, for a server of an overlay without carbon.xml, the
// ${Ports.X} placeholders of the home's files against the distribution's
// carbon.xml <Ports> (stockCarbonPort): each becomes its listener, with a
// note, and leaves Unresolved. Placeholders the stock data does not know stay
// unresolved.
func resolvePending(p model.Product, s *model.Server) {
	kept := s.Unresolved[:0]
	for _, r := range s.Unresolved {
		key := strings.TrimSuffix(strings.TrimPrefix(r.Expr, "${Ports."), "}")
		port, ok := stockCarbonPort(p, s.Profile, key)
		if r.Listener == nil || !ok {
			kept = append(kept, r)
			continue
		}
		l := *r.Listener
		l.Base = port
		l.Note = joinNote(l.Note, noteNoCarbon+" "+key+" "+strconv.Itoa(int(port)))
		s.Listeners = append(s.Listeners, l)
	}
	s.Unresolved = kept
}
