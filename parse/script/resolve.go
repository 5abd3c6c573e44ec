package script

import (
	"slices"
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

// ctxOpt is an option, by its index in the statements (see resolve), and the
// context it reaches the JVM in.
type ctxOpt struct {
	id  int32
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
	var sinks [4]string
	for i, v := range jvmOptsVars() {
		sinks[i] = fold(v)
	}
	sink := func(name string) bool { return slices.Contains(sinks[:], name) }
	// The options by id: their order in the statements.
	n := 0
	for _, st := range stmts {
		n += len(st.opts)
	}
	opts := make([]*Option, 0, n)
	for k := range stmts {
		for j := range stmts[k].opts {
			opts = append(opts, &stmts[k].opts[j])
		}
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
	// best holds the most often run context each option reaches the JVM in
	// (ContextInvalid: none), and when it was first reached.
	type reach struct {
		ctx Context
		seq int32
	}
	best := make([]reach, n)
	seq := int32(0)
	emit := func(id int32, ctx Context) {
		if b := best[id]; b.ctx == ContextInvalid || ctx < b.ctx {
			best[id] = reach{ctx, seq}
			seq++
		}
	}
	id := int32(0) // the id of the first option of st
	for _, st := range stmts {
		first := id
		id += int32(len(st.opts))
		ctx := st.ctx(debugVars)
		if st.assign == "" || sink(st.assign) {
			for k := first; k < id; k++ {
				emit(k, ctx)
			}
			for _, r := range st.refs {
				if e, ok := expanded[r]; sink(r) || ok && e.version == version[r] && e.ctx <= ctx {
					continue // already counted, as often or more
				}
				expanded[r] = expansion{version[r], ctx}
				for _, d := range deferred[r] {
					emit(d.id, max(d.ctx, ctx))
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
				if sink(r) || len(add) >= maxDeferred || len(add) >= budget {
					break
				}
				add = append(add, ctxOpt{d.id, max(d.ctx, ctx)})
			}
		}
		for k := first; k < id; k++ {
			add = append(add, ctxOpt{k, ctx})
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
	// Options at the same place of the same statement are one: the first to
	// reach the JVM in the most often run context stands for them.
	var reached []int32
	for k, b := range best {
		if b.ctx != ContextInvalid {
			reached = append(reached, int32(k))
		}
	}
	slices.SortFunc(reached, func(a, b int32) int {
		oa, ob := opts[a], opts[b]
		switch {
		case oa.Pos != ob.Pos:
			if oa.Pos.Less(ob.Pos) {
				return -1
			}
			return 1
		case oa.Statement != ob.Statement:
			return strings.Compare(oa.Statement, ob.Statement)
		case best[a].ctx != best[b].ctx:
			return int(best[a].ctx) - int(best[b].ctx)
		}
		return int(best[a].seq - best[b].seq)
	})
	out := make([]Option, 0, len(reached))
	for k, r := range reached {
		if k > 0 {
			if p := opts[reached[k-1]]; p.Pos == opts[r].Pos && p.Statement == opts[r].Statement {
				continue
			}
		}
		o := *opts[r]
		o.Context = best[r].ctx
		out = append(out, o)
	}
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
	const (
		inDebug = 1 << iota // assigned in the --debug branch
		inOther             // assigned elsewhere
	)
	where := map[string]uint8{}
	for range 8 { // each round can only add variables; real scripts settle in two
		clear(where)
		for _, st := range stmts {
			if st.assign == "" {
				continue
			}
			if st.ctx(debugVars) == Debug {
				where[st.assign] |= inDebug
			} else {
				where[st.assign] |= inOther
			}
		}
		grew := false
		for v, w := range where {
			if w == inDebug && !debugVars[v] {
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
	s := cond // ASCII case does not change what isVarByte and isNameByte say
	for i := 0; ; {
		k := indexDebug(s[i:])
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

// indexDebug returns the index of the first "debug" in s in any ASCII case,
// or -1.
func indexDebug(s string) int {
	const word = "debug"
	for j := 0; j+len(word) <= len(s); j++ {
		if s[j]|0x20 != 'd' {
			continue
		}
		// c|0x20 is a lower-case letter only for that letter and its upper case.
		if s[j+1]|0x20 == 'e' && s[j+2]|0x20 == 'b' && s[j+3]|0x20 == 'u' && s[j+4]|0x20 == 'g' {
			return j
		}
	}
	return -1
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
	i := 0
	for i < len(s) && (s[i] < lo || s[i] > hi) {
		i++
	}
	if i == len(s) {
		return s // nothing to map
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if lo <= c && c <= hi {
			c = byte(int(c) + delta)
		}
		b.WriteByte(c)
	}
	return b.String()
}
