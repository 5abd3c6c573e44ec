package script

import "strings"

// ScanBat scans a Windows batch start script for the JVM options it passes.
// REM and :: lines and "& rem" tails are comments; ^ continues a line. A label
// section whose name mentions debug (the stock :commandDebug) is the --debug
// branch; an if line, a for line and a parenthesised block opened by one run
// under a condition, which a default start may not take. The options of the
// commands are followed to the JVM (see Script).
func ScanBat(data []byte) *Script {
	sc := &Script{}
	lines := splitLines(data)
	var pending []int     // comments on lines of their own, waiting for the next statement
	var blocks []batBlock // open ( blocks, outermost first
	var stmts []stmt
	debugSection := false
	for i := 0; i < len(lines); i++ {
		first := i
		var text strings.Builder
		var marks []lineMark
		for {
			marks = append(marks, lineMark{off: text.Len(), line: i + 1, src: lines[i]})
			code := lines[i]
			cont := strings.HasSuffix(code, "^")
			if cont {
				code = code[:len(code)-1]
			}
			text.WriteString(code)
			if !cont || i+1 >= len(lines) {
				break
			}
			i++
		}
		logical := text.String()
		trimmed := strings.TrimLeft(logical, " \t@")
		lead := len(logical) - len(trimmed)
		if trimmed == "" {
			continue
		}
		at := newPosMap(marks)
		if comment, ok := batComment(trimmed); ok {
			sc.Comments = append(sc.Comments, Comment{Text: comment, Pos: at.pos(lead), FromLine: first + 1, ToLine: first + 1})
			pending = append(pending, len(sc.Comments)-1)
			continue
		}
		code := logical
		if j := strings.Index(asciiLower(logical), "& rem "); j >= 0 {
			code = logical[:j]
			sc.Comments = append(sc.Comments, Comment{Text: logical[j+len("& rem "):], Pos: at.pos(j), FromLine: first + 1, ToLine: i + 1})
		}
		for _, k := range pending {
			sc.Comments[k].ToLine = i + 1
		}
		pending = nil
		if strings.HasPrefix(trimmed, ":") {
			debugSection = strings.Contains(strings.ToLower(trimmed), "debug")
			continue
		}
		word := strings.ToLower(trimmed)
		if k := strings.IndexAny(word, " \t("); k >= 0 {
			word = word[:k]
		}
		// The line's own condition, and where its command starts.
		var cond *arm
		cmdOff := lead
		switch {
		case word == "if":
			condText, n := batSplitIf(code[lead:])
			cond = &arm{debug: namesDebugArg(condText), refs: batRefs(condText)}
			cmdOff += n
		case word == "for":
			cond = &arm{}
			if k := strings.Index(asciiLower(code[lead:]), " do "); k >= 0 {
				cmdOff += k + len(" do ")
			} else {
				cmdOff = len(code)
			}
		case word == "else" || strings.HasPrefix(word, ")"):
			// ") else (" or ") else set ...": the else arm of the block just closed.
			cond = &arm{}
			rest := strings.TrimLeft(code[lead:], ") \t")
			if len(rest) >= 4 && strings.EqualFold(rest[:4], "else") {
				rest = rest[4:]
			}
			cmdOff = len(code) - len(rest)
		}
		opens, closes := batParens(code)
		for ; closes > 0 && len(blocks) > 0; closes-- {
			blocks = blocks[:len(blocks)-1]
		}
		if st, ok := batStmt(code, cmdOff, at.pos); ok {
			st.debug = debugSection
			for _, b := range blocks[:min(len(blocks), maxArms)] {
				if b.arm != nil {
					st.arms = append(st.arms, *b.arm)
				}
			}
			if cond != nil {
				st.arms = append(st.arms, *cond)
			}
			stmts = append(stmts, st)
		}
		for ; opens > 0; opens-- {
			blocks = append(blocks, batBlock{arm: cond})
		}
	}
	sc.Options = resolve(stmts, asciiUpper)
	return sc
}

// batBlock is an open ( block of a batch script.
type batBlock struct {
	arm *arm // the condition it runs under; nil for a plain group
}

// batStmt reads the command of a batch line that starts at byte cmdOff: a set
// (an assignment; names are case-insensitive, so upper-cased) or any other
// command. Echo, goto and empty commands pass nothing to the JVM.
func batStmt(code string, cmdOff int, at func(off int) Pos) (stmt, bool) {
	rest := strings.TrimLeft(code[cmdOff:], " \t(@")
	off := len(code) - len(rest)
	word := asciiLower(rest)
	if k := strings.IndexAny(word, " \t"); k >= 0 {
		word = word[:k]
	}
	switch word {
	case "", "echo", "goto", "echo.", "exit", "shift", "cd", "pause":
		return stmt{}, false
	}
	text := code[off:]
	st := stmt{
		opts: findOptions(text, func(j int) Pos { return at(off + j) }),
		refs: batRefs(text),
	}
	if word == "set" {
		v := strings.TrimLeft(text[len("set"):], " \t")
		for strings.HasPrefix(v, "/") { // set /a, set /p
			_, v, _ = strings.Cut(v, " ")
			v = strings.TrimLeft(v, " \t")
		}
		if name, _, ok := strings.Cut(strings.TrimPrefix(v, `"`), "="); ok && isName(strings.TrimSpace(name)) {
			st.assign = asciiUpper(strings.TrimSpace(name))
		}
	}
	return st, true
}

// batSplitIf splits an if line ("if [/i] [not] COND COMMAND") after its
// condition: it returns the condition and the byte offset of the command.
func batSplitIf(s string) (string, int) {
	i := 0
	next := func() string {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		start, quoted := i, false
		for ; i < len(s); i++ {
			c := s[i]
			if c == '"' {
				quoted = !quoted
			} else if !quoted && (c == ' ' || c == '\t' || c == '(') {
				break
			}
		}
		return s[start:i]
	}
	next() // if
	tok := next()
	if strings.EqualFold(tok, "/i") {
		tok = next()
	}
	if strings.EqualFold(tok, "not") {
		tok = next()
	}
	switch asciiLower(tok) {
	case "exist", "defined", "errorlevel", "cmdextversion":
		next()
	default:
		if strings.Contains(tok, "==") {
			if strings.HasSuffix(tok, "==") {
				next()
			}
			break
		}
		save := i
		switch op := asciiLower(next()); {
		case op == "==" || op == "equ" || op == "neq" || op == "lss" || op == "leq" || op == "gtr" || op == "geq":
			next()
		case strings.HasPrefix(op, "=="):
		default:
			i = save
		}
	}
	return s[:i], i
}

// batRefs returns the variables that s expands (%NAME%, %NAME:~0,1%, !NAME!),
// upper-cased, each once; %1, %* and %%x are arguments, not variables.
func batRefs(s string) []string {
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' && c != '!' {
			continue
		}
		if c == '%' && i+1 < len(s) && s[i+1] == '%' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j >= len(s) || (s[j] != c && !(c == '%' && s[j] == ':')) || !isName(s[i+1:j]) {
			continue
		}
		if name := asciiUpper(s[i+1 : j]); !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
		if s[j] == c {
			i = j
		}
	}
	return out
}

// batComment returns the text of a REM or :: comment line.
func batComment(s string) (string, bool) {
	if strings.HasPrefix(s, "::") {
		return s[2:], true
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "rem") && (len(s) == 3 || s[3] == ' ' || s[3] == '\t') {
		return s[3:], true
	}
	return "", false
}

// batParens counts the unquoted parentheses of a batch line, net of the ones
// that close on the same line.
func batParens(s string) (opens, closes int) {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '^':
			i++
		case c == '(':
			opens++
		case c == ')':
			if opens > 0 {
				opens--
			} else {
				closes++
			}
		}
	}
	return opens, closes
}
