package script

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// ScanSh scans a POSIX shell start script for the JVM options it passes. It
// joins backslash continuations, collects # comments, tracks if/elif/else and
// case arms and && / || chains (the conditions a command runs under), and
// follows the options of the commands to the JVM (see Script). while/for loops
// are not conditions (the java command line runs in one).
func ScanSh(data []byte) *Script {
	sc := &Script{}
	// One buffer holds every logical line (its physical lines' code joined,
	// each followed by a space), each followed by the text of its comments:
	// the lines, comments, words and options are substrings of it. A
	// physical line gives no more than its own bytes and its newline, so the
	// buffer is never grown.
	var buf strings.Builder
	buf.Grow(len(data) + 1)
	nl := bytes.Count(data, []byte("\n"))
	// A comment has a # and a line of its own.
	sc.Comments = make([]Comment, 0, min(bytes.Count(data, []byte("#")), nl+1))
	// Real scripts keep about one statement per four lines.
	stmts := make([]stmt, 0, nl/4+8)
	var pending []int     // comments on lines of their own, waiting for the next statement
	var frames []*shFrame // open if and case blocks, outermost first
	var marks []lineMark  // where each physical line starts in the logical line
	var comments [][]byte // the text of the comments of the logical line
	var segs []shSegment  // the commands of the logical line
	var arms armPool
	vars := newShVars()
	next := 0 // the offset in data of the next physical line; -1 after the last
	line := 0 // the number of the last physical line read
	for next >= 0 {
		first := line + 1
		start := buf.Len()
		marks, comments = marks[:0], comments[:0]
		for {
			var l []byte
			l, next = cutLine(data, next)
			line++
			code, comment, commentCol, ok := shSplitComment(l)
			if ok {
				sc.Comments = append(sc.Comments, Comment{Pos: Pos{Line: line, Col: commentCol}, FromLine: line, ToLine: line})
				comments = append(comments, comment)
				if len(bytes.TrimSpace(code)) == 0 && line == first {
					pending = append(pending, len(sc.Comments)-1)
				}
			}
			marks = append(marks, lineMark{off: buf.Len() - start, line: line})
			cont := bytes.HasSuffix(code, []byte(`\`)) && !bytes.HasSuffix(code, []byte(`\\`))
			if cont {
				code = code[:len(code)-1]
			}
			buf.Write(code)
			buf.WriteByte(' ')
			if !cont || next < 0 {
				break
			}
		}
		logical := buf.String()[start:]
		// A mark's line is its code as the logical line holds it: the
		// columns of its bytes are the same as in the physical line.
		for k := range marks {
			end := len(logical)
			if k+1 < len(marks) {
				end = marks[k+1].off
			}
			marks[k].src = logical[marks[k].off:end]
		}
		for k, c := range comments {
			at := buf.Len()
			buf.Write(c)
			sc.Comments[len(sc.Comments)-len(comments)+k].Text = buf.String()[at:]
		}
		if strings.TrimSpace(logical) == "" {
			continue
		}
		for _, k := range pending {
			sc.Comments[k].ToLine = line
		}
		pending = pending[:0]
		at := posMap{marks: marks, mark: -1}
		if n := len(frames); n > 0 && frames[n-1].isCase {
			if end, ok := shCasePattern(logical); ok {
				f := frames[n-1]
				f.arm = shArm(logical[:end])
				f.enter(f.caseMatch(logical[:end], vars))
				// Blank the pattern out, keeping the offsets of the rest.
				logical = strings.Repeat(" ", end+1) + logical[end+1:]
			}
		}
		var chain arm // the commands of a && / || chain so far
		run := shChain{run: triTrue, status: triUnknown}
		segs = shSegments(segs[:0], logical)
		for _, seg := range segs {
			chainArm := chain
			if seg.chained {
				chain = mergeArm(chain, shArm(seg.text))
			}
			kws, cmd, word := shCommand(seg.text)
			var top *shFrame
			if n := len(frames); n > 0 {
				top = frames[n-1]
			}
			if top != nil && top.inCond {
				if kws&kwThen == 0 {
					// if a || b; then: the condition goes on
					top.arm = mergeArm(top.arm, shArm(seg.text))
					top.cond = top.cond.next(seg.op, func() tri { return shEval(seg.text, vars) })
					continue
				}
				top.inCond = false
				top.enter(top.cond.status)
			}
			if top != nil && kws&kwElse != 0 {
				top.arm = arm{}
				top.enter(triTrue)
			}
			switch word {
			case "if", "elif":
				cond := shChain{run: triTrue, status: shEval(cmd.text, vars)}
				if word == "if" {
					top = newShFrame(top, false)
					frames = append(frames, top)
				}
				if top != nil {
					top.inCond, top.arm, top.cond = true, shArm(cmd.text), cond
				}
				continue
			case "case":
				f := newShFrame(top, true)
				if ws, ok := shWords(cmd.text, vars); ok && len(ws) == 3 && ws[1].known {
					f.subject, f.subjectKnown = ws[1].val, true
				}
				frames = append(frames, f)
				continue
			case "fi", "esac":
				if top != nil {
					frames = frames[:len(frames)-1]
				}
				continue
			}
			run = run.next(seg.op, func() tri { return shEval(seg.text, vars) })
			chainArm.on = run.run == triTrue
			on := chainArm.on // the command runs in a default start
			if top != nil {
				on = on && top.outerOn && top.arm.on
			}
			switch word {
			case ".", "source":
				vars.source()
				continue
			case "unset":
				if ws, ok := shWords(cmd.text, vars); ok {
					for _, w := range ws[1:] {
						if w.literal && isName(w.val) {
							vars.assign(w.val, "", on)
						}
					}
				}
				continue
			case "", "while", "until", "for", "select", "done", "echo", "printf", "[", "[[", "test", ":":
				// Loop heads, tests and messages pass no option to the JVM.
				continue
			}
			st := stmt{
				opts: findOptions(cmd.text, func(j int) Pos { return at.pos(seg.off + cmd.off + j) }),
				refs: shRefs(cmd.text),
			}
			if name, _, ok := strings.Cut(word, "="); ok && isName(name) {
				st.assign = name
				val, known := shAssignValue(cmd.text[len(name)+1:], vars)
				vars.assign(name, val, known && on)
			}
			if st.assign == "" && len(st.opts) == 0 && len(st.refs) == 0 {
				continue // nothing for resolve to follow
			}
			st.arms = arms.add(frames[:min(len(frames), maxArms)], seg.chained, chainArm)
			stmts = append(stmts, st)
		}
	}
	if len(sc.Comments) == 0 {
		sc.Comments = nil
	}
	sc.Options = resolve(stmts, func(s string) string { return s })
	return sc
}

// armPool hands out the arms of statements from shared chunks, so that the
// few arms of a statement cost no allocation of their own.
type armPool struct{ free []arm }

// add returns the arms of the frames, and chain after them when chained.
func (p *armPool) add(frames []*shFrame, chained bool, chain arm) []arm {
	n := len(frames)
	if chained {
		n++
	}
	if n == 0 {
		return nil
	}
	if cap(p.free)-len(p.free) < n {
		// Chunks grow with the script: small scripts stay small.
		p.free = make([]arm, 0, max(min(2*cap(p.free), 256), 16, n))
	}
	start := len(p.free)
	for _, f := range frames {
		p.free = append(p.free, f.arm)
	}
	if chained {
		p.free = append(p.free, chain)
	}
	return p.free[start:len(p.free):len(p.free)]
}

// shFrame is an open if or case block of a shell script.
type shFrame struct {
	isCase    bool
	inCond    bool    // reading an if/elif condition, up to then
	arm       arm     // the arm whose commands run now (or its condition so far)
	cond      shChain // the if/elif condition so far, in a default start
	prevFalse bool    // every earlier arm's condition is false in a default start
	outerOn   bool    // the arms of every enclosing block run in a default start

	subject      string // the word a case block matches, when known
	subjectKnown bool
}

// newShFrame opens an if (or a case) block inside parent (nil at the top
// level). Only the innermost block's arm changes while it is open, so whether
// the enclosing arms run is known when it opens.
func newShFrame(parent *shFrame, isCase bool) *shFrame {
	return &shFrame{isCase: isCase, prevFalse: true, outerOn: parent == nil || parent.outerOn && parent.arm.on}
}

// caseMatch reports whether the case subject matches the pattern of an arm
// ("a|b" or "(a|b", without the closing parenthesis) in a default start.
// Patterns with glob characters other than a lone * are unknown.
func (f *shFrame) caseMatch(pattern string, vars *shVars) tri {
	if !f.subjectKnown {
		return triUnknown
	}
	pattern = strings.TrimLeft(pattern, " \t(")
	r := triFalse
	for _, alt := range strings.Split(pattern, "|") {
		ws, ok := shWords(alt, vars)
		switch {
		case !ok || len(ws) != 1 || !ws[0].known:
			r = triUnknown
		case ws[0].glob && ws[0].val == "*":
			return triTrue
		case ws[0].glob || strings.ContainsAny(ws[0].val, "*?[") && !ws[0].literal:
			r = triUnknown
		case ws[0].val == f.subject:
			return triTrue
		}
	}
	return r
}

// enter starts the commands of an if, elif or else arm whose condition gives
// cond in a default start: the arm runs in a default start when every
// earlier arm is known not to and its own condition holds.
func (f *shFrame) enter(cond tri) {
	f.arm.on = f.prevFalse && cond == triTrue
	f.prevFalse = f.prevFalse && cond == triFalse
}

// shAssignValue returns the value a NAME=value assignment gives (rest is the
// text after =) and whether the scan knows it.
func shAssignValue(rest string, vars *shVars) (string, bool) {
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return "", true
	}
	ws, ok := shWords(rest, vars)
	if !ok || len(ws) != 1 || !ws[0].known {
		return "", false
	}
	return ws[0].val, true
}

// shArm reads the condition of an arm: whether it names --debug and the
// variables it expands.
func shArm(cond string) arm {
	refs := shRefs(cond)
	if len(refs) > maxArmRefs {
		refs = refs[:maxArmRefs]
	}
	return arm{debug: namesDebugArg(cond), refs: refs}
}

// mergeArm joins two parts of one condition.
func mergeArm(a, b arm) arm {
	refs := slices.Clip(a.refs)
	for _, r := range b.refs {
		if len(refs) < maxArmRefs && !slices.Contains(refs, r) {
			refs = append(refs, r)
		}
	}
	return arm{debug: a.debug || b.debug, refs: refs, on: a.on && b.on}
}

// shCasePattern finds the pattern of a case arm that starts line ("--debug)",
// "-d|--debug)", "*)") and returns the offset of its closing parenthesis.
func shCasePattern(line string) (int, bool) {
	if strings.IndexByte(line, ')') < 0 {
		return 0, false
	}
	end := shWalk(line, func(i int) int {
		if line[i] == ')' {
			return shStop
		}
		return 0
	})
	if end < 0 {
		return 0, false
	}
	pat := strings.TrimLeft(line[:end], " \t(")
	if pat == "" || strings.ContainsAny(pat, "=(`") {
		return 0, false
	}
	return end, true
}

// shRefs returns the variables that s expands ($NAME, ${NAME...}), outside
// single quotes, each once.
func shRefs(s string) []string {
	if strings.IndexByte(s, '$') < 0 {
		return nil
	}
	var out []string
	var seen map[string]bool // with many names; a few are looked up in out
	double, single := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case single:
			single = c != '\''
		case c == '\\':
			i++
		case c == '"':
			double = !double
		case c == '\'' && !double:
			single = true
		case c == '$' && i+1 < len(s):
			j := i + 1
			if s[j] == '{' {
				j++
			}
			k := j
			for k < len(s) && isNameByte(s[k]) {
				k++
			}
			if name := s[j:k]; isName(name) && !seen[name] && (seen != nil || !slices.Contains(out, name)) {
				if seen == nil && len(out) >= 16 {
					seen = make(map[string]bool, 2*len(out))
					for _, r := range out {
						seen[r] = true
					}
				}
				if seen != nil {
					seen[name] = true
				}
				out = append(out, name)
			}
			i = k - 1
		}
	}
	return out
}

// isName reports whether s is a shell or batch variable name.
func isName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

// shSplitComment splits a shell line into code and the text of a # comment (a #
// that starts a word outside quotes). commentCol is the 1-based column of the
// #; ok is false when the line has no comment.
func shSplitComment(line []byte) (code, comment []byte, commentCol int, ok bool) {
	if bytes.IndexByte(line, '#') < 0 {
		return line, nil, 0, false
	}
	i := shWalk(line, func(i int) int {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == ';') {
			return shStop
		}
		return 0
	})
	if i < 0 {
		return line, nil, 0, false
	}
	return line[:i], line[i+1:], utf8.RuneCount(line[:i]) + 1, true
}

// shStop ends a shWalk.
const shStop = -1

// shWalk calls visit with the index of every byte of s that stands outside
// quotes and is not escaped by a backslash. visit returns how many of the
// following bytes to skip, or shStop to end the walk; shWalk returns the index
// it stopped at, or -1 when it reached the end.
func shWalk[S ~string | ~[]byte](s S, visit func(i int) int) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '\\':
			i++
		case c == '"' || c == '\'' || c == '`':
			quote = c
		default:
			n := visit(i)
			if n == shStop {
				return i
			}
			i += n
		}
	}
	return -1
}

// shSegment is one command of a logical line.
type shSegment struct {
	text    string
	off     int    // byte offset in the logical line
	chained bool   // joined to another command by && or || (runs conditionally)
	op      string // the operator before it: "" at the start of the line, ";", "&&", "||", "|", "&"
}

// shSegments splits a logical line at ;, &&, || and | outside quotes and
// appends its commands to out.
func shSegments(out []shSegment, s string) []shSegment {
	if !strings.ContainsAny(s, ";|&") {
		return append(out, shSegment{text: s})
	}
	first := len(out)
	start := 0
	// Only commands joined by && or || are conditional; every segment of such
	// a line is marked, which is how one-liners like [ -n "$X" ] && ... are
	// written.
	chained := false
	isOp := func(c byte) bool { return c == ';' || c == '|' || c == '&' }
	op := ""
	shWalk(s, func(i int) int {
		if !isOp(s[i]) {
			return 0
		}
		out = append(out, shSegment{text: s[start:i], off: start, op: op})
		n := 0
		for i+n+1 < len(s) && isOp(s[i+n+1]) {
			n++
		}
		op = s[i : i+n+1]
		chained = chained || strings.Contains(op, "&&") || strings.Contains(op, "||")
		start = i + n + 1
		return n
	})
	out = append(out, shSegment{text: s[start:], off: start, op: op})
	for k := first; k < len(out); k++ {
		out[k].chained = chained
	}
	return out
}

// shCommandText is the command part of a segment after leading keywords.
type shCommandText struct {
	text string
	off  int
}

// shKeywords says which of then and else lead a command.
type shKeywords uint8

// The keywords of shKeywords.
const (
	kwThen shKeywords = 1 << iota
	kwElse
)

// shCommand strips the leading keywords (then, else, do, {, (, export,
// local and the like) of a segment and says whether then and else are among
// them; it returns the rest and its first word: "if", "elif", "fi", "case",
// "echo", "JAVA_OPTS=...", ...
func shCommand(seg string) (shKeywords, shCommandText, string) {
	var kws shKeywords
	off := 0
	for {
		for off < len(seg) && (seg[off] == ' ' || seg[off] == '\t') {
			off++
		}
		end := off
		for end < len(seg) && seg[end] != ' ' && seg[end] != '\t' {
			end++
		}
		word := seg[off:end]
		switch word {
		case "then":
			kws |= kwThen
		case "else":
			kws |= kwElse
		case "do", "{", "(", "!", "export", "exec", "eval", "local", "declare", "typeset", "readonly":
		default:
			return kws, shCommandText{text: seg[off:], off: off}, word
		}
		off = end
	}
}
