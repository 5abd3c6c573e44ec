package lint

import (
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
// examples, the ones that fire first.
func exampleDoc(why string, examples []Example, fix string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(why))
	b.WriteString("\n\nExample:\n")
	for _, fires := range []bool{true, false} {
		for _, ex := range examples {
			if ex.Fires != fires {
				continue
			}
			verdict := "reported"
			if !fires {
				verdict = "not reported"
			}
			b.WriteString("\n" + verdict + ": " + ex.Name + "\n\n")
			names := make([]string, 0, len(ex.Files))
			for n := range ex.Files {
				names = append(names, n)
			}
			slices.Sort(names)
			for i, n := range names {
				if i > 0 {
					b.WriteString("\n")
				}
				b.WriteString("    # " + n + "\n")
				for _, line := range strings.Split(strings.TrimRight(ex.Files[n], "\n"), "\n") {
					b.WriteString(strings.TrimRight("    "+line, " ") + "\n")
				}
			}
			if ex.Live != "" {
				b.WriteString("\n    # ss -ltnup\n")
				for _, line := range strings.Split(strings.TrimRight(ex.Live, "\n"), "\n") {
					b.WriteString(strings.TrimRight("    "+line, " ") + "\n")
				}
			}
		}
	}
	b.WriteString("\nFix:\n\n")
	b.WriteString(strings.TrimSpace(fix))
	return b.String()
}
