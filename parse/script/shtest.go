package script

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

// shEval returns what a command gives as exit status in a default start:
// a test ([ ], [[ ]], test) of -z, -n, =, == or != on words the scan can
// expand, true, false or :, each possibly negated by !. Anything else is
// unknown. Leading keywords (if, elif, then, ...) are skipped.
func shEval(cmd string, vars *shVars) tri {
	// Words are read only as far as they can matter: a command that is no
	// test is unknown whatever follows its first word.
	ws := shWordScanner{s: cmd, vars: vars}
	neg := false
	var first shWord
keywords:
	for {
		w, more, ok := ws.next()
		if !ok || !more {
			return triUnknown
		}
		if w.literal {
			switch w.val {
			case "if", "elif", "then", "else", "do", "{", "(":
				continue
			case "!":
				neg = !neg
				continue
			}
		}
		first = w
		break keywords
	}
	if !first.literal {
		return triUnknown
	}
	switch first.val {
	case "true", ":", "false", "test", "[", "[[":
	default:
		return triUnknown
	}
	words := append(vars.words[:0], first)
	defer func() { vars.words = words[:0] }()
	for {
		w, more, ok := ws.next()
		if !ok {
			return triUnknown
		}
		if !more {
			break
		}
		words = append(words, w)
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
