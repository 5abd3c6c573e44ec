package inlinewant

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Expectation is one wanted diagnostic.
type Expectation struct {
	// File is the fixture file, as passed to Parse.
	File string
	// Line is the 1-based line of the want comment; Col is the wanted column,
	// 0 for any.
	Line, Col int
	// Re matches the diagnostic's text.
	Re *regexp.Regexp
}

func (e Expectation) String() string {
	return fmt.Sprintf("%s:%d:%d: want %q", e.File, e.Line, e.Col, e.Re.String())
}

// Diagnostic is one produced diagnostic: a finding, a port, an error.
type Diagnostic struct {
	File      string
	Line, Col int
	// Text is what the expectations' regexps are matched against.
	Text string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Text)
}

// wantRe finds a want clause after a comment opener on a line.
var wantRe = regexp.MustCompile("(?:<!--|#|//)\\s*want(?::([0-9]+))?((?:\\s+(?:\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`))+)")

// quotedRe splits the quoted patterns of a want clause.
var quotedRe = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")

// Parse returns the expectations written in data, the content of file.
func Parse(file string, data []byte) ([]Expectation, error) {
	var out []Expectation
	for i, line := range strings.Split(string(data), "\n") {
		for _, m := range wantRe.FindAllStringSubmatch(line, -1) {
			col := 0
			if m[1] != "" {
				n, err := strconv.Atoi(m[1])
				if err != nil || n < 1 {
					return nil, fmt.Errorf("%s:%d: bad want column %q", file, i+1, m[1])
				}
				col = n
			}
			for _, q := range quotedRe.FindAllString(m[2], -1) {
				pat, err := strconv.Unquote(q)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad want string %s: %v", file, i+1, q, err)
				}
				re, err := regexp.Compile(pat)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad want regexp: %v", file, i+1, err)
				}
				out = append(out, Expectation{File: file, Line: i + 1, Col: col, Re: re})
			}
		}
	}
	return out, nil
}

// ParseTree returns the expectations of every regular file below dir, with
// File relative to dir in slash form, in file order.
func ParseTree(dir string) ([]Expectation, error) {
	var out []Expectation
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		es, err := Parse(filepath.ToSlash(rel), data)
		out = append(out, es...)
		return err
	})
	return out, err
}

// Match pairs every diagnostic with an unused expectation of the same file and
// line (and column, when the expectation names one) whose regexp matches its
// text. It returns one line for each diagnostic that no expectation wants
// ("unexpected ...") and for each expectation left unmet ("missing ..."),
// sorted; none when they agree.
func Match(exps []Expectation, diags []Diagnostic) []string {
	used := make([]bool, len(exps))
	var problems []string
	for _, d := range diags {
		found := false
		for i, e := range exps {
			if used[i] || e.File != d.File || e.Line != d.Line || (e.Col != 0 && e.Col != d.Col) || !e.Re.MatchString(d.Text) {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			problems = append(problems, "unexpected "+d.String())
		}
	}
	for i, e := range exps {
		if !used[i] {
			problems = append(problems, "missing "+e.String())
		}
	}
	sort.Strings(problems)
	return problems
}
