package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// ResolveRules checks every rule reference of the file (disable, enable,
// severity, ignore rules) with lookup, which maps a rule ID or name to its ID,
// and rewrites the references to IDs. An unknown rule, or one whose severity
// is set twice (by ID and by name), is an error naming the file and line; all
// problems are reported together and c is left unchanged when there are any.
func (c *Config) ResolveRules(lookup func(idOrName string) (id string, ok bool)) error {
	ids := map[string]string{}
	var errs []error
	for _, r := range c.refs {
		id, ok := lookup(r.name)
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: unknown rule %q in %s", c.Path, r.line, r.name, r.section))
			continue
		}
		ids[r.name] = id
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	resolve := func(names []string) []string {
		if names == nil {
			return nil
		}
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = ids[n]
		}
		return out
	}
	var sev map[string]model.Severity
	if c.Severity != nil {
		sev = make(map[string]model.Severity, len(c.Severity))
		for _, r := range c.refs {
			if r.section != "severity" {
				continue
			}
			id := ids[r.name]
			if _, dup := sev[id]; dup {
				errs = append(errs, fmt.Errorf("%s:%d: severity of rule %s set twice", c.Path, r.line, id))
				continue
			}
			sev[id] = c.Severity[r.name]
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	c.Disable = resolve(c.Disable)
	c.Enable = resolve(c.Enable)
	c.Severity = sev
	for i := range c.Ignore {
		c.Ignore[i].Rules = resolve(c.Ignore[i].Rules)
	}
	for i := range c.refs {
		c.refs[i].name = ids[c.refs[i].name]
	}
	return nil
}

// Ignored reports whether a per-path ignore of c covers the finding: its glob
// matches the finding's home-relative file and it names the finding's rule or
// no rule. Rule IDs compare without regard to case; call ResolveRules first so
// that rule names have become IDs.
func (c *Config) Ignored(f model.Finding) bool {
	if c == nil {
		return false
	}
	for _, ig := range c.Ignore {
		if !matchGlob(ig.Path, f.Pos.File) {
			continue
		}
		if len(ig.Rules) == 0 {
			return true
		}
		for _, r := range ig.Rules {
			if strings.EqualFold(r, f.Rule) {
				return true
			}
		}
	}
	return false
}
