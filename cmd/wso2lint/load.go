package main

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/config"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/parse"
)

// loadSpec says what a command needs from the load step, which lint, ports
// and rules share: PATH arguments, project config, home options, homes read
// and resolved.
type loadSpec struct {
	// rules, when set, checks the rule IDs and names of the project config
	// against lint.Lookup: lint uses the whole config; ports and rules take
	// only its offset, so that all three see one host.
	rules []*lint.Rule
	// files treats the PATHs as changed files (lint --files) and reads the
	// homes holding them.
	files bool
	// oneHost refuses PATHs that hold several hosts (homes found apart in a
	// repository): rules writes the firewall of one host.
	oneHost bool
	// check runs the command's own option checks after the config is read
	// and before any home is, so that a usage error never waits for parsing.
	check func(cfg *config.Config) error
}

// loaded is what the load step gives a command.
type loaded struct {
	// cfg is the project config; nil when there is none or --no-config.
	cfg *config.Config
	// homes are read and resolved, host by host (see hosts), each host's
	// homes in command-line order; none when --files named no file of a
	// product home. Without hosts: in the config, in command-line order.
	homes []*model.Home
	// set says which host each home is on (homes[i] was read from
	// set.dirs[i]).
	set homeSet
	// hosts are the hosts of the homes, in order of their first home on the
	// command line: one unnamed host of every home unless the config
	// declares hosts:. Each host's homes index homes.
	hosts []hostGroup
}

// load is the load step of lint, ports and rules: PATH arguments (or the
// homes of --files), the project config, the home flags with the config's
// offset, the command's own checks, then the homes, read and resolved.
func load(c *cli.Context, spec loadSpec) (*loaded, error) {
	applyGCSettings(c.Context)
	var set homeSet
	var err error
	var notes strings.Builder
	switch {
	case spec.files && c.NArg() > 0:
		if set = changedHomes(c.Args().Slice(), c.App.ErrWriter); len(set.dirs) == 0 {
			return &loaded{}, nil // no changed file belongs to a product home
		}
	default:
		// The notes of a repository search wait for the config: with hosts:
		// its homes are not each a host of their own.
		if set, err = homePaths(c, &notes); err != nil {
			io.WriteString(c.App.ErrWriter, notes.String())
			return nil, err
		}
	}
	cfg, err := projectConfig(c, set.dirs[0], spec.rules)
	note := notes.String()
	if cfg != nil && len(cfg.Hosts) > 0 {
		note = strings.ReplaceAll(note, ", each a host of its own: ", ", grouped by the hosts of "+cfg.Path+": ")
	}
	io.WriteString(c.App.ErrWriter, note)
	if err != nil {
		return nil, err
	}
	declared := cfg != nil && len(cfg.Hosts) > 0
	if spec.oneHost && !declared {
		// Without hosts:, homes found apart in a repository are separate
		// hosts and rules writes one host's firewall.
		if err := oneHost(set); err != nil {
			return nil, err
		}
		set.host = make([]int, len(set.dirs))
	}
	var cfgOffset *int
	if cfg != nil {
		cfgOffset = cfg.Offset
	}
	popt, err := parseOptions(c, cfgOffset)
	if err != nil {
		return nil, err
	}
	if spec.check != nil {
		if err := spec.check(cfg); err != nil {
			return nil, err
		}
	}
	if spec.files && declared {
		if set, err = withHostHomes(cfg, set); err != nil {
			return nil, err
		}
	}
	dirs := set.dirs
	hosts, err := groupHosts(cfg, dirs, set.host)
	if err != nil {
		return nil, err
	}
	if hasFlag(c, "host") {
		if hosts, err = selectHost(c, hosts); err != nil {
			return nil, err
		}
	}
	// Read the homes host by host, so that each host's homes are contiguous.
	var order []string
	for i, h := range hosts {
		idx := make([]int, len(h.homes))
		for j, d := range h.homes {
			idx[j] = len(order)
			order = append(order, dirs[d])
		}
		hosts[i].homes = idx
	}
	homes, err := loadHomes(c.Context, order, popt)
	if err != nil {
		return nil, err
	}
	// set follows the order the homes were read in.
	read := homeSet{dirs: order, host: make([]int, len(order))}
	for i, h := range hosts {
		for _, j := range h.homes {
			read.host[j] = i
		}
	}
	return &loaded{cfg: cfg, homes: homes, set: read, hosts: hosts}, nil
}

// hasFlag reports whether the command defines the flag name.
func hasFlag(c *cli.Context, name string) bool {
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// withHostHomes adds to the homes of changed files (--files) the other homes
// of each declared host they are on, so that a change is checked against
// the whole host; the added homes follow, in host order, each numbered as a
// host of its own (the declared hosts regroup them).
func withHostHomes(cfg *config.Config, set homeSet) (homeSet, error) {
	seen := map[string]bool{}
	for _, d := range set.dirs {
		seen[absPath(d)] = true
	}
	out := homeSet{dirs: slices.Clone(set.dirs), host: slices.Clone(set.host)}
	done := map[string]bool{}
	for _, d := range set.dirs {
		name, err := cfg.HostOf(d)
		if err != nil {
			return set, &exitError{code: exitInput, msg: err.Error()}
		}
		if name == "" || done[name] {
			continue
		}
		done[name] = true
		more, err := cfg.HostHomes(name, isProductHome)
		if err != nil {
			return set, &exitError{code: exitInput, msg: err.Error()}
		}
		for _, m := range more {
			if !seen[absPath(m)] {
				seen[absPath(m)] = true
				out.dirs = append(out.dirs, m)
				out.host = append(out.host, out.hosts())
			}
		}
	}
	return out, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// isProductHome reports whether dir is a product home, as PATHs are told
// from configuration repositories.
func isProductHome(dir string) bool { return parse.KindOf(dir) != parse.NotHome }

// projectConfig reads --config, or the .wso2lint.yaml found from the first
// home; nil when there is none or --no-config is given. With rules set, the
// rule IDs and names it gives are checked.
func projectConfig(c *cli.Context, start string, rules []*lint.Rule) (*config.Config, error) {
	if c.Bool("no-config") {
		return nil, nil
	}
	name := c.String("config")
	if name == "" {
		var err error
		if name, err = config.Find(start); err != nil {
			return nil, &exitError{code: exitInput, msg: err.Error()}
		}
		if name == "" {
			return nil, nil
		}
	}
	cfg, err := config.Load(name)
	if err != nil {
		return nil, &exitError{code: exitInput, msg: err.Error()}
	}
	if rules == nil {
		return cfg, nil
	}
	lookup := func(s string) (string, bool) {
		r, ok := lint.LookupIn(rules, s)
		if !ok {
			return "", false
		}
		return r.ID, true
	}
	if err := cfg.ResolveRules(lookup); err != nil {
		return nil, &exitError{code: exitInput, msg: err.Error()}
	}
	return cfg, nil
}

// loadHomes reads and resolves the homes concurrently, at most one per CPU, and
// returns them in command-line order. The first error in command-line order wins,
// so the message does not depend on scheduling.
func loadHomes(ctx context.Context, dirs []string, opt parse.Options) ([]*model.Home, error) {
	return loadHomesWith(ctx, dirs, opt, 0)
}

// loadHomesWith is loadHomes with at most workers homes read at once; 0 means
// one per CPU (GOMAXPROCS). Tests use it to compare schedules. Once ctx is
// done (a signal), no further home is started and ctx's error is returned.
func loadHomesWith(ctx context.Context, dirs []string, opt parse.Options, workers int) ([]*model.Home, error) {
	applyGCSettings(ctx)
	if opt.Shared == nil && len(dirs) > 1 {
		opt.Shared = parse.NewShared() // the homes share the files they have in common
	}
	homes := make([]*model.Home, len(dirs))
	errs := make([]error, len(dirs))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(dirs) {
		workers = len(dirs)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := ctx.Err(); err != nil {
					errs[i] = err
					continue
				}
				h, err := parse.Home(dirs[i], opt)
				if err == nil {
					catalog.Resolve(h)
				}
				homes[i], errs[i] = h, err
			}
		}()
	}
	for i := range dirs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return homes, nil
}
