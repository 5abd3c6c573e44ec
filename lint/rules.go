package lint

import "slices"

// Rules returns a new slice of every built-in rule, sorted by ID: each
// built for this call, which the caller may change (a configuration's
// severity). Building them is cheap (about 8 µs): a rule's documentation and
// examples are written only when asked for (Rule.Documentation,
// Rule.Examples). Adding a rule means adding its rule_wlNNN.go file and one
// line here.
func Rules() []*Rule {
	rules := []*Rule{
		ruleWL101(),
		ruleWL102(),
		ruleWL103(),
		ruleWL104(),
		ruleWL105(),
		ruleWL106(),
		ruleWL201(),
		ruleWL202(),
		ruleWL203(),
		ruleWL301(),
		ruleWL302(),
		ruleWL303(),
		ruleWL304(),
		ruleWL305(),
		ruleWL306(),
		ruleWL307(),
		ruleWL308(),
		ruleWL309(),
		ruleWL310(),
		ruleWL311(),
		ruleWL312(),
		ruleWL313(),
		ruleWL314(),
		ruleWL315(),
		ruleWL316(),
		ruleWL317(),
		ruleWL318(),
		ruleWL319(),
		ruleWL401(), ruleWL402(), ruleWL403(), ruleWL404(), ruleWL405(),
		ruleWL501(), ruleWL502(), ruleWL503(), ruleWL504(), ruleWL505(), ruleWL506(),
		ruleWL601(), ruleWL602(), ruleWL603(),
		ruleWL901(),
		ruleWL902(),
	}
	slices.SortFunc(rules, func(a, b *Rule) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return rules
}

// Lookup finds a built-in rule by ID (any case, "wl101") or name
// ("port-collision").
func Lookup(idOrName string) (*Rule, bool) {
	return LookupIn(Rules(), idOrName)
}

// LookupIn finds the rule of rules with the ID (any case) or name idOrName,
// as Lookup does among the built-in rules; a caller that holds Rules()
// already need not build them again for each name (issue 15 item 4).
func LookupIn(rules []*Rule, idOrName string) (*Rule, bool) {
	for _, r := range rules {
		if matches(r, idOrName) {
			return r, true
		}
	}
	return nil, false
}
