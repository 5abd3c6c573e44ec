package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	"gopkg.in/yaml.v3"
)

// rawConfig is the file as YAML decodes it. Its value types check themselves
// and report problems as *yaml.TypeError, so that yaml.v3 collects every
// problem with its line instead of stopping at the first.
type rawConfig struct {
	Disable  []ruleName   `yaml:"disable"`
	Enable   []ruleName   `yaml:"enable"`
	Severity severityMap  `yaml:"severity"`
	FailOn   *failOnValue `yaml:"fail-on"`
	Offset   *offsetValue `yaml:"offset"`
	Ignore   []rawIgnore  `yaml:"ignore"`
	// HostServices lists the other services of the host.
	HostServices []rawHostService `yaml:"host-services"`
	// Hosts groups homes into hosts; Networks names CIDR lists that Firewall
	// (and the firewall of each host) allow.
	Hosts    []rawHost    `yaml:"hosts"`
	Networks networkMap   `yaml:"networks"`
	Firewall *rawFirewall `yaml:"firewall"`
	// Workloads maps manifest workloads to homes (lint --manifests).
	Workloads workloadMap `yaml:"workloads"`
}

type rawIgnore struct {
	Path   *globValue `yaml:"path"`
	Rules  []ruleName `yaml:"rules"`
	Reason string     `yaml:"reason"`
}

// ruleRef is a rule reference and where it was written.
type ruleRef struct {
	name    string
	line    int
	section string // "disable", "enable", "severity" or "ignore"
}

func typeError(n *yaml.Node, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: ", n.Line) + fmt.Sprintf(format, args...)}}
}

// scalar returns the string value of a scalar node, or an error naming what
// the node is instead.
func scalar(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", typeError(n, "%s must be a string, not %s", what, kindName(n))
	}
	return n.Value, nil
}

// typeErrors returns the messages of a *yaml.TypeError, or err's message.
func typeErrors(err error) []string {
	if te, ok := err.(*yaml.TypeError); ok {
		return te.Errors
	}
	return []string{err.Error()}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// ruleName is a rule ID or name.
type ruleName struct {
	name string
	line int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (r *ruleName) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a rule")
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return typeError(n, "empty rule name")
	}
	*r = ruleName{name: s, line: n.Line}
	return nil
}

type severityEntry struct {
	rule ruleName
	sev  model.Severity
}

// severityMap is the severity mapping, in file order.
type severityMap []severityEntry

// UnmarshalYAML implements yaml.Unmarshaler.
func (m *severityMap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "severity must be a mapping of rule to severity, not %s", kindName(n))
	}
	var errs []string
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var r ruleName
		if err := r.UnmarshalYAML(k); err != nil {
			errs = append(errs, typeErrors(err)...)
			continue
		}
		if seen[r.name] {
			errs = append(errs, fmt.Sprintf("line %d: severity of %q set twice", k.Line, r.name))
			continue
		}
		seen[r.name] = true
		s, err := scalar(v, "a severity")
		if err != nil {
			errs = append(errs, typeErrors(err)...)
			continue
		}
		sev, err := model.ParseSeverity(s)
		if err != nil {
			errs = append(errs, fmt.Sprintf("line %d: %v", v.Line, err))
			continue
		}
		*m = append(*m, severityEntry{rule: r, sev: sev})
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}

type failOnValue struct{ sev model.Severity }

// UnmarshalYAML implements yaml.Unmarshaler.
func (f *failOnValue) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "fail-on")
	if err != nil {
		return err
	}
	sev, err := ParseFailOn(s)
	if err != nil {
		return typeError(n, "%v", err)
	}
	f.sev = sev
	return nil
}

type offsetValue struct{ value int }

// UnmarshalYAML implements yaml.Unmarshaler.
func (o *offsetValue) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "offset")
	if err != nil {
		return err
	}
	v, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" {
		return typeError(n, "offset %q is not a whole number", s)
	}
	if !model.ValidOffset(v) {
		return typeError(n, "offset %d is out of range (want 0 to %d)", v, model.MaxOffset)
	}
	o.value = v
	return nil
}

type globValue struct {
	glob string
	line int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (g *globValue) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "path")
	if err != nil {
		return err
	}
	glob, err := cleanGlob(s)
	if err != nil {
		return typeError(n, "%v", err)
	}
	*g = globValue{glob: glob, line: n.Line}
	return nil
}
