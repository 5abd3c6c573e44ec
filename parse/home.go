package parse

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse/xmlpos"
)

// Options control how a home is read.
type Options struct {
	// Offset models -DportOffset=N on the command line (--offset); nil when not given.
	Offset *int
	// OffsetFromConfig says that Offset comes from the project config
	// (.wso2lint.yaml), not from --offset: the origin reported differs.
	OffsetFromConfig bool
	// OffsetServer, when set, limits Offset to the server of that name
	// (model.Server.Profile: "broker" of an Enterprise Integrator home):
	// --offset broker=5. A name the home has no server for is an error.
	OffsetServer string
	// Profile models -Dprofile=NAME on the command line (--profile); it
	// beats the start script's -Dprofile. Empty when not given. A name the
	// product does not know (product.StartProfilesOf) is an error.
	Profile string
	// ProfileServer, when set, limits Profile to the server of that name:
	// --profile SERVER=NAME.
	ProfileServer string
	// Product overrides product detection (--product), e.g. model.KeyAM.
	Product model.ProductKey
	// Version overrides version detection (--product-version).
	Version string
	// MaxFileSize is the largest file read, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// FollowSymlinks allows symbolic links that leave the home.
	FollowSymlinks bool
	// Shared, when set, shares the XML files the homes of a run have in
	// common (see Shared); nil parses every file of every home.
	Shared *Shared
}

func (o *Options) maxFileSize() int64 {
	if o == nil || o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// MaxOffset is the largest port offset accepted (model.MaxOffset).
const MaxOffset = model.MaxOffset

// Home reads the product home at dir.
func Home(dir string, opt Options) (*model.Home, error) {
	if opt.Offset != nil && !model.ValidOffset(*opt.Offset) {
		return nil, fmt.Errorf("--offset %d: want a whole number from 0 to %d", *opt.Offset, MaxOffset)
	}
	h, err := newHome(dir, &opt)
	if err != nil {
		return nil, err
	}
	layouts := h.layout()
	if len(layouts) == 0 {
		return nil, &Error{File: dir, Err: errors.New("not a WSO2 product home: found neither repository/conf nor conf (with carbon.xml or deployment.toml)")}
	}
	out := &model.Home{Dir: dir, Layout: h.layoutKind()}
	var servers []*server
	for _, l := range layouts {
		s := &server{h: h, conf: l.conf, bin: l.bin, srv: model.Server{Profile: l.profile, ConfDir: l.conf}}
		if err := s.read(); err != nil {
			return nil, err
		}
		servers = append(servers, s)
	}
	out.Product = detectProduct(h, servers)
	out.ProductGuess = servers[0].productGuess
	for _, s := range servers {
		// deployment.toml renders the offset by product (MI's default is 10):
		// decided once the product is known.
		if err := s.finishToml(out.Product); err != nil {
			return nil, err
		}
	}
	if out.Product.Key != model.KeyEI && len(servers) > 1 && servers[0].srv.Profile == "integrator" {
		// IoT Server shares EI's conf/ + wso2/<profile> layout; its main server is the core profile.
		servers[0].srv.Profile = "core"
	}
	if err := checkStartOptions(dir, &opt, out.Product.Key, servers); err != nil {
		return nil, err
	}
	for _, s := range servers {
		s.finish()
		out.Servers = append(out.Servers, s.srv)
		out.Ignores = append(out.Ignores, s.ignores...)
	}
	for f := range h.files {
		out.Files = append(out.Files, f)
	}
	sort.Strings(out.Files)
	sort.SliceStable(out.Ignores, func(i, j int) bool { return out.Ignores[i].Pos.Less(out.Ignores[j].Pos) })
	detach(out)
	return out, nil
}

// layoutEntry is one server of a home: its profile, conf and bin directories.
type layoutEntry struct{ profile, conf, bin string }

// layout finds the servers of a home from the directories present.
func (h *home) layout() []layoutEntry {
	var out []layoutEntry
	switch {
	case h.isDir("repository/conf"):
		out = append(out, layoutEntry{"default", "repository/conf", "bin"})
	case h.exists("conf/carbon.xml") || h.exists("conf/deployment.toml") || h.exists("conf/axis2/axis2.xml"):
		profile := "default"
		if h.hasProfileDirs() {
			profile = "integrator"
		}
		out = append(out, layoutEntry{profile, "conf", "bin"})
	case h.exists("deployment.toml"):
		// A configuration repository holding only deployment.toml.
		out = append(out, layoutEntry{"default", "", "bin"})
	}
	for _, p := range h.listDirs("wso2") {
		conf := path.Join("wso2", p, "conf")
		if p == "analytics" && !h.exists(path.Join(conf, "carbon.xml")) {
			// EI analytics is a Carbon 5 (Stream Processor) server: one server per
			// runtime, each configured in conf/<runtime>/deployment.yaml. (IoT
			// Server's analytics profile is a Carbon 4 server with a carbon.xml of
			// its own and is read like any other profile.)
			for _, rt := range h.listDirs(conf) {
				if h.exists(path.Join(conf, rt, "deployment.yaml")) {
					out = append(out, layoutEntry{"analytics-" + rt, path.Join(conf, rt), path.Join("wso2", p, "bin")})
				}
			}
			continue
		}
		if !isProfileDir(p) {
			continue
		}
		if h.exists(path.Join(conf, "carbon.xml")) || h.exists(path.Join(conf, "axis2/axis2.xml")) || h.exists(path.Join(conf, "deployment.toml")) ||
			(p == msf4jProfile && (h.exists(path.Join(conf, "carbon.yml")) || h.exists(path.Join(conf, "transports/netty-transports.yml")))) {
			out = append(out, layoutEntry{p, conf, path.Join("wso2", p, "bin")})
		}
	}
	return out
}

// isProfileDir reports whether a directory under wso2/ can hold a server
// profile (EI 6.x, IoT Server 3.x): components, lib and tmp are the shared
// runtime folders that Micro Integrator 4.x homes also have.
func isProfileDir(name string) bool {
	return name != "components" && name != "lib" && name != "tmp"
}

// hasProfileDirs reports whether wso2/ holds profile folders (EI 6.x, IoT
// Server 3.x), not only the runtime folders of a Micro Integrator 4.x home.
func (h *home) hasProfileDirs() bool {
	for _, p := range h.listDirs("wso2") {
		if isProfileDir(p) {
			return true
		}
	}
	return false
}

// server collects one server while its files are read.
type server struct {
	h       *home
	conf    string // home-relative conf dir ("" for a bare config repository)
	bin     string // home-relative bin dir
	srv     model.Server
	ports   map[string]portEntry // carbon.xml /Server/Ports tree, "JMX.RMIRegistryPort"
	carbon  *carbonInfo
	script  *scriptInfo
	toml    *tomlInfo
	ignores []model.Ignore
	// xmlRead are the XML files the running step has read, whose value
	// errors (xmlFile.text) it reports.
	xmlRead []*xmlFile
	// product hints gathered from the files (ServerKey, Version, file names).
	serverKey, version string
	// versionInferred is true when version is a lower bound that toml keys
	// prove rather than a version the home states.
	versionInferred bool

	// avoidConfigUpdate is the first -DavoidConfigUpdate=true of the start
	// script; nil when it has none.
	avoidConfigUpdate *model.Pos
	// productGuess is set on the main server when detection guessed the
	// product from deployment.toml.
	productGuess *model.ProductGuess
}

// portEntry is one value of the carbon.xml Ports tree.
type portEntry struct {
	value string
	pos   model.Pos
}

// carbonInfo is what carbon.xml says about the offset.
type carbonInfo struct {
	offset    int
	offsetSet bool
	offsetPos model.Pos
}

// scriptInfo is what the start script says about the offset.
type scriptInfo struct {
	offset    int
	offsetSet bool
	offsetPos model.Pos
}

// rel joins a conf-relative file name to the conf dir.
func (s *server) rel(name string) string {
	if s.conf == "" {
		return name
	}
	return path.Join(s.conf, name)
}

// readXML reads and parses a conf-relative XML file. ok is false when absent.
func (s *server) readXML(name string) (*xmlFile, bool, error) {
	return s.readXMLAt(s.rel(name))
}

// readXMLAt reads and parses a home-relative XML file.
func (s *server) readXMLAt(rel string) (*xmlFile, bool, error) {
	data, ok, err := s.h.read(rel)
	if err != nil || !ok {
		return nil, ok, err
	}
	f, err := s.shared().parseXML(rel, data)
	if err != nil {
		var xe *xmlpos.Error
		if errors.As(err, &xe) {
			return nil, false, &Error{File: s.h.display(rel), Line: xe.Line, Col: xe.Col, Err: errors.New(xe.Msg)}
		}
		return nil, false, s.h.errorf(rel, 0, "%v", err)
	}
	s.ignores = append(s.ignores, f.ignores...)
	s.xmlRead = append(s.xmlRead, f)
	return f, true, nil
}

// readText reads a home-relative text file, rejecting binary data and invalid UTF-8.
func (s *server) readText(rel string) ([]byte, bool, error) {
	data, ok, err := s.h.read(rel)
	if err != nil || !ok {
		return nil, ok, err
	}
	if i := indexNUL(data); i >= 0 {
		return nil, false, s.h.errorf(rel, lineAt(data, i), "binary data (NUL byte), expected a text file")
	}
	return data, true, nil
}

// listen records a listener.
func (s *server) listen(l model.Listener) {
	if l.Proto == model.ProtoInvalid {
		l.Proto = model.ProtoTCP
	}
	if l.Dir == model.DirInvalid {
		l.Dir = model.DirIn
	}
	s.srv.Listeners = append(s.srv.Listeners, l)
}

// set records a setting.
func (s *server) set(key, value string, pos model.Pos) {
	s.srv.Settings = append(s.srv.Settings, model.Setting{Key: key, Value: value, Pos: pos})
}

// unresolved records a reference that could not be resolved.
func (s *server) unresolved(expr string, pos model.Pos) {
	s.srv.Unresolved = append(s.srv.Unresolved, model.Ref{Expr: expr, Pos: pos})
}

// portValue turns a configured port value into a base port. A ${Ports.X.Y}
// placeholder resolves against carbon.xml (placeholder reports true: the runtime
// adds the offset). An unresolved placeholder is recorded and ok is false. A value
// that is neither a placeholder nor a port number is an input error.
func (s *server) portValue(raw string, pos model.Pos) (port model.Port, placeholder, ok bool, err error) {
	v := strings.TrimSpace(raw)
	if strings.HasPrefix(v, "${") && strings.HasSuffix(v, "}") {
		name := v[2 : len(v)-1]
		if strings.HasPrefix(name, "Ports.") {
			if e, found := s.ports[strings.TrimPrefix(name, "Ports.")]; found {
				p, perr := parsePort(e.value)
				if perr != nil {
					return 0, true, false, &Error{File: s.h.display(e.pos.File), Line: e.pos.Line, Err: fmt.Errorf("%s: %v", name, perr)}
				}
				return p, true, true, nil
			}
		}
		s.unresolved(v, pos)
		return 0, true, false, nil
	}
	p, perr := parsePort(v)
	if perr != nil {
		return 0, false, false, &Error{File: s.h.display(pos.File), Line: pos.Line, Err: perr}
	}
	return p, false, true, nil
}

// parsePort parses a literal port number 0..65535.
func parsePort(v string) (model.Port, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, fmt.Errorf("port %q is not a number", v)
	}
	if n < 0 || n > int(model.MaxPort) {
		return 0, fmt.Errorf("port %d is out of range 0-65535", n)
	}
	return model.Port(n), nil
}

// parseOffset parses an offset 0..MaxOffset.
func parseOffset(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, fmt.Errorf("port offset %q is not a whole number", strings.TrimSpace(v))
	}
	if !model.ValidOffset(n) {
		return 0, fmt.Errorf("port offset %d is out of range 0-%d", n, MaxOffset)
	}
	return n, nil
}

// read runs every parser of the server in order.
func (s *server) read() error {
	for _, step := range steps() {
		if err := s.run(step); err != nil {
			return err
		}
	}
	return nil
}

// run runs one step. A value the step read from an XML file as text that
// holds a child element is an input error, reported before any error of the
// step itself (which may come from the misread value).
func (s *server) run(st step) error {
	s.xmlRead = s.xmlRead[:0]
	err := st(s)
	for _, f := range s.xmlRead {
		if f.valueErr != nil {
			err = f.valueErr.err(s.h.display(f.rel))
			break
		}
	}
	clear(s.xmlRead)
	s.xmlRead = s.xmlRead[:0]
	return err
}

// finish decides the offset and sorts. It does not apply the offset: parse
// reports what the files say, and catalog.Resolve adds the offset to every
// listener exactly once (model.Listener.ApplyOffset).
func (s *server) finish() {
	off := model.Offset{Value: 0, Origin: model.OriginDefault}
	if s.srv.Offset.Origin != "" {
		off = s.srv.Offset // set by a parser (deployment.toml, deployment.yaml)
	}
	if s.carbon != nil && s.carbon.offsetSet && off.Origin == model.OriginDefault {
		off = model.Offset{Value: s.carbon.offset, Origin: model.OriginCarbon, Pos: s.carbon.offsetPos}
	}
	if s.script != nil && s.script.offsetSet {
		off = model.Offset{Value: s.script.offset, Origin: model.OriginScript, Pos: s.script.offsetPos}
	}
	if o := s.h.opt; o.Offset != nil && (o.OffsetServer == "" || o.OffsetServer == s.srv.Profile) {
		off = model.Offset{Value: *s.h.opt.Offset, Origin: model.OriginFlag}
		if s.h.opt.OffsetFromConfig {
			off.Origin = model.OriginConfig
		}
	}
	s.srv.Offset = off
	s.srv.StartProfile = s.startProfile()
	for i := range s.srv.Listeners {
		l := &s.srv.Listeners[i]
		l.BindAddr = model.ParseBind(l.Bind)
	}
	s.srv.Sort()
}

func indexNUL(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -1
}

func lineAt(b []byte, off int) int {
	n := 1
	for _, c := range b[:off] {
		if c == '\n' {
			n++
		}
	}
	return n
}
