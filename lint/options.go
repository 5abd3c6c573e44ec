package lint

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Options tune a Run. The zero value runs every rule that is on by default,
// with default severities and inline ignores applied.
type Options struct {
	// DefaultPort returns the catalog default of a product's service on a
	// server of the profile, before the port offset (what a fresh
	// distribution's file holds). cmd injects it from the catalog package;
	// rules that need it stay silent when it is nil.
	DefaultPort func(product model.ProductKey, profile, service string) (model.Port, bool)
	// Disable turns rules off; entries are rule IDs (any case) or names.
	Disable []string
	// Enable turns on rules that are off by default; it wins over Disable.
	Enable []string
	// Severity overrides the severity of a rule, keyed by rule ID or name.
	Severity map[string]model.Severity
	// NoInlineIgnores ignores `wso2lint:ignore` comments (central CI): they
	// suppress nothing and the ignore rules (WL901, WL902) do not run.
	NoInlineIgnores bool
	// HostServices are the services of the host that are not WSO2 servers
	// (--host-service, host-services in .wso2lint.yaml): a WSO2 listener on
	// one of their ports collides with them (WL101).
	HostServices []model.HostService
	// Live holds the sockets open on the host (lint --live, --live-from):
	// the live rules (WL601-WL603) compare them with the listeners each
	// server should open; they stay silent when it is nil.
	Live *model.Live
	// Manifests are the deployment manifests of lint --manifests, their
	// workloads matched to homes (package manifest); the manifest rules
	// (WL501-WL509) check them against the homes' listeners. Nil when none.
	Manifests *model.Manifests
}

// matches reports whether s names r, by ID (any case) or by name.
func matches(r *Rule, s string) bool {
	s = strings.TrimSpace(s)
	return strings.EqualFold(s, r.ID) || strings.EqualFold(s, r.Name)
}

func named(r *Rule, list []string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return matches(r, s) })
}

// enabled reports whether r runs under o.
func (o *Options) enabled(r *Rule) bool {
	if named(r, o.Enable) {
		return true
	}
	return !r.OffByDefault && !named(r, o.Disable)
}

// severity returns the severity of r's findings under o: an override keyed by
// ID wins over one keyed by name, which wins over the rule's default.
func (o *Options) severity(r *Rule) model.Severity {
	if s, ok := o.Severity[r.ID]; ok && s != model.SeverityInvalid {
		return s
	}
	for _, k := range sortedKeys(o.Severity) {
		if matches(r, k) && o.Severity[k] != model.SeverityInvalid {
			return o.Severity[k]
		}
	}
	return r.Severity
}

// CheckOptions reports entries of o that name no rule of rules, and severity
// overrides that are invalid, so that a typo in a config file is an error
// rather than a rule silently left on.
func CheckOptions(o Options, rules []*Rule) error {
	var errs []error
	known := func(s string) bool {
		return slices.ContainsFunc(rules, func(r *Rule) bool { return matches(r, s) })
	}
	for _, s := range o.Disable {
		if !known(s) {
			errs = append(errs, fmt.Errorf("disable: unknown rule %q", s))
		}
	}
	for _, s := range o.Enable {
		if !known(s) {
			errs = append(errs, fmt.Errorf("enable: unknown rule %q", s))
		}
	}
	for _, k := range sortedKeys(o.Severity) {
		if !known(k) {
			errs = append(errs, fmt.Errorf("severity: unknown rule %q", k))
		}
		if o.Severity[k].String() == "invalid" {
			errs = append(errs, fmt.Errorf("severity: invalid severity for rule %q", k))
		}
	}
	return errors.Join(errs...)
}

func sortedKeys(m map[string]model.Severity) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
