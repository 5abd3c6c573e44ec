package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/internal/discover"
	"github.com/wso2lint/wso2lint/parse"
)

// homeSet is the product homes of one command, in the order they are read,
// and the host each belongs to. The homes of one host are contiguous and hosts
// are numbered from 0 in order.
type homeSet struct {
	dirs []string
	host []int
}

// hosts returns the number of hosts.
func (s *homeSet) hosts() int {
	if len(s.host) == 0 {
		return 0
	}
	return s.host[len(s.host)-1] + 1
}

// add appends dir to host, unless the same folder is already in the set (the
// same directory given twice is one server, not two on the host).
func (s *homeSet) add(dir string, host int, seen map[string]bool) {
	key := filepath.Clean(dir)
	if abs, err := filepath.Abs(dir); err == nil {
		key = abs
	}
	if seen[key] {
		return
	}
	seen[key] = true
	s.dirs = append(s.dirs, dir)
	s.host = append(s.host, host)
}

// maxListed is how many paths a note names before "and N more".
const maxListed = 5

// listPaths joins paths for a note, naming at most maxListed.
func listPaths(ps []string) string {
	if len(ps) <= maxListed {
		return strings.Join(ps, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ps[:maxListed], ", "), len(ps)-maxListed)
}

// resolveHomes turns PATH arguments into the homes to read. A product home
// stays as given; a folder inside a home (HOME/repository) becomes that home,
// with a note; any other folder is a configuration repository, searched for
// the homes below it, with a note. Homes named on the command line are one
// host (port collisions across them count); each home found by a search is a
// host of its own, since a repository keeps environments and hosts side by
// side (dev/, prod/, node1/). Explicit homes come first, in command-line order,
// then the homes found, in argument order and sorted under each argument.
// Anything else (a missing path, a file) is left for parse.Home to report.
func resolveHomes(args []string, notes io.Writer) (homeSet, error) {
	var set homeSet
	seen := map[string]bool{}
	var found [][]string
	var finder discover.Finder
	for _, p := range args {
		kind := parse.KindOf(p)
		if h, ok := finder.Enclosing(p); ok {
			fmt.Fprintf(notes, "wso2lint: note: %s is inside the product home %s: reading %s\n", p, h, h)
			set.add(h, 0, seen)
			continue
		}
		if kind != parse.NotHome || !isDir(p) {
			set.add(p, 0, seen)
			continue
		}
		homes, err := discover.Homes(p, discover.Options{})
		if err != nil {
			return set, &exitError{code: exitInput, msg: err.Error()}
		}
		if len(homes) == 0 {
			return set, &exitError{code: exitInput, msg: fmt.Sprintf("%s: not a WSO2 product home (no repository/conf, conf or deployment.toml), and no product home found under it", p)}
		}
		fmt.Fprintf(notes, "wso2lint: note: %s is not a product home: found %d under it, each a host of its own: %s\n", p, len(homes), listPaths(homes))
		found = append(found, homes)
	}
	host := set.hosts()
	for _, homes := range found {
		for _, h := range homes {
			n := len(set.dirs)
			set.add(h, host, seen)
			if len(set.dirs) > n {
				host++
			}
		}
	}
	return set, nil
}

// changedHomes maps changed files (--files, as pre-commit passes them) to the
// homes that hold them, each home once, in order of first appearance. Each
// home is a host of its own, as for homes found in a repository. Files that no
// home holds (templates, Helm charts, READMEs) are named in one note.
func changedHomes(files []string, notes io.Writer) homeSet {
	var set homeSet
	seen := map[string]bool{}
	var orphans []string
	for _, f := range files {
		h, ok := discover.HomeOf(f)
		if !ok {
			orphans = append(orphans, f)
			continue
		}
		set.add(h, set.hosts(), seen)
	}
	if len(orphans) > 0 {
		fmt.Fprintf(notes, "wso2lint: note: %d changed file(s) belong to no product home and are not linted: %s\n", len(orphans), listPaths(orphans))
	}
	return set
}

// homePaths returns the homes of the PATH arguments (resolveHomes), with
// its notes written to notes, or a usage error when there are none.
func homePaths(c *cli.Context, notes io.Writer) (homeSet, error) {
	if c.NArg() == 0 {
		return homeSet{}, usageErr("no PATH given: name at least one product home (see --help)")
	}
	return resolveHomes(c.Args().Slice(), notes)
}

// oneHost refuses a set of several hosts for rules, which writes the
// firewall of one host: homes found in a repository are separate hosts.
func oneHost(set homeSet) error {
	if set.hosts() > 1 {
		return usageErr("the PATHs hold %d separate hosts (%s): rules writes the firewall of one host; name its homes", set.hosts(), listPaths(set.dirs))
	}
	return nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
