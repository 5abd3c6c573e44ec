package parse

import (
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readScript reads the start scripts of the server: bin/wso2server.sh and .bat
// (EI profiles: wso2/<profile>/bin, plus the bin/<profile>.sh wrapper; the EI
// integrator: bin/integrator.sh; deployment.toml-era products: the scripts of
// tomlEraScripts). Only options that are always on count: the
// ones at the top level of the script or on the java command line, directly or
// through a variable expanded there (resolveScript). Options inside if/case
// blocks, in && / || one-liners, in echo text or in comments are not
// configuration, with one exception: a JDWP agent that a condition other than
// the stock --debug branch turns on is recorded too (KeyScriptJDWP, its
// listener disabled), since it is on whenever that condition holds. The first
// script that sets -DportOffset gives the offset.
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
		f := scriptFile{}
		for _, o := range sc.opts {
			if name, _, _ := strings.Cut(o.text, "="); name == jmxremotePort {
				f.jmxPort = true
			}
		}
		for _, o := range sc.opts {
			if err := scriptOption(s, f, o); err != nil {
				return err
			}
		}
		for _, o := range sc.cond {
			if err := scriptJDWP(s, o, false); err != nil {
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
		s.set(model.KeyScriptAvoidConfigUpdate, o.text, o.pos)
	case name == "-Dprofile":
		s.set(model.KeyScriptProfile, o.text, o.pos)
	}
	return nil
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

// scriptScan is what a start script scan found.
type scriptScan struct {
	opts    []scriptOpt // always-on options, in file order
	cond    []scriptOpt // JDWP agents that a condition other than the stock --debug branch turns on
	ignores []model.Ignore
}

// scriptCtx says when a statement of a start script runs.
type scriptCtx uint8

// Statement contexts, from the most to the least often run.
const (
	ctxInvalid scriptCtx = iota
	ctxAlways            // at the top level: at every start
	ctxCond              // under an if/case arm or a && / || chain that is not the --debug branch
	ctxDebug             // in the stock --debug branch (or a branch only it enables)
)

// scriptArm is one condition a statement runs under: an if/elif/case arm, a
// bat if line or block, or the commands before it in a && / || chain.
type scriptArm struct {
	debug bool     // the condition names the --debug argument
	refs  []string // the variables the condition expands
	on    bool     // the arm runs in a default start (no arguments, the script's variables unset until assigned)
}

// scriptStmt is one simple command of a start script, as scanSh and scanBat
// see it.
type scriptStmt struct {
	assign string      // the variable it assigns; "" for a command (the java command line, say)
	opts   []scriptOpt // the JVM options written in it
	refs   []string    // the variables it expands
	arms   []scriptArm // the conditions it runs under, outermost first
	debug  bool        // in a bat label section of the --debug branch (:commandDebug)
}

// jvmOptsVars are the variables whose options reach the JVM wherever they are
// assigned: JAVA_OPTS, which the scripts put on the java command line, and
// the ones the JVM itself reads from the environment.
var jvmOptsVars = []string{"JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"}

// Caps that keep a hostile script of variables expanding each other, or of
// deeply nested conditions, linear: the options remembered per variable and
// in all, and the conditions (and their variables) kept per statement. Real
// start scripts stay far below them.
const (
	maxDeferred      = 256
	maxDeferredTotal = 1 << 16
	maxArms          = 32
	maxArmRefs       = 32
)

// ctxOpt is an option and the context it reaches the JVM in.
type ctxOpt struct {
	opt scriptOpt
	ctx scriptCtx
}

// resolveScript follows the options of a script's statements to the JVM. An
// option counts where it is written in a command (the java command line) or
// assigned to one of jvmOptsVars; an option assigned to another variable
// (DEBUG_OPTS="-Xdebug ...") counts only where that variable is expanded in
// such a place, in the least often run of the two contexts. The stock
// --debug branch is an arm whose condition names --debug, or tests a variable
// that is only ever assigned in such a branch (PORT, set from the argument
// after --debug). It returns the options that are always on, in file order,
// and the JDWP agents that only a condition other than the --debug branch
// turns on.
func resolveScript(stmts []scriptStmt, fold func(string) string) (always, cond []scriptOpt) {
	sink := map[string]bool{}
	for _, v := range jvmOptsVars {
		sink[fold(v)] = true
	}
	debugVars := scriptDebugVars(stmts)
	deferred := map[string][]ctxOpt{}
	version := map[string]int{} // bumped when deferred[v] changes
	type expansion struct {
		version int
		ctx     scriptCtx
	}
	expanded := map[string]expansion{} // the last expansion of a variable where the options count
	budget := maxDeferredTotal
	best := map[model.Pos]ctxOpt{}
	emit := func(o scriptOpt, ctx scriptCtx) {
		if b, ok := best[o.pos]; !ok || ctx < b.ctx {
			best[o.pos] = ctxOpt{o, ctx}
		}
	}
	for _, st := range stmts {
		ctx := st.ctx(debugVars)
		if st.assign == "" || sink[st.assign] {
			for _, o := range st.opts {
				emit(o, ctx)
			}
			for _, r := range st.refs {
				if e, ok := expanded[r]; sink[r] || ok && e.version == version[r] && e.ctx <= ctx {
					continue // already counted, as often or more
				}
				expanded[r] = expansion{version[r], ctx}
				for _, d := range deferred[r] {
					emit(d.opt, max(d.ctx, ctx))
				}
			}
			continue
		}
		var add []ctxOpt
		self := false
		for _, r := range st.refs {
			if r == st.assign {
				self = true
				continue
			}
			for _, d := range deferred[r] {
				if sink[r] || len(add) >= maxDeferred || len(add) >= budget {
					break
				}
				add = append(add, ctxOpt{d.opt, max(d.ctx, ctx)})
			}
		}
		for _, o := range st.opts {
			add = append(add, ctxOpt{o, ctx})
		}
		if !self && ctx == ctxAlways && deferred[st.assign] != nil {
			deferred[st.assign] = nil // an unconditional assignment replaces the value
			version[st.assign]++
		}
		for _, d := range add {
			if len(deferred[st.assign]) < maxDeferred && budget > 0 {
				deferred[st.assign] = append(deferred[st.assign], d)
				version[st.assign]++
				budget--
			}
		}
	}
	for _, b := range best {
		switch {
		case b.ctx == ctxAlways:
			always = append(always, b.opt)
		case b.ctx == ctxCond && isJDWP(b.opt.text):
			cond = append(cond, b.opt)
		}
	}
	byPos := func(s []scriptOpt) {
		sort.Slice(s, func(i, j int) bool { return s[i].pos.Less(s[j].pos) })
	}
	byPos(always)
	byPos(cond)
	return always, cond
}

// ctx returns the context st runs in, given the variables that only the
// --debug branch assigns.
func (st scriptStmt) ctx(debugVars map[string]bool) scriptCtx {
	if st.debug {
		return ctxDebug
	}
	for _, a := range st.arms {
		if a.debug {
			return ctxDebug
		}
		for _, r := range a.refs {
			if debugVars[r] {
				return ctxDebug
			}
		}
	}
	for _, a := range st.arms {
		if !a.on {
			return ctxCond
		}
	}
	return ctxAlways
}

// scriptDebugVars returns the variables that are only assigned in the --debug
// branch: the stock script sets PORT from the argument after --debug and may
// test it ([ "$PORT" != "" ]) instead of --debug itself.
func scriptDebugVars(stmts []scriptStmt) map[string]bool {
	debugVars := map[string]bool{}
	for range 8 { // each round can only add variables; real scripts settle in two
		other := map[string]bool{}
		found := map[string]bool{}
		for _, st := range stmts {
			if st.assign == "" {
				continue
			}
			if st.ctx(debugVars) == ctxDebug {
				found[st.assign] = true
			} else {
				other[st.assign] = true
			}
		}
		grew := false
		for v := range found {
			if !other[v] && !debugVars[v] {
				debugVars[v], grew = true, true
			}
		}
		if !grew {
			break
		}
	}
	return debugVars
}

// isJDWP reports whether a JVM option starts the JDWP debug agent.
func isJDWP(opt string) bool {
	return strings.HasPrefix(opt, "-Xrunjdwp:") || strings.HasPrefix(opt, "-agentlib:jdwp=")
}

// namesDebugArg reports whether a condition names the --debug argument: the
// word debug, -debug or --debug on its own (not $DEBUG, %DEBUG% or
// DEBUG_PORT, which are variables).
func namesDebugArg(cond string) bool {
	s := asciiLower(cond)
	for i := 0; ; {
		k := strings.Index(s[i:], "debug")
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len("debug")
		i = end
		for n := 0; n < 2 && start > 0 && s[start-1] == '-'; n++ {
			start--
		}
		if start > 0 && isVarByte(s[start-1]) {
			continue
		}
		if end < len(s) && isNameByte(s[end]) {
			continue
		}
		return true
	}
}

// isNameByte reports whether c can be part of a variable name.
func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isVarByte reports whether a word that follows c is part of a name or a
// variable reference rather than a word of its own.
func isVarByte(c byte) bool {
	return isNameByte(c) || c == '$' || c == '{' || c == '%' || c == '!' || c == '-' || c == '.'
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
		pos := at(i)
		if pos.Path == "" {
			pos.Path = statementPath(text)
		}
		out = append(out, scriptOpt{text: clean, raw: word, pos: pos})
		i = j
	}
	return out
}

// maxStatementPath bounds the statement text kept as a script option's Path.
const maxStatementPath = 200

// statementPath names a script statement independently of its line, for
// baselines: its text with runs of blanks folded to one space, cut to
// maxStatementPath bytes. An option added to another statement is then a new
// finding, and one moved to another line is not.
func statementPath(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	if len(s) > maxStatementPath {
		s = s[:maxStatementPath]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return "sh: " + s
}
