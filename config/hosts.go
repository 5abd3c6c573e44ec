package config

import (
	"fmt"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	"gopkg.in/yaml.v3"
)

// Host is one entry of hosts: a machine and the product homes on it. The
// homes of one host share its ports, so collisions (WL101 and the other
// host-scope rules) and firewall plans are worked out per host.
type Host struct {
	// Name names the host in findings, errors and per-host rule files.
	Name string
	// Homes are slash-separated globs of home directories, relative to the
	// directory of the configuration file, in file order (cleaned as ignore
	// paths are: "prod/node-*", "shared/**"). A glob that matches a folder
	// above a home names the home too ("prod/node1").
	Homes []string
	// HostServices lists the services of this host that are not WSO2 servers;
	// the top-level host-services apply to every host as well.
	HostServices []model.HostService
	// Firewall is this host's firewall policy; nil when it sets none. Keys it
	// leaves out come from the top-level firewall.
	Firewall *Firewall
	// Line is the line of the entry in the configuration file.
	Line int

	homeLines []int // the line of each entry of Homes
}

// Firewall is a committed firewall policy (the firewall key, at the top level
// or of a host): what the rules command would otherwise take as flags. Nil
// pointers and a nil Allow mean "not set".
type Firewall struct {
	// Target is the emitter name ("nftables", ...); the CLI checks it.
	Target string
	// TargetLine is the line of target, for errors about its value.
	TargetLine int
	// Mode is "standalone" or "fragment"; empty when not set.
	Mode string
	// Allow maps an exposure class to its sources (outbound: destinations),
	// with network names already replaced by their prefixes, in file order.
	Allow map[model.Exposure][]netip.Prefix
	// SSHPort is the SSH port kept open in standalone mode.
	SSHPort *int
	// NoSSH keeps no SSH port open.
	NoSSH *bool
	// Egress writes output rules for the connections the servers open.
	Egress *bool
}

// Merge returns f with the keys it leaves unset taken from base. Allow is
// merged per class: a class f sets replaces the class of base.
func (f *Firewall) Merge(base *Firewall) *Firewall {
	switch {
	case f == nil && base == nil:
		return nil
	case f == nil:
		return base
	case base == nil:
		return f
	}
	out := *f
	if out.Target == "" {
		out.Target, out.TargetLine = base.Target, base.TargetLine
	}
	if out.Mode == "" {
		out.Mode = base.Mode
	}
	if out.SSHPort == nil {
		out.SSHPort = base.SSHPort
	}
	if out.NoSSH == nil {
		out.NoSSH = base.NoSSH
	}
	if out.Egress == nil {
		out.Egress = base.Egress
	}
	if len(base.Allow) > 0 {
		out.Allow = make(map[model.Exposure][]netip.Prefix, len(base.Allow)+len(f.Allow))
		for c, ps := range base.Allow {
			out.Allow[c] = ps
		}
		for c, ps := range f.Allow {
			out.Allow[c] = ps
		}
	}
	return &out
}

// HostFirewall returns the firewall policy of the named host (its own keys,
// the rest from the top level), or the top-level policy when name is not a
// declared host; nil when neither sets one.
func (c *Config) HostFirewall(name string) *Firewall {
	if c == nil {
		return nil
	}
	for _, h := range c.Hosts {
		if h.Name == name {
			return h.Firewall.Merge(c.Firewall)
		}
	}
	return c.Firewall
}

// HostServicesOf returns the top-level host services followed by those of
// the named host.
func (c *Config) HostServicesOf(name string) []model.HostService {
	if c == nil {
		return nil
	}
	out := append([]model.HostService(nil), c.HostServices...)
	for _, h := range c.Hosts {
		if h.Name == name {
			out = append(out, h.HostServices...)
		}
	}
	return out
}

// HostOf returns the declared host whose homes globs match the home
// directory dir, relative to the directory of the configuration file, or ""
// when none matches (the home is then a host of its own). A home that the
// globs of two hosts match is an error naming the file and both lines.
func (c *Config) HostOf(dir string) (string, error) {
	if c == nil || len(c.Hosts) == 0 {
		return "", nil
	}
	rel, ok := c.relHome(dir)
	if !ok {
		return "", nil
	}
	found, foundLine := "", 0
	for _, h := range c.Hosts {
		for i, g := range h.Homes {
			if !matchHome(g, rel) {
				continue
			}
			if found != "" && found != h.Name {
				return "", fmt.Errorf("%s:%d: home %s is on host %q (line %d) and on host %q: a home can be on one host only",
					c.Path, h.homeLines[i], rel, found, foundLine, h.Name)
			}
			if found == "" {
				found, foundLine = h.Name, h.homeLines[i]
			}
		}
	}
	return found, nil
}

// relHome returns dir relative to the directory of the configuration file,
// slash-separated, and false when dir is not below it.
func (c *Config) relHome(dir string) (string, bool) {
	base, err := filepath.Abs(filepath.Dir(c.Path))
	if err != nil {
		return "", false
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// HostList returns the declared hosts; nil for a nil Config.
func (c *Config) HostList() []Host {
	if c == nil {
		return nil
	}
	return c.Hosts
}

// HostNames returns the names of the declared hosts, in file order.
func (c *Config) HostNames() []string {
	if c == nil {
		return nil
	}
	out := make([]string, len(c.Hosts))
	for i, h := range c.Hosts {
		out[i] = h.Name
	}
	return out
}

// rawHost is one entry of hosts as YAML decodes it.
type rawHost struct {
	Name         *nameValue       `yaml:"name"`
	Homes        []homeGlob       `yaml:"homes"`
	HostServices []rawHostService `yaml:"host-services"`
	Firewall     *rawFirewall     `yaml:"firewall"`
	line         int
}

// UnmarshalYAML implements yaml.Unmarshaler: it decodes the entry strictly
// and records its line.
func (h *rawHost) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "a host must be a mapping with name and homes, not %s", kindName(n))
	}
	errs := unknownKeys(n, "a host", "name", "homes", "host-services", "firewall")
	type plain rawHost
	var p plain
	if err := n.Decode(&p); err != nil {
		errs = append(errs, typeErrors(err)...)
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	*h = rawHost(p)
	h.line = n.Line
	return nil
}

// homeGlob is a glob of home directories relative to the configuration
// file, and its line.
type homeGlob struct {
	glob string
	line int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (g *homeGlob) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a home")
	if err != nil {
		return err
	}
	if strings.HasPrefix(s, "/") {
		return typeError(n, "home %q must be relative to the directory of %s", s, FileName)
	}
	glob, err := cleanGlob(s)
	if err != nil {
		return typeError(n, "home %v", strings.TrimPrefix(err.Error(), "path glob "))
	}
	*g = homeGlob{glob: glob, line: n.Line}
	return nil
}

// nameValue is a non-empty name and its line.
type nameValue struct {
	name string
	line int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (v *nameValue) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "a name")
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return typeError(n, "empty name")
	}
	if strings.ContainsAny(s, `/\`) || s == "." || s == ".." || strings.IndexFunc(s, func(r rune) bool { return r < ' ' }) >= 0 {
		return typeError(n, "name %q must not hold a slash, a control character, or be . or .. (it names a rules file)", s)
	}
	*v = nameValue{name: s, line: n.Line}
	return nil
}

// rawFirewall is a firewall mapping as YAML decodes it; allow entries are
// network names or literal prefixes, resolved against networks later.
type rawFirewall struct {
	Target  *nameValue `yaml:"target"`
	Mode    *modeValue `yaml:"mode"`
	Allow   allowMap   `yaml:"allow"`
	SSHPort *portValue `yaml:"ssh-port"`
	NoSSH   *bool      `yaml:"no-ssh"`
	Egress  *bool      `yaml:"egress"`
}

// UnmarshalYAML implements yaml.Unmarshaler: it decodes the mapping
// strictly (a nested Decode does not check keys).
func (f *rawFirewall) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "firewall must be a mapping, not %s", kindName(n))
	}
	errs := unknownKeys(n, "firewall", "target", "mode", "allow", "ssh-port", "no-ssh", "egress")
	type plain rawFirewall
	var p plain
	if err := n.Decode(&p); err != nil {
		errs = append(errs, typeErrors(err)...)
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	*f = rawFirewall(p)
	return nil
}

// unknownKeys returns an error line for each key of the mapping n that is
// not one of keys; what names the mapping in the message.
func unknownKeys(n *yaml.Node, what string, keys ...string) []string {
	var errs []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(keys, k.Value) {
			errs = append(errs, fmt.Sprintf("line %d: unknown key %q in %s (want %s)", k.Line, k.Value, what, strings.Join(keys, ", ")))
		}
	}
	return errs
}

type modeValue struct{ mode string }

// UnmarshalYAML implements yaml.Unmarshaler.
func (m *modeValue) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "mode")
	if err != nil {
		return err
	}
	switch s = strings.TrimSpace(s); s {
	case "standalone", "fragment":
		m.mode = s
		return nil
	}
	return typeError(n, "mode %q: want standalone or fragment", s)
}

type portValue struct{ port, line int }

// UnmarshalYAML implements yaml.Unmarshaler.
func (p *portValue) UnmarshalYAML(n *yaml.Node) error {
	s, err := scalar(n, "ssh-port")
	if err != nil {
		return err
	}
	v, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" || !model.Port(v).Valid() {
		return typeError(n, "ssh-port %q: want a port from 1 to %d", s, model.MaxPort)
	}
	p.port, p.line = v, n.Line
	return nil
}

// allowRef is one source of an allow list: a network name or a literal
// address or prefix, and its line.
type allowRef struct {
	name string
	line int
}

type allowEntry struct {
	class model.Exposure
	refs  []allowRef
}

// allowMap is the allow mapping of a firewall, in file order.
type allowMap []allowEntry

// UnmarshalYAML implements yaml.Unmarshaler.
func (m *allowMap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "allow must be a mapping of class to networks, not %s", kindName(n))
	}
	var errs []string
	seen := map[model.Exposure]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		class, err := model.ParseExposure(strings.TrimSpace(k.Value))
		if err != nil || class == model.ExposureLocal || class == model.ExposureUnknown {
			errs = append(errs, fmt.Sprintf("line %d: unknown class %q in allow (want public, management, cluster or outbound)", k.Line, k.Value))
			continue
		}
		if seen[class] {
			errs = append(errs, fmt.Sprintf("line %d: allow %s set twice", k.Line, class))
			continue
		}
		seen[class] = true
		items := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			items = v.Content
		}
		e := allowEntry{class: class}
		for _, it := range items {
			s, err := scalar(it, "a network")
			if err != nil {
				errs = append(errs, typeErrors(err)...)
				continue
			}
			if s = strings.TrimSpace(s); s == "" {
				errs = append(errs, fmt.Sprintf("line %d: empty network in allow %s", it.Line, class))
				continue
			}
			e.refs = append(e.refs, allowRef{name: s, line: it.Line})
		}
		*m = append(*m, e)
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}

// network is one entry of networks: a name and its prefixes.
type network struct {
	name     string
	line     int
	prefixes []netip.Prefix
}

// networkMap is the networks mapping, in file order.
type networkMap []network

// UnmarshalYAML implements yaml.Unmarshaler: each network is a list of IPv4
// or IPv6 prefixes or addresses (a bare address is a one-host prefix).
func (m *networkMap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "networks must be a mapping of name to CIDR list, not %s", kindName(n))
	}
	var errs []string
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var name nameValue
		if err := name.UnmarshalYAML(k); err != nil {
			errs = append(errs, typeErrors(err)...)
			continue
		}
		if seen[name.name] {
			errs = append(errs, fmt.Sprintf("line %d: network %q defined twice", k.Line, name.name))
			continue
		}
		seen[name.name] = true
		if _, err := parsePrefix(name.name); err == nil {
			errs = append(errs, fmt.Sprintf("line %d: network name %q is an address; give it a name", k.Line, name.name))
			continue
		}
		items := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			items = v.Content
		}
		nw := network{name: name.name, line: k.Line}
		for _, it := range items {
			s, err := scalar(it, "a CIDR")
			if err != nil {
				errs = append(errs, typeErrors(err)...)
				continue
			}
			p, err := parsePrefix(s)
			if err != nil {
				errs = append(errs, fmt.Sprintf("line %d: network %s: %v", it.Line, name.name, err))
				continue
			}
			nw.prefixes = append(nw.prefixes, p)
		}
		if len(nw.prefixes) == 0 && len(errs) == 0 {
			errs = append(errs, fmt.Sprintf("line %d: network %s has no CIDR", k.Line, name.name))
		}
		*m = append(*m, nw)
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}

// parsePrefix parses a CIDR prefix or a bare address (a one-host prefix),
// IPv4 or IPv6, and returns it masked. An IPv6 zone is refused: firewall
// rules cannot match it.
func parsePrefix(s string) (netip.Prefix, error) {
	s = strings.TrimSpace(s)
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not an address or CIDR prefix", s)
	}
	if a.Zone() != "" {
		return netip.Prefix{}, fmt.Errorf("%q has an IPv6 zone, which firewall rules cannot match", s)
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

// firewall resolves the network names of raw against nets and returns the
// policy, or error lines ("FILE:LINE: ...") for unknown names.
func (raw *rawFirewall) firewall(path string, nets networkMap) (*Firewall, []error) {
	if raw == nil {
		return nil, nil
	}
	f := &Firewall{NoSSH: raw.NoSSH, Egress: raw.Egress}
	if raw.Target != nil {
		f.Target, f.TargetLine = raw.Target.name, raw.Target.line
	}
	if raw.Mode != nil {
		f.Mode = raw.Mode.mode
	}
	if raw.SSHPort != nil {
		p := raw.SSHPort.port
		f.SSHPort = &p
	}
	var errs []error
	if f.SSHPort != nil && f.NoSSH != nil && *f.NoSSH {
		errs = append(errs, fmt.Errorf("%s:%d: no-ssh and ssh-port contradict each other: give one", path, raw.SSHPort.line))
	}
	for _, e := range raw.Allow {
		if f.Allow == nil {
			f.Allow = map[model.Exposure][]netip.Prefix{}
		}
		list := []netip.Prefix{}
		for _, r := range e.refs {
			if p, err := parsePrefix(r.name); err == nil {
				list = append(list, p)
				continue
			}
			nw, ok := nets.lookup(r.name)
			if !ok {
				errs = append(errs, fmt.Errorf("%s:%d: unknown network %q in allow %s%s", path, r.line, r.name, e.class, nets.known()))
				continue
			}
			list = append(list, nw.prefixes...)
		}
		f.Allow[e.class] = list
	}
	return f, errs
}

func (m networkMap) lookup(name string) (network, bool) {
	for _, n := range m {
		if n.name == name {
			return n, true
		}
	}
	return network{}, false
}

// known is " (networks: a, b)" or " (no networks defined)".
func (m networkMap) known() string {
	if len(m) == 0 {
		return " (no networks are defined)"
	}
	names := make([]string, len(m))
	for i, n := range m {
		names[i] = n.name
	}
	return " (networks: " + strings.Join(names, ", ") + ")"
}

// hosts checks the host entries and resolves their firewalls.
func (raw *rawConfig) hosts(path string) ([]Host, []error) {
	var out []Host
	var errs []error
	seen := map[string]int{}
	for i, rh := range raw.Hosts {
		if rh.Name == nil {
			errs = append(errs, fmt.Errorf("%s:%d: host %d has no name", path, rh.line, i+1))
			continue
		}
		if l, dup := seen[rh.Name.name]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: host %q is declared twice (first on line %d)", path, rh.Name.line, rh.Name.name, l))
			continue
		}
		seen[rh.Name.name] = rh.Name.line
		h := Host{Name: rh.Name.name, Line: rh.line}
		if len(rh.Homes) == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: host %q has no homes", path, rh.line, h.Name))
		}
		for _, g := range rh.Homes {
			h.Homes = append(h.Homes, g.glob)
			h.homeLines = append(h.homeLines, g.line)
		}
		for _, s := range rh.HostServices {
			s.svc.Origin = path
			h.HostServices = append(h.HostServices, s.svc)
		}
		fw, ferrs := rh.Firewall.firewall(path, raw.Networks)
		errs = append(errs, ferrs...)
		h.Firewall = fw
		out = append(out, h)
	}
	return out, errs
}

// maxBelowGlob is how far below a folder that a homes glob names the
// search for its homes goes ("prod/node1" holding prod/node1/wso2am-4.2.0).
const maxBelowGlob = 3

// matchHome reports whether the homes glob matches the home rel
// (slash-separated, relative to the config's folder) or a folder above it:
// "prod/node1" names every home under prod/node1.
func matchHome(glob, rel string) bool {
	for p := rel; p != "." && p != ""; p = path.Dir(p) {
		if matchGlob(glob, p) {
			return true
		}
	}
	return false
}

// maxHomeDepth bounds the search below the configuration file's folder for
// homes globs with "**".
const maxHomeDepth = 12

// HostHomes returns the product homes below the configuration file's folder
// that the homes globs of the named host match, as paths joined to that
// folder, in lexical order; isHome tells a product home from another folder.
// The search does not descend into a home (its inside holds no other home),
// into hidden folders, or below the depth the globs can reach; symbolic links
// are not followed. A host whose globs match no home gives none.
func (c *Config) HostHomes(name string, isHome func(dir string) bool) ([]string, error) {
	if c == nil {
		return nil, nil
	}
	var globs []string
	for _, h := range c.Hosts {
		if h.Name == name {
			globs = h.Homes
		}
	}
	depth := 0
	for _, g := range globs {
		n := strings.Count(g, "/") + 1 + maxBelowGlob
		if strings.Contains(g, "**") {
			n = maxHomeDepth
		}
		depth = max(depth, n)
	}
	base := filepath.Dir(c.Path)
	var out []string
	var walk func(dir, rel string, level int) error
	walk = func(dir, rel string, level int) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("%s: homes of host %q: %w", c.Path, name, err)
		}
		for _, e := range entries {
			if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			r := path.Join(rel, e.Name())
			p := filepath.Join(dir, e.Name())
			if isHome(p) {
				if slices.ContainsFunc(globs, func(g string) bool { return matchHome(g, r) }) {
					out = append(out, p)
				}
				continue
			}
			if level+1 < depth {
				if err := walk(p, r, level+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if depth == 0 {
		return nil, nil
	}
	if err := walk(base, "", 0); err != nil {
		return nil, err
	}
	return out, nil
}
