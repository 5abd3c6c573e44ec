package parse

import (
	"path"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/product"
	"github.com/wso2lint/wso2lint/parse/script"
)

// readScript reads the start scripts of the server: bin/wso2server.sh and .bat
// (EI profiles: wso2/<profile>/bin, plus the bin/<profile>.sh wrapper; the EI
// integrator: bin/integrator.sh; deployment.toml-era products: the scripts of
// product.Scripts), with package script. Only options that are always on
// count: the ones at the top level of the script or on the java command line,
// directly or through a variable expanded there, in a default start. Options
// inside if/case blocks, in && / || one-liners, in echo text or in comments
// are not configuration, with one exception: a JDWP agent that a condition
// other than the stock --debug branch turns on is recorded too (KeyScriptJDWP,
// its listener disabled), since it is on whenever that condition holds. The
// first script that sets -DportOffset gives the offset. wso2lint:ignore
// comments are collected.
func readScript(s *server) error {
	for _, rel := range scriptFiles(s) {
		data, ok, err := s.readText(rel)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := readScriptText(s, rel, data); err != nil {
			return err
		}
	}
	return nil
}

// readScriptText reads the start script rel, whose text is data.
func readScriptText(s *server, rel string, data []byte) error {
	bat := strings.HasSuffix(rel, ".bat") || strings.HasSuffix(rel, ".cmd")
	sc := s.shared().scanScript(rel, data, bat)
	s.ignores = append(s.ignores, scriptIgnores(rel, sc.Comments)...)
	f := scriptFile{}
	for _, o := range sc.Options {
		if name, _, _ := strings.Cut(o.Text, "="); name == jmxremotePort && scriptAlways(o) {
			f.jmxPort = true
		}
	}
	for _, o := range sc.Options {
		if scriptAlways(o) {
			if err := scriptOption(s, f, newScriptOpt(rel, o)); err != nil {
				return err
			}
		}
	}
	for _, o := range sc.Options {
		if scriptCond(o) {
			if err := scriptJDWP(s, newScriptOpt(rel, o), false); err != nil {
				return err
			}
		}
	}
	return nil
}

// scriptFile is what scriptOption needs to know about the whole script.
type scriptFile struct {
	jmxPort bool // -Dcom.sun.management.jmxremote.port is set: the jvm's jmx agent listens
}

// The JVM's own JMX agent (sun.management.Agent): jmxremote alone starts only
// a local connector; jmxremote.port starts the remote one (with or without
// jmxremote), whose RMI server port is random unless jmxremote.rmi.port is
// set; authenticate and ssl default to true.
const (
	jmxremote        = "-Dcom.sun.management.jmxremote"
	jmxremotePort    = jmxremote + ".port"
	jmxremoteRMIPort = jmxremote + ".rmi.port"
)

// scriptFiles lists the home-relative start scripts of s, most specific first.
func scriptFiles(s *server) []string {
	var out []string
	for _, name := range []string{"wso2server.sh", "wso2server.bat"} {
		out = append(out, path.Join(s.bin, name))
	}
	switch {
	case s.srv.Profile == "integrator":
		out = append(out, "bin/integrator.sh", "bin/integrator.bat")
	case strings.HasPrefix(s.bin, "wso2/"):
		p := s.srv.Profile
		out = append(out, "bin/"+p+".sh", "bin/"+p+".bat")
	default:
		// A single-server home: the start scripts of the products that no longer
		// ship wso2server.sh. (In an EI home, bin/micro-integrator.sh starts the
		// micro-integrator profile, read above with that profile.)
		for _, name := range product.Scripts() {
			out = append(out, path.Join(s.bin, name+".sh"), path.Join(s.bin, name+".bat"))
		}
	}
	return out
}

// scriptOpt is one JVM option found in a start script.
type scriptOpt struct {
	text string    // the option with shell quotes removed: "-DportOffset=2"
	pos  model.Pos // first character of the option; Path names its statement
	opt  script.Option
}

// valuePos returns the position of the character at byte offset i of text
// (options never span lines).
func (o scriptOpt) valuePos(i int) model.Pos {
	p := o.pos
	vp := o.opt.ValuePos(i)
	p.Line, p.Col = vp.Line, vp.Col
	return p
}

// The options of a start script that count are the ones a default start
// always passes (scriptAlways), and the JDWP agents that a condition other
// than the --debug branch turns on (scriptCond); each kind is read in file
// order.

// scriptAlways reports whether a default start always passes o.
func scriptAlways(o script.Option) bool { return o.Context == script.Always }

// scriptCond reports whether o is a JDWP agent that a condition other than the
// --debug branch turns on.
func scriptCond(o script.Option) bool {
	return o.Context == script.Conditional && isJDWP(o.Text)
}

// newScriptOpt returns the option o of the start script rel.
func newScriptOpt(rel string, o script.Option) scriptOpt {
	return scriptOpt{text: o.Text, pos: model.Pos{File: rel, Line: o.Pos.Line, Col: o.Pos.Col, Path: o.Statement}, opt: o}
}

// scriptIgnores returns the wso2lint:ignore comments of the start script rel.
func scriptIgnores(rel string, comments []script.Comment) []model.Ignore {
	var out []model.Ignore
	for _, c := range comments {
		if ig, ok := parseIgnore(c.Text); ok {
			ig.Pos = model.Pos{File: rel, Line: c.Pos.Line, Col: c.Pos.Col}
			ig.FromLine, ig.ToLine = c.FromLine, c.ToLine
			out = append(out, ig)
		}
	}
	return out
}

// scriptOption turns one always-on option into settings and listeners.
// KeyScriptJMXRemote records jmxremote and the agent's other options
// (jmxremote.rmi.port, .authenticate, .ssl, ...) as written; jmxremote.port
// has KeyScriptJMXRemotePort. The ports become jmxremote listeners; the RMI
// server port's is disabled when jmxremote.port is unset (the agent does not
// listen then).
func scriptOption(s *server, f scriptFile, o scriptOpt) error {
	name, value, _ := strings.Cut(o.text, "=")
	switch {
	case name == "-DportOffset":
		return scriptOffset(s, o, value)
	case name == jmxremotePort:
		s.set(model.KeyScriptJMXRemotePort, o.text, o.pos)
		return scriptPortListener(s, o, len(name)+1, value, model.Listener{ID: model.SvcJMXRemote, Note: "jvm jmx agent"}, true)
	case name == jmxremoteRMIPort:
		s.set(model.KeyScriptJMXRemote, o.text, o.pos)
		l := model.Listener{ID: model.SvcJMXRemote, Note: "jvm jmx agent rmi server port"}
		if !f.jmxPort {
			l.Note += "; jmxremote.port unset: the agent does not listen"
		}
		return scriptPortListener(s, o, len(name)+1, value, l, f.jmxPort)
	case name == jmxremote || strings.HasPrefix(name, jmxremote+"."):
		s.set(model.KeyScriptJMXRemote, o.text, o.pos)
	case isJDWP(o.text):
		return scriptJDWP(s, o, true)
	case name == "-Dhttpclient.hostnameVerifier":
		s.set(model.KeyScriptHostnameVerifier, o.text, o.pos)
	case name == "-Dorg.wso2.ignoreHostnameVerification", name == "-Dorg.opensaml.httpclient.https.disableHostnameVerification":
		s.set(model.KeyScriptIgnoreHostname, o.text, o.pos)
	case name == "-DavoidConfigUpdate":
		s.noteAvoidConfigUpdate(o.text, o.pos)
	case name == "-Dprofile":
		s.set(model.KeyScriptProfile, o.text, o.pos)
	}
	return nil
}

// scriptOffset records -DportOffset=N; the first one found sets the offset.
func scriptOffset(s *server, o scriptOpt, value string) error {
	vpos := o.valuePos(len("-DportOffset="))
	if strings.ContainsAny(value, "$%") {
		s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: model.OriginScript, Text: o.text, Pos: vpos})
		s.unresolved(value, vpos)
		return nil
	}
	n, err := parseOffset(value)
	if err != nil {
		return &Error{File: s.h.display(o.pos.File), Line: o.pos.Line, Err: err}
	}
	s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: model.OriginScript, Text: o.text, Value: n, Known: true, Pos: vpos})
	if s.script == nil {
		s.script = &scriptInfo{}
	}
	if !s.script.offsetSet {
		s.script.offset, s.script.offsetSet, s.script.offsetPos = n, true, vpos
	}
	return nil
}

// scriptPortListener records an inbound listener on the port at byte offset
// valueOff of the option, written as value (never offset), enabled or
// not. A variable in place of the number is recorded as unresolved when the
// listener is enabled (a disabled one needs no port), and gives no listener.
func scriptPortListener(s *server, o scriptOpt, valueOff int, value string, l model.Listener, enabled bool) error {
	vpos := o.valuePos(valueOff)
	if strings.ContainsAny(value, "$%") {
		if enabled {
			s.unresolved(value, vpos)
		}
		return nil
	}
	port, err := parsePort(value)
	if err != nil {
		return &Error{File: s.h.display(o.pos.File), Line: o.pos.Line, Err: err}
	}
	l.Base, l.Configured, l.Source = port, value, vpos
	l.Proto, l.Enabled = model.ProtoTCP, enabled
	if l.Dir == model.DirInvalid {
		l.Dir = model.DirIn
	}
	s.listen(l)
	return nil
}

// scriptJDWP records a JDWP agent, always on or (always false) turned on by a
// condition of the script other than the --debug branch; the listener of a
// conditional one is disabled. With server=y it listens on address
// ([host:]port; "*" means every interface); otherwise it connects out to a
// debugger there (default host localhost).
func scriptJDWP(s *server, o scriptOpt, always bool) error {
	s.set(model.KeyScriptJDWP, o.text, o.pos)
	sep := ":"
	if strings.HasPrefix(o.text, "-agentlib:") {
		sep = "="
	}
	_, sub, _ := strings.Cut(o.text, sep)
	server := false
	addr, addrOff, addrStart := "", -1, -1
	off := len(o.text) - len(sub)
	for _, kv := range strings.Split(sub, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "server":
			server = v == "y"
		case "address":
			addr, addrOff = v, off+len("address=")
			addrStart = addrOff
		}
		off += len(kv) + 1
	}
	if addrOff < 0 || addr == "" {
		return nil // no address: the agent picks a random port
	}
	host := ""
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		host = addr[:i]
		addrOff += i + 1
	}
	l := model.Listener{ID: model.SvcJDWP, Dir: model.DirIn, Note: "debug agent always on"}
	switch {
	case !server:
		l.Dir, l.Host, l.Note = model.DirOut, host, "debug agent connects to a debugger"
		if l.Host == "" {
			l.Host = "localhost"
		}
	case host != "*":
		l.Bind = host
	}
	if !always {
		l.Note = "debug agent on when a condition of the start script (not --debug) holds"
	}
	return scriptPortListener(s, o, addrOff, o.text[addrOff:addrOff+len(addr)-(addrOff-addrStart)], l, always)
}

// isJDWP reports whether a JVM option starts the JDWP debug agent.
func isJDWP(opt string) bool {
	return strings.HasPrefix(opt, "-Xrunjdwp:") || strings.HasPrefix(opt, "-agentlib:jdwp=")
}
