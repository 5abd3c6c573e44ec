package lint

import (
	"io"
	"slices"
	"strings"
)

// Example is a documented configuration a rule is run on by the tests
// (TestRuleExamples): the doc shows it and the test checks that the rule
// fires on it, or stays silent, so the two cannot drift.
type Example struct {
	// Name says what the example shows, lower case: "stock carbon.xml".
	Name string
	// Files maps a home-relative path to its content.
	Files map[string]string
	// Fires says the rule reports at least one finding on the home; false
	// means it reports none.
	Fires bool
	// Live, for the live rules, is the `ss -ltnup` output the example's
	// host shows (lint --live-from).
	Live string
}

// exampleDoc builds a rule doc from why (why the rule matters), the
// structured examples and fix: the "Example:" section is generated from
// examples, the ones that fire first. The doc is measured first and
// written into one allocation of its exact size (SARIF output and explain
// --all build all 44; issue 15 item 4).
func exampleDoc(why string, examples []Example, fix string) string {
	var n byteCount
	writeExampleDoc(&n, why, examples, fix)
	var b strings.Builder
	b.Grow(int(n))
	writeExampleDoc(&b, why, examples, fix)
	return b.String()
}

// byteCount counts the bytes written to it.
type byteCount int

func (c *byteCount) WriteString(s string) (int, error) {
	*c += byteCount(len(s))
	return len(s), nil
}

// writeExampleDoc writes exampleDoc's text to w.
func writeExampleDoc(w io.StringWriter, why string, examples []Example, fix string) {
	w.WriteString(strings.TrimSpace(why))
	w.WriteString("\n\nExample:\n")
	var names []string
	for _, fires := range []bool{true, false} {
		for _, ex := range examples {
			if ex.Fires != fires {
				continue
			}
			verdict := "reported"
			if !fires {
				verdict = "not reported"
			}
			w.WriteString("\n")
			w.WriteString(verdict)
			w.WriteString(": ")
			w.WriteString(ex.Name)
			w.WriteString("\n\n")
			names = names[:0]
			for n := range ex.Files {
				names = append(names, n)
			}
			slices.Sort(names)
			for i, n := range names {
				if i > 0 {
					w.WriteString("\n")
				}
				w.WriteString("    # ")
				w.WriteString(n)
				w.WriteString("\n")
				writeIndented(w, ex.Files[n])
			}
			if ex.Live != "" {
				w.WriteString("\n    # ss -ltnup\n")
				writeIndented(w, ex.Live)
			}
		}
	}
	w.WriteString("\nFix:\n\n")
	w.WriteString(strings.TrimSpace(fix))
}

// writeIndented writes each line of text (without its final newlines)
// indented by four spaces, with trailing spaces dropped: a blank line stays
// empty.
func writeIndented(w io.StringWriter, text string) {
	for line := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		if line = strings.TrimRight(line, " "); line != "" {
			w.WriteString("    ")
			w.WriteString(line)
		}
		w.WriteString("\n")
	}
}
