package parse

import (
	"path"
	"strings"
	"unicode/utf8"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readScript reads the start scripts of the server: bin/wso2server.sh and .bat
// (EI profiles: wso2/<profile>/bin, plus the bin/<profile>.sh wrapper; the EI
// integrator: bin/integrator.sh; deployment.toml-era products: the scripts of
// tomlEraScripts). Only options that are always on count: the
// ones at the top level of the script or on the java command line. Options inside
// if/case blocks (the stock --debug branch), in && / || one-liners, in echo text
// or in comments are not configuration. The first script that sets -DportOffset
// gives the offset.
func readScript(s *server) error {
	for _, rel := range scriptFiles(s) {
		data, ok, err := s.readText(rel)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		var sc *scriptScan
		if strings.HasSuffix(rel, ".bat") || strings.HasSuffix(rel, ".cmd") {
			sc = scanBat(rel, data)
		} else {
			sc = scanSh(rel, data)
		}
		s.ignores = append(s.ignores, sc.ignores...)
		for _, o := range sc.opts {
			if err := scriptOption(s, o); err != nil {
				return err
			}
		}
	}
	return nil
}

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
		for _, name := range tomlEraScripts() {
			out = append(out, path.Join(s.bin, name+".sh"), path.Join(s.bin, name+".bat"))
		}
	}
	return out
}

// tomlEraScripts returns the start scripts (without .sh/.bat) of the
// deployment.toml-era products, read like wso2server.sh: API Manager 3.x/4.x
// all-in-one (api-manager), the API Manager 4.5+ Universal Gateway (gateway;
// api-gateway in some builds), Traffic Manager (traffic-manager) and Control
// Plane (api-cp, and key-manager for its key manager profile), and Micro
// Integrator 1.x/4.x (micro-integrator). Source: wso2/product-apim
// */modules/distribution/product/src/main/startup-scripts and the Micro
// Integrator distribution's bin folder.
func tomlEraScripts() []string {
	return []string{"api-manager", "gateway", "api-gateway", "traffic-manager", "api-cp", "key-manager", "micro-integrator"}
}

// scriptOpt is one always-on JVM option found in a start script.
type scriptOpt struct {
	text string    // the option with shell quotes removed: "-DportOffset=2"
	raw  string    // the option as written
	pos  model.Pos // first character of the option
}

// valuePos returns the position of the character at byte offset i of text
// (options never span lines).
func (o scriptOpt) valuePos(i int) model.Pos {
	p := o.pos
	n, j := 0, 0
	for j < len(o.raw) && n < i {
		if o.raw[j] != '"' && o.raw[j] != '\'' {
			n++
		}
		j++
	}
	for j < len(o.raw) && (o.raw[j] == '"' || o.raw[j] == '\'') {
		j++
	}
	p.Col += utf8.RuneCountInString(o.raw[:j])
	return p
}

// scriptOption turns one option into settings and listeners.
func scriptOption(s *server, o scriptOpt) error {
	name, value, _ := strings.Cut(o.text, "=")
	switch {
	case name == "-DportOffset":
		return scriptOffset(s, o, value)
	case name == "-Dcom.sun.management.jmxremote":
		s.set(model.KeyScriptJMXRemote, o.text, o.pos)
	case name == "-Dcom.sun.management.jmxremote.port" || name == "-Dcom.sun.management.jmxremote.rmi.port":
		if name == "-Dcom.sun.management.jmxremote.port" {
			s.set(model.KeyScriptJMXRemotePort, o.text, o.pos)
		}
		return scriptPortListener(s, o, len(name)+1, value, model.Listener{ID: model.SvcJMXRemote, Note: jmxremoteNote(name)})
	case strings.HasPrefix(o.text, "-Xrunjdwp:") || strings.HasPrefix(o.text, "-agentlib:jdwp="):
		return scriptJDWP(s, o)
	case name == "-Dhttpclient.hostnameVerifier":
		s.set(model.KeyScriptHostnameVerifier, o.text, o.pos)
	case name == "-DavoidConfigUpdate":
		s.set(model.KeyScriptAvoidConfigUpdate, o.text, o.pos)
	case name == "-Dprofile":
		s.set(model.KeyScriptProfile, o.text, o.pos)
	}
	return nil
}

func jmxremoteNote(name string) string {
	if strings.HasSuffix(name, ".rmi.port") {
		return "jvm jmx agent rmi server port"
	}
	return "jvm jmx agent"
}

// scriptOffset records -DportOffset=N; the first one found sets the offset.
func scriptOffset(s *server, o scriptOpt, value string) error {
	vpos := o.valuePos(len("-DportOffset="))
	s.set(model.KeyScriptPortOffset, o.text, vpos)
	if strings.ContainsAny(value, "$%") {
		s.unresolved(value, vpos)
		return nil
	}
	n, err := parseOffset(value)
	if err != nil {
		return &Error{File: s.h.display(o.pos.File), Line: o.pos.Line, Err: err}
	}
	if s.script == nil {
		s.script = &scriptInfo{}
	}
	if !s.script.offsetSet {
		s.script.offset, s.script.offsetSet, s.script.offsetPos = n, true, vpos
	}
	return nil
}

// scriptPortListener records an inbound listener on the port at byte offset
// valueOff of the option, written as value (never offset). A variable in place of the number is
// recorded as unresolved.
func scriptPortListener(s *server, o scriptOpt, valueOff int, value string, l model.Listener) error {
	vpos := o.valuePos(valueOff)
	if strings.ContainsAny(value, "$%") {
		s.unresolved(value, vpos)
		return nil
	}
	port, err := parsePort(value)
	if err != nil {
		return &Error{File: s.h.display(o.pos.File), Line: o.pos.Line, Err: err}
	}
	l.Base, l.Configured, l.Source = port, value, vpos
	l.Proto, l.Enabled = model.ProtoTCP, true
	if l.Dir == model.DirInvalid {
		l.Dir = model.DirIn
	}
	s.listen(l)
	return nil
}

// scriptJDWP records an always-on JDWP agent. With server=y it listens on
// address ([host:]port; "*" means every interface); otherwise it connects out to
// a debugger there (default host localhost).
func scriptJDWP(s *server, o scriptOpt) error {
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
	return scriptPortListener(s, o, addrOff, o.text[addrOff:addrOff+len(addr)-(addrOff-addrStart)], l)
}

// scriptScan is what a start script scan found.
type scriptScan struct {
	opts    []scriptOpt
	ignores []model.Ignore
}

// scriptOptions finds the JVM options of one always-on command text. at maps
// a byte offset of text to its position.
func scriptOptions(text string, at func(i int) model.Pos) []scriptOpt {
	var out []scriptOpt
	for i := 0; i < len(text); i++ {
		if text[i] != '-' || (i > 0 && !strings.ContainsRune(" \t\"'=", rune(text[i-1]))) {
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\t' {
			j++
		}
		word := text[i:j]
		if !strings.HasPrefix(word, "-D") && !strings.HasPrefix(word, "-X") && !strings.HasPrefix(word, "-agentlib:") {
			i = j
			continue
		}
		// Remove quotes: the shell does; a quote may also close a JAVA_OPTS string.
		clean := strings.NewReplacer(`"`, "", `'`, "").Replace(word)
		out = append(out, scriptOpt{text: clean, raw: word, pos: at(i)})
		i = j
	}
	return out
}
