package lint

import (
	"slices"

	"github.com/wso2lint/wso2lint/internal/model"
)

// ignoreState is the outcome of applying the inline ignores of the homes.
type ignoreState struct {
	homes []*model.Home
	// rules are the rules of the run.
	rules []*Rule
	// builtin returns the built-in rules (Rules; a field, not a call, as
	// WL902's Check, part of the built-in rules, reaches knownRules).
	builtin func() []*Rule
	// known are the rules an ignore may name: those of the run and the
	// built-in ones; see knownRules.
	known []*Rule
	// ran are the rules whose Check ran before suppression.
	ran []*Rule
	// used[h][i] is true when ignore i of home h suppressed a finding.
	used [][]bool
}

func newIgnoreState(homes []*model.Home, rules, ran []*Rule) *ignoreState {
	st := &ignoreState{homes: homes, rules: rules, builtin: Rules, ran: ran}
	st.used = make([][]bool, len(homes))
	for i, h := range homes {
		st.used[i] = make([]bool, len(h.Ignores))
	}
	return st
}

// knownRules returns the rules an ignore may name, gathered on the first
// call: Rules() builds every built-in rule, which a host without inline
// ignores, the usual case, never needs (issue 15 item 4). A Run, and so its
// ignoreState, is used by one goroutine.
func (st *ignoreState) knownRules() []*Rule {
	if st.known == nil {
		st.known = append(slices.Clone(st.rules), st.builtin()...)
	}
	return st.known
}

// suppress drops the findings that an ignore of their home covers and names,
// and marks those ignores used.
func (st *ignoreState) suppress(out []found) []found {
	kept := out[:0]
	for _, x := range out {
		if !st.covered(x) {
			kept = append(kept, x)
		}
	}
	return kept
}

func (st *ignoreState) covered(x found) bool {
	if x.home >= len(st.homes) {
		return false
	}
	hit := false
	for i, ig := range st.homes[x.home].Ignores {
		if ig.Covers(x.f.Pos) && st.names(ig, x.f.Rule) {
			st.used[x.home][i] = true
			hit = true
		}
	}
	return hit
}

// names reports whether ig names the rule with the given ID, by ID or name.
func (st *ignoreState) names(ig model.Ignore, id string) bool {
	for _, s := range ig.Rules {
		for _, r := range st.knownRules() {
			if r.ID == id && matches(r, s) {
				return true
			}
		}
	}
	return false
}

// lookup finds the rule s names among the known rules.
func (st *ignoreState) lookup(s string) (*Rule, bool) {
	for _, r := range st.knownRules() {
		if matches(r, s) {
			return r, true
		}
	}
	return nil, false
}

// didRun reports whether the rule with the given ID ran.
func (st *ignoreState) didRun(id string) bool {
	return slices.ContainsFunc(st.ran, func(r *Rule) bool { return r.ID == id })
}
