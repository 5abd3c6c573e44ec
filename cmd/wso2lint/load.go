package main

import (
	"context"
	"runtime"
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
	// homes are read and resolved, in command-line order; none when --files
	// named no file of a product home.
	homes []*model.Home
	// set says which host each home is on (homes[i] was read from
	// set.dirs[i]).
	set homeSet
}

// load is the load step of lint, ports and rules: PATH arguments (or the
// homes of --files), the project config, the home flags with the config's
// offset, the command's own checks, then the homes, read and resolved.
func load(c *cli.Context, spec loadSpec) (*loaded, error) {
	var set homeSet
	var err error
	switch {
	case spec.files && c.NArg() > 0:
		if set = changedHomes(c.Args().Slice(), c.App.ErrWriter); len(set.dirs) == 0 {
			return &loaded{}, nil // no changed file belongs to a product home
		}
	case spec.oneHost:
		if set.dirs, err = oneHostPaths(c); err != nil {
			return nil, err
		}
		set.host = make([]int, len(set.dirs))
	default:
		if set, err = homePaths(c); err != nil {
			return nil, err
		}
	}
	dirs := set.dirs
	cfg, err := projectConfig(c, dirs[0], spec.rules)
	if err != nil {
		return nil, err
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
	homes, err := loadHomes(c.Context, dirs, popt)
	if err != nil {
		return nil, err
	}
	return &loaded{cfg: cfg, homes: homes, set: set}, nil
}

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
		r, ok := lint.Lookup(s)
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
