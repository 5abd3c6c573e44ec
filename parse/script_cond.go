package parse

import "strings"

// tri is a truth value that may be unknown: what a shell test gives in a
// default start, as far as the script alone tells.
type tri uint8

// Truth values.
const (
	triUnknown tri = iota
	triTrue
	triFalse
)

// not negates t.
func (t tri) not() tri {
	switch t {
	case triTrue:
		return triFalse
	case triFalse:
		return triTrue
	}
	return triUnknown
}

// triOf turns a known boolean into a tri.
func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

// shEnvVars are variables a default start may well find set in the
// environment; tests on them stay unknown. Every other variable the script
// has not assigned yet is unset in a default start (the operator runs
// bin/wso2server.sh with no arguments and no JVM_MEM_OPTS, JAVA_OPTS, ...).
var shEnvVars = map[string]bool{
	"JAVA_HOME": true, "PATH": true, "HOME": true, "USER": true, "LOGNAME": true, "SHELL": true,
	"TERM": true, "LANG": true, "PWD": true, "OLDPWD": true, "TMPDIR": true, "HOSTNAME": true,
	"UID": true, "EUID": true, "PPID": true, "RANDOM": true, "SECONDS": true, "LINENO": true,
	"BASH_VERSION": true, "OSTYPE": true, "IFS": true, "TZ": true,
}

// maxShVars bounds the variables whose values shVars remembers.
const maxShVars = 4096

// shVars tracks what the shell variables hold in a default start, as far as
// the statements read so far tell: unset (empty), a known literal, or
// unknown.
type shVars struct {
	known   map[string]string // variables with a known value ("" when unset)
	unknown map[string]bool   // variables assigned a value the scan cannot know
	sourced bool              // a file was sourced: every variable not assigned since is unknown
}

func newShVars() *shVars {
	return &shVars{known: map[string]string{}, unknown: map[string]bool{}}
}

// lookup returns the value of $name in a default start and whether it is
// known. The positional parameters are empty (no arguments), $# is 0.
func (v *shVars) lookup(name string) (string, bool) {
	switch {
	case name == "#":
		return "0", true
	case name == "*" || name == "@" || len(name) == 1 && name[0] >= '1' && name[0] <= '9':
		return "", true
	case !isName(name):
		return "", false // $?, $$, $!, $0, ...
	case v.unknown[name]:
		return "", false
	}
	if val, ok := v.known[name]; ok {
		return val, true
	}
	if v.sourced || shEnvVars[name] {
		return "", false
	}
	return "", true
}

// assign records name=value; known says whether the value is known and the
// assignment certainly runs in a default start.
func (v *shVars) assign(name, value string, known bool) {
	if !known || len(v.known) >= maxShVars {
		delete(v.known, name)
		if len(v.unknown) < maxShVars {
			v.unknown[name] = true
		} else {
			v.sourced = true // out of room: assume nothing
		}
		return
	}
	delete(v.unknown, name)
	v.known[name] = value
}

// source records that the script reads another file (. file, source file),
// which may set anything.
func (v *shVars) source() {
	clear(v.known)
	clear(v.unknown)
	v.sourced = true
}

// shWord is one word of a command, with its value after expansion and quote
// removal when the scan knows it.
type shWord struct {
	val     string
	known   bool
	literal bool // no expansion in it: an operator such as = or -z is only one written literally
	glob    bool // an unquoted glob character in it
}

// shWords splits a command text into words and expands them with vars. It
// returns false for text it cannot split (command substitution, an unclosed
// quote).
func shWords(s string, vars *shVars) ([]shWord, bool) {
	var out []shWord
	var cur strings.Builder
	w := shWord{known: true, literal: true}
	inWord := false
	flush := func() {
		if inWord {
			w.val = cur.String()
			out = append(out, w)
		}
		cur.Reset()
		w, inWord = shWord{known: true, literal: true}, false
	}
	// expand reads a $ reference at s[i] (s[i] == '$') and returns the index after it.
	expand := func(i int) (int, bool) {
		j := i + 1
		if j >= len(s) {
			cur.WriteByte('$')
			return j, true
		}
		var name string
		switch c := s[j]; {
		case c == '(':
			return 0, false
		case c == '{':
			end := strings.IndexByte(s[j:], '}')
			if end < 0 {
				return 0, false
			}
			name = s[j+1 : j+end]
			j += end + 1
			if !isName(name) && len(name) != 1 {
				w.known = false // ${X:-y} and the like
				w.literal = false
				return j, true
			}
		case isNameByte(c) && !(c >= '0' && c <= '9'):
			k := j
			for k < len(s) && isNameByte(s[k]) {
				k++
			}
			name, j = s[j:k], k
		default:
			name, j = s[j:j+1], j+1
		}
		w.literal = false
		val, ok := vars.lookup(name)
		if !ok {
			w.known = false
		}
		cur.WriteString(val)
		return j, true
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			flush()
			i++
		case c == '`':
			return nil, false
		case c == '\\':
			inWord = true
			if i+1 < len(s) {
				cur.WriteByte(s[i+1])
			}
			i += 2
		case c == '\'':
			inWord = true
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, false
			}
			cur.WriteString(s[i+1 : i+1+end])
			i += end + 2
		case c == '"':
			inWord = true
			i++
			for {
				if i >= len(s) {
					return nil, false
				}
				d := s[i]
				if d == '"' {
					i++
					break
				}
				switch {
				case d == '`':
					return nil, false
				case d == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\", s[i+1]) >= 0:
					cur.WriteByte(s[i+1])
					i += 2
				case d == '$':
					var ok bool
					if i, ok = expand(i); !ok {
						return nil, false
					}
				default:
					cur.WriteByte(d)
					i++
				}
			}
		case c == '$':
			inWord = true
			var ok bool
			if i, ok = expand(i); !ok {
				return nil, false
			}
		default:
			inWord = true
			if c == '*' || c == '?' || c == '[' {
				w.glob = true
			}
			cur.WriteByte(c)
			i++
		}
	}
	flush()
	return out, true
}

// shEval returns what a command gives as exit status in a default start:
// a test ([ ], [[ ]], test) of -z, -n, =, == or != on words the scan can
// expand, true, false or :, each possibly negated by !. Anything else is
// unknown. Leading keywords (if, elif, then, ...) are skipped.
func shEval(cmd string, vars *shVars) tri {
	words, ok := shWords(cmd, vars)
	if !ok {
		return triUnknown
	}
	neg := false
keywords:
	for len(words) > 0 && words[0].literal {
		switch words[0].val {
		case "if", "elif", "then", "else", "do", "{", "(":
		case "!":
			neg = !neg
		default:
			break keywords
		}
		words = words[1:]
	}
	r := shTest(words)
	if neg {
		r = r.not()
	}
	return r
}

// shTest evaluates one command's words.
func shTest(words []shWord) tri {
	if len(words) == 0 || !words[0].literal {
		return triUnknown
	}
	double := false
	switch words[0].val {
	case "true", ":":
		return triTrue
	case "false":
		return triFalse
	case "test":
		words = words[1:]
	case "[", "[[":
		closer := "]"
		if words[0].val == "[[" {
			closer, double = "]]", true
		}
		last := words[len(words)-1]
		if len(words) < 2 || !last.literal || last.val != closer {
			return triUnknown
		}
		words = words[1 : len(words)-1]
	default:
		return triUnknown
	}
	return shTestArgs(words, double)
}

// shTestArgs evaluates the arguments of test or [ (double: of [[).
func shTestArgs(args []shWord, double bool) tri {
	op := func(w shWord, names ...string) bool {
		if !w.literal {
			return false
		}
		for _, n := range names {
			if w.val == n {
				return true
			}
		}
		return false
	}
	switch len(args) {
	case 0:
		return triFalse
	case 1:
		if !args[0].known {
			return triUnknown
		}
		return triOf(args[0].val != "")
	case 2:
		switch {
		case op(args[0], "!"):
			return shTestArgs(args[1:], double).not()
		case !args[1].known:
			return triUnknown
		case op(args[0], "-z"):
			return triOf(args[1].val == "")
		case op(args[0], "-n"):
			return triOf(args[1].val != "")
		}
		return triUnknown
	case 3:
		if op(args[0], "!") && !op(args[1], "=", "==", "!=") {
			return shTestArgs(args[1:], double).not()
		}
		if !op(args[1], "=", "==", "!=") || !args[0].known || !args[2].known {
			return triUnknown
		}
		if double && args[2].glob {
			return triUnknown // a pattern
		}
		eq := args[0].val == args[2].val
		if args[1].val == "!=" {
			eq = !eq
		}
		return triOf(eq)
	case 4:
		if op(args[0], "!") {
			return shTestArgs(args[1:], double).not()
		}
	}
	return triUnknown
}

// shChain follows a list of commands joined by && and ||: whether the next
// command runs in a default start, and the status so far.
type shChain struct {
	run    tri // the command now read runs
	status tri // the exit status of the list so far
}

// next returns the chain after a command joined by op ("", ";", "&", "&&",
// "||", "|") and evaluated by eval (called only when it may run).
func (c shChain) next(op string, eval func() tri) shChain {
	switch op {
	case "&&":
		c.run = c.status
	case "||":
		c.run = c.status.not()
	case "|":
		// a pipeline runs with the command before it; its status is the last one's
		if c.run != triFalse {
			eval()
		}
		c.status = triUnknown
		return c
	default:
		c.run = triTrue
	}
	switch c.run {
	case triTrue:
		c.status = eval()
	case triUnknown:
		if s := eval(); s != c.status {
			c.status = triUnknown
		}
	}
	return c
}
