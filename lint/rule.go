package lint

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Scope says how often, and over what, a rule's Check runs.
type Scope uint8

// Scopes. The zero value is invalid.
const (
	ScopeInvalid Scope = iota
	// ScopeHome runs Check once per home, with Pass.Home set: for rules that
	// look at a home as a whole (its product, several servers at once).
	ScopeHome
	// ScopeHost runs Check once over all homes given together (one host), with
	// Pass.Home nil.
	ScopeHost
	// ScopeIgnores runs Check once, after every other rule, with the outcome of
	// the inline suppressions available; it is skipped with
	// Options.NoInlineIgnores. Only the rules about ignore comments use it.
	ScopeIgnores
	// ScopeServer runs Check once per server of each home, in the order of
	// Home.Servers, with Pass.Home and Pass.Server set: most rules judge one
	// server's listeners and settings at a time.
	ScopeServer
)

// String returns "server", "home", "host", "ignores" or "invalid".
func (s Scope) String() string {
	switch s {
	case ScopeServer:
		return "server"
	case ScopeHome:
		return "home"
	case ScopeHost:
		return "host"
	case ScopeIgnores:
		return "ignores"
	}
	return "invalid"
}

// Rule is one check. Rules are values and keep no state between runs.
type Rule struct {
	// ID is stable and never reused: "WL101".
	ID string
	// Name is a kebab-case slug for people and config files: "port-collision".
	Name string
	// Title is one line, lower case, without a final period.
	Title string
	// Doc says why the rule matters and holds an "Example:" section (a bad
	// configuration) and a "Fix:" section; `wso2lint explain ID` prints it.
	// Read it with Documentation: a built-in rule leaves it empty and builds
	// it from its examples on demand (doc).
	Doc string
	// Severity is the default severity of the rule's findings.
	Severity model.Severity
	// Scope says whether Check runs per server, per home or once per host.
	Scope Scope
	// OffByDefault rules run only when Options.Enable names them.
	OffByDefault bool
	// Check inspects the pass and reports findings with Pass.Reportf (or
	// Pass.Report, for a finding about another home of the host).
	Check func(p *Pass)
	// examples builds the configurations the doc's "Example:" section shows
	// (see exampleDoc and Examples).
	examples func() []Example
	// doc builds Doc when Doc is empty: a built-in rule's documentation is
	// written from its examples only when a command prints it (explain, SARIF,
	// docs/rules.md), not on every run.
	doc func() string
}

// Documentation returns the rule's Doc, building it first for a built-in rule.
func (r *Rule) Documentation() string {
	if r.Doc == "" && r.doc != nil {
		return r.doc()
	}
	return r.Doc
}

var (
	idPattern   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^WL[0-9]{3}$`) })
	namePattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })
)

// Validate checks that rules are well formed: IDs are unique and look like
// "WL" and three digits, names are unique kebab-case slugs, Title and Doc are
// set, and Severity, Scope and Check are valid. It reports every problem.
func Validate(rules []*Rule) error {
	var errs []error
	ids := map[string]bool{}
	names := map[string]bool{}
	for i, r := range rules {
		if r == nil {
			errs = append(errs, fmt.Errorf("rule %d is nil", i))
			continue
		}
		who := fmt.Sprintf("rule %d (%q)", i, r.ID)
		if !idPattern().MatchString(r.ID) {
			errs = append(errs, fmt.Errorf("%s: id %q does not look like WL and three digits", who, r.ID))
		}
		if ids[r.ID] {
			errs = append(errs, fmt.Errorf("%s: duplicate id %q", who, r.ID))
		}
		ids[r.ID] = true
		if !namePattern().MatchString(r.Name) {
			errs = append(errs, fmt.Errorf("%s: name %q is not a kebab-case slug", who, r.Name))
		}
		if names[r.Name] {
			errs = append(errs, fmt.Errorf("%s: duplicate name %q", who, r.Name))
		}
		names[r.Name] = true
		if err := validateTitle(r.Title); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", who, err))
		}
		if strings.TrimSpace(r.Documentation()) == "" {
			errs = append(errs, fmt.Errorf("%s: empty doc", who))
		}
		if r.Severity.String() == "invalid" {
			errs = append(errs, fmt.Errorf("%s: invalid severity %d", who, r.Severity))
		}
		if r.Scope.String() == "invalid" {
			errs = append(errs, fmt.Errorf("%s: invalid scope %d", who, r.Scope))
		}
		if r.Check == nil {
			errs = append(errs, fmt.Errorf("%s: nil check", who))
		}
	}
	return errors.Join(errs...)
}

func validateTitle(t string) error {
	switch {
	case strings.TrimSpace(t) == "":
		return errors.New("empty title")
	case strings.Contains(t, "\n"):
		return fmt.Errorf("title %q spans lines", t)
	case strings.HasSuffix(t, "."):
		return fmt.Errorf("title %q ends with a period", t)
	case strings.ToLower(t[:1]) != t[:1]:
		return fmt.Errorf("title %q does not start lower case", t)
	}
	return nil
}

// DocBaseURL is where docs/rules.md is published; each rule's documentation is
// the section of that page anchored at its lower-case ID.
const DocBaseURL = "https://github.com/wso2lint/wso2lint/blob/main/docs/rules.md"

// DocURL returns the stable documentation address of the rule: the section of
// docs/rules.md for its ID ("…/docs/rules.md#wl101-port-collision").
func (r Rule) DocURL() string {
	return DocBaseURL + "#" + strings.ToLower(r.ID) + "-" + r.Name
}

// Examples returns the configurations the doc's "Example:" section shows
// (see exampleDoc); the tests run the rule on each. They are built on each
// call: only explain, the docs and the tests need them, and building the
// examples of every rule was most of what making the rules cost a run
// (issue 15 item 1).
func (r *Rule) Examples() []Example {
	if r.examples == nil {
		return nil
	}
	return r.examples()
}
