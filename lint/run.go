package lint

import (
	"cmp"
	"slices"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Run checks the homes, which together make up one host, with the enabled
// rules and returns the findings sorted by home (command-line order), then
// position, then rule ID, then message, without duplicates.
//
// Inline ignores of each home suppress the findings of the rules they name
// whose position they cover, unless opt.NoInlineIgnores is set. Rules of
// ScopeIgnores (WL901, WL902) run last, and their findings are never
// suppressed.
func Run(homes []*model.Home, rules []*Rule, opt Options) []model.Finding {
	var out []found
	hf := &host{homes: homes}
	pass := func(r *Rule, home *model.Home, ign *ignoreState) *Pass {
		return &Pass{Homes: homes, Home: home, Opt: &opt, rule: r, sev: opt.severity(r), out: &out, ign: ign, host: hf}
	}
	var ran, late []*Rule
	for _, r := range rules {
		if r == nil || r.Check == nil || !opt.enabled(r) {
			continue
		}
		switch r.Scope {
		case ScopeServer:
			for _, h := range homes {
				for si := range h.Servers {
					p := pass(r, h, nil)
					p.Server = &h.Servers[si]
					r.Check(p)
				}
			}
		case ScopeHome:
			for _, h := range homes {
				r.Check(pass(r, h, nil))
			}
		case ScopeHost:
			r.Check(pass(r, nil, nil))
		case ScopeIgnores:
			late = append(late, r)
			continue
		default:
			continue
		}
		ran = append(ran, r)
	}
	if !opt.NoInlineIgnores {
		ign := newIgnoreState(homes, rules, ran)
		out = ign.suppress(out)
		for _, r := range late {
			r.Check(pass(r, nil, ign))
		}
	}
	return finish(out)
}

// finish sorts the findings and drops exact duplicates.
func finish(out []found) []model.Finding {
	slices.SortStableFunc(out, func(a, b found) int {
		if c := cmp.Compare(a.home, b.home); c != 0 {
			return c
		}
		if a.f.Pos.Less(b.f.Pos) {
			return -1
		}
		if b.f.Pos.Less(a.f.Pos) {
			return 1
		}
		return cmp.Or(
			cmp.Compare(a.f.Rule, b.f.Rule),
			cmp.Compare(a.f.Message, b.f.Message),
			cmp.Compare(a.f.Pos.Path, b.f.Pos.Path),
			cmp.Compare(a.f.Severity, b.f.Severity),
		)
	})
	fs := make([]model.Finding, 0, len(out))
	for i, x := range out {
		if i > 0 && out[i-1] == x {
			continue
		}
		fs = append(fs, x.f)
	}
	return fs
}
