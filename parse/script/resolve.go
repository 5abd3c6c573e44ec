package script

import (
	"sort"
	"strings"
)

// arm is one condition a statement runs under: an if/elif/case arm, a bat if
// line or block, or the commands before it in a && / || chain.
type arm struct {
	debug bool     // the condition names the --debug argument
	refs  []string // the variables the condition expands
	on    bool     // the arm runs in a default start (no arguments, the script's variables unset until assigned)
}

// stmt is one simple command of a start script, as ScanSh and ScanBat see it.
type stmt struct {
	assign string   // the variable it assigns; "" for a command (the java command line, say)
	opts   []Option // the JVM options written in it
	refs   []string // the variables it expands
	arms   []arm    // the conditions it runs under, outermost first
	debug  bool     // in a bat label section of the --debug branch (:commandDebug)
}

// jvmOptsVars are the variables whose options reach the JVM wherever they are
// assigned: JAVA_OPTS, which the scripts put on the java command line, and
// the ones the JVM itself reads from the environment.
func jvmOptsVars() []string {
	return []string{"JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"}
}

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
	opt Option
	ctx Context
}

// resolve follows the options of a script's statements to the JVM. An option
// counts where it is written in a command (the java command line) or assigned
// to one of jvmOptsVars; an option assigned to another variable
// (DEBUG_OPTS="-Xdebug ...") counts only where that variable is expanded in
// such a place, in the least often run of the two contexts. The stock --debug
// branch is an arm whose condition names --debug, or tests a variable that is
// only ever assigned in such a branch (PORT, set from the argument after
// --debug). fold maps a variable name to its canonical spelling (batch names
// are case-insensitive). It returns every option that reaches the JVM, in
// file order, with the most often run context it does so in.
func resolve(stmts []stmt, fold func(string) string) []Option {
	sink := map[string]bool{}
	for _, v := range jvmOptsVars() {
		sink[fold(v)] = true
	}
	debugVars := scriptDebugVars(stmts)
	deferred := map[string][]ctxOpt{}
	version := map[string]int{} // bumped when deferred[v] changes
	type expansion struct {
		version int
		ctx     Context
	}
	expanded := map[string]expansion{} // the last expansion of a variable where the options count
	budget := maxDeferredTotal
	type key struct {
		pos       Pos
		statement string
	}
	best := map[key]ctxOpt{}
	emit := func(o Option, ctx Context) {
		k := key{o.Pos, o.Statement}
		if b, ok := best[k]; !ok || ctx < b.ctx {
			best[k] = ctxOpt{o, ctx}
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
		if !self && ctx == Always && deferred[st.assign] != nil {
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
	out := make([]Option, 0, len(best))
	for _, b := range best {
		o := b.opt
		o.Context = b.ctx
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos.Less(out[j].Pos) })
	return out
}

// ctx returns the context st runs in, given the variables that only the
// --debug branch assigns.
func (st stmt) ctx(debugVars map[string]bool) Context {
	if st.debug {
		return Debug
	}
	for _, a := range st.arms {
		if a.debug {
			return Debug
		}
		for _, r := range a.refs {
			if debugVars[r] {
				return Debug
			}
		}
	}
	for _, a := range st.arms {
		if !a.on {
			return Conditional
		}
	}
	return Always
}

// scriptDebugVars returns the variables that are only assigned in the --debug
// branch: the stock script sets PORT from the argument after --debug and may
// test it ([ "$PORT" != "" ]) instead of --debug itself.
func scriptDebugVars(stmts []stmt) map[string]bool {
	debugVars := map[string]bool{}
	for range 8 { // each round can only add variables; real scripts settle in two
		other := map[string]bool{}
		found := map[string]bool{}
		for _, st := range stmts {
			if st.assign == "" {
				continue
			}
			if st.ctx(debugVars) == Debug {
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

// asciiUpper upper-cases ASCII letters only and keeps every byte in place, so
// an index found in the result holds for s (strings.ToUpper may change the
// length of text that is not valid UTF-8, or of some non-ASCII letters).
func asciiUpper(s string) string { return asciiMap(s, 'a', 'z', 'A'-'a') }

// asciiLower is asciiUpper's counterpart.
func asciiLower(s string) string { return asciiMap(s, 'A', 'Z', 'a'-'A') }

func asciiMap(s string, lo, hi byte, delta int) string {
	b := []byte(s)
	for i, c := range b {
		if lo <= c && c <= hi {
			b[i] = byte(int(c) + delta)
		}
	}
	return string(b)
}
