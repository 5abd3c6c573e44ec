package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
	"gopkg.in/yaml.v3"
)

// FileName is the name of the project configuration file.
const FileName = ".wso2lint.yaml"

// FailNever is the FailOn value of "fail-on: none": no finding makes the run
// fail. It equals model.SeverityInvalid, so that f.Severity.AtLeast(FailNever)
// is false for every finding and callers need no special case.
const FailNever = model.SeverityInvalid

// Config is the content of a .wso2lint.yaml file.
type Config struct {
	// Path is the file the configuration was read from.
	Path string
	// Disable and Enable list rule IDs or names, in file order (IDs only after
	// ResolveRules).
	Disable, Enable []string
	// Severity overrides the severity of rules, keyed by rule ID or name (by ID
	// after ResolveRules). Nil when the file sets none.
	Severity map[string]model.Severity
	// FailOn is the least severity that makes the run fail; nil when not set,
	// FailNever for "none".
	FailOn *model.Severity
	// Offset is a port offset applied as if given with --offset; nil when not set.
	Offset *int
	// Ignore lists per-path suppressions, in file order.
	Ignore []PathIgnore
	// HostServices lists the services of the host that are not WSO2 servers
	// (host-services), in file order; their Origin is Path.
	HostServices []model.HostService
	// Hosts lists the declared hosts (hosts), in file order; empty when the
	// file declares none.
	Hosts []Host
	// Firewall is the top-level firewall policy; nil when not set.
	Firewall *Firewall
	// Workloads map workloads of lint --manifests to homes (workloads:), in
	// file order.
	Workloads []Workload

	// refs records where each rule reference was written, for ResolveRules.
	refs []ruleRef
}

// PathIgnore suppresses findings in files that match a glob.
type PathIgnore struct {
	// Path is a slash-separated glob on the home-relative file: path.Match
	// syntax within a segment, and "**" as a whole segment for any number of
	// directories ("**/carbon.xml", "repository/conf/**").
	Path string
	// Rules lists the rule IDs or names suppressed; empty means every rule.
	Rules []string
	// Reason says why the findings are accepted.
	Reason string
	// Line is the line of the entry's path in the configuration file.
	Line int
}

// ParseFailOn parses a fail-on level: "error", "warning" or "info" (any case),
// or "none", which gives FailNever.
func ParseFailOn(s string) (model.Severity, error) {
	if strings.EqualFold(s, "none") {
		return FailNever, nil
	}
	sev, err := model.ParseSeverity(s)
	if err != nil {
		return FailNever, fmt.Errorf("unknown fail-on level %q (want error, warning, info or none)", s)
	}
	return sev, nil
}

// Load reads and checks the configuration file at path. An empty file is an
// empty configuration. Malformed YAML, an unknown key, a bad severity, offset
// or glob gives an error naming the file and line ("FILE:LINE: message"),
// one line per problem.
func Load(path string) (*Config, error) {
	data, err := regfile.ReadFile(path, 0)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, data)
}

// Parse checks the content of a configuration file read from path, as Load
// does; path only names the file in errors and positions.
func Parse(path string, data []byte) (*Config, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var raw rawConfig
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(path, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, yamlError(path, err)
		}
		return nil, fmt.Errorf("%s:%d: more than one yaml document; want one", path, extra.Line)
	}
	return raw.config(path)
}

func (raw *rawConfig) config(path string) (*Config, error) {
	c := &Config{Path: path}
	for _, r := range raw.Disable {
		c.Disable = append(c.Disable, r.name)
		c.refs = append(c.refs, ruleRef{r.name, r.line, "disable"})
	}
	for _, r := range raw.Enable {
		c.Enable = append(c.Enable, r.name)
		c.refs = append(c.refs, ruleRef{r.name, r.line, "enable"})
	}
	if len(raw.Severity) > 0 {
		c.Severity = make(map[string]model.Severity, len(raw.Severity))
		for _, e := range raw.Severity {
			c.Severity[e.rule.name] = e.sev
			c.refs = append(c.refs, ruleRef{e.rule.name, e.rule.line, "severity"})
		}
	}
	if raw.FailOn != nil {
		s := raw.FailOn.sev
		c.FailOn = &s
	}
	if raw.Offset != nil {
		o := raw.Offset.value
		c.Offset = &o
	}
	for _, h := range raw.HostServices {
		h.svc.Origin = path
		c.HostServices = append(c.HostServices, h.svc)
	}
	c.Workloads = raw.Workloads.workloads(path)
	hosts, errs := raw.hosts(path)
	c.Hosts = hosts
	fw, ferrs := raw.Firewall.firewall(path, raw.Networks)
	c.Firewall = fw
	errs = append(errs, ferrs...)
	for i, ig := range raw.Ignore {
		if ig.Path == nil {
			errs = append(errs, fmt.Errorf("%s: ignore entry %d has no path", path, i+1))
			continue
		}
		pi := PathIgnore{Path: ig.Path.glob, Reason: ig.Reason, Line: ig.Path.line}
		for _, r := range ig.Rules {
			pi.Rules = append(pi.Rules, r.name)
			c.refs = append(c.refs, ruleRef{r.name, r.line, "ignore"})
		}
		c.Ignore = append(c.Ignore, pi)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}
