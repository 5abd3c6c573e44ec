package lint

import (
	"fmt"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Pass is what a rule's Check sees: the homes of the host, the home and the
// server being checked and the options. Check reports problems with Reportf
// (at a position of the home being checked) or Report (of any home).
type Pass struct {
	// Homes are all the homes given together, in command-line order; they share
	// one host.
	Homes []*model.Home
	// Home is the home being checked; nil for ScopeHost and ScopeIgnores rules.
	Home *model.Home
	// Server is the server being checked, one of Home.Servers; set for
	// ScopeServer rules only.
	Server *model.Server
	// Opt are the options of the run; never nil.
	Opt *Options

	rule *Rule
	sev  model.Severity
	out  *[]found
	// ign is the outcome of inline suppression; set for ScopeIgnores rules only.
	ign *ignoreState
	// host is shared by every Pass of one Run.
	host *host
}

// found is a finding with the index of its home, for sorting.
type found struct {
	home int
	f    model.Finding
}

// Reportf records a finding of the running rule at pos for the home being
// checked (Pass.Home); it is the common case of Report. The message is
// formatted with fmt.Sprintf: lower case, no final period, %q for values from
// the user, and says what is expected ("...; expected ...").
func (p *Pass) Reportf(pos model.Pos, format string, args ...any) {
	p.Report(p.Home, pos, format, args...)
}

// Report records a finding of the running rule for home at pos: ScopeHost
// and ScopeIgnores rules name the home a finding belongs to. home may be nil,
// meaning Pass.Home. The message is formatted as for Reportf.
func (p *Pass) Report(home *model.Home, pos model.Pos, format string, args ...any) {
	if home == nil {
		home = p.Home
	}
	idx, dir := len(p.Homes), ""
	if home != nil {
		dir = home.Dir
		if p.host == nil {
			p.host = &host{homes: p.Homes}
		}
		idx = p.host.homeIndex(home)
	}
	*p.out = append(*p.out, found{home: idx, f: model.Finding{
		Rule:     p.rule.ID,
		Severity: p.sev,
		Message:  fmt.Sprintf(format, args...),
		Home:     dir,
		Pos:      pos,
	}})
}
