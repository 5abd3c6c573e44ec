package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// scanBat scans a Windows batch start script for the JVM options it passes.
// REM and :: lines are comments (wso2lint:ignore ones are collected); ^
// continues a line. A label section whose name mentions debug (the stock
// :commandDebug) is the --debug branch; an if line, a for line and a
// parenthesised block opened by one run under a condition. The commands go to
// resolveScript, which keeps the options that are always on and the JDWP
// agents that a condition other than the --debug branch turns on.
func scanBat(rel string, data []byte) *scriptScan {
	sc := &scriptScan{}
	lines := splitLines(data)
	var pending []int
	var blocks []batBlock // open ( blocks, outermost first
	var stmts []scriptStmt
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
		if comment, ok := batComment(trimmed); ok {
			if ig, ok := parseIgnore(comment); ok {
				ig.Pos = markPos(rel, marks, lead)
				ig.FromLine, ig.ToLine = first+1, first+1
				sc.ignores = append(sc.ignores, ig)
				pending = append(pending, len(sc.ignores)-1)
			}
			continue
		}
		code := logical
		if j := strings.Index(asciiLower(logical), "& rem "); j >= 0 {
			code = logical[:j]
			if ig, ok := parseIgnore(logical[j+len("& rem "):]); ok {
				ig.Pos = markPos(rel, marks, j)
				ig.FromLine, ig.ToLine = first+1, i+1
				sc.ignores = append(sc.ignores, ig)
			}
		}
		for _, k := range pending {
			sc.ignores[k].ToLine = i + 1
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
		var arm *scriptArm
		cmdOff := lead
		switch {
		case word == "if":
			cond, n := batSplitIf(code[lead:])
			arm = &scriptArm{debug: namesDebugArg(cond), refs: batRefs(cond)}
			cmdOff += n
		case word == "for":
			arm = &scriptArm{}
			if k := strings.Index(asciiLower(code[lead:]), " do "); k >= 0 {
				cmdOff += k + len(" do ")
			} else {
				cmdOff = len(code)
			}
		case word == "else" || strings.HasPrefix(word, ")"):
			// ") else (" or ") else set ...": the else arm of the block just closed.
			arm = &scriptArm{}
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
		if st, ok := batStmt(code, cmdOff, func(off int) model.Pos { return markPos(rel, marks, off) }); ok {
			st.debug = debugSection
			for _, b := range blocks[:min(len(blocks), maxArms)] {
				if b.arm != nil {
					st.arms = append(st.arms, *b.arm)
				}
			}
			if arm != nil {
				st.arms = append(st.arms, *arm)
			}
			stmts = append(stmts, st)
		}
		for ; opens > 0; opens-- {
			blocks = append(blocks, batBlock{arm: arm})
		}
	}
	sc.opts, sc.cond = resolveScript(stmts, asciiUpper)
	return sc
}

// batBlock is an open ( block of a batch script.
type batBlock struct {
	arm *scriptArm // the condition it runs under; nil for a plain group
}

// batStmt reads the command of a batch line that starts at byte cmdOff: a set
// (an assignment; names are case-insensitive, so upper-cased) or any other
// command. Echo, goto and empty commands pass nothing to the JVM.
func batStmt(code string, cmdOff int, at func(off int) model.Pos) (scriptStmt, bool) {
	rest := strings.TrimLeft(code[cmdOff:], " \t(@")
	off := len(code) - len(rest)
	word := asciiLower(rest)
	if k := strings.IndexAny(word, " \t"); k >= 0 {
		word = word[:k]
	}
	switch word {
	case "", "echo", "goto", "echo.", "exit", "shift", "cd", "pause":
		return scriptStmt{}, false
	}
	text := code[off:]
	st := scriptStmt{
		opts: scriptOptions(text, func(j int) model.Pos { return at(off + j) }),
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
