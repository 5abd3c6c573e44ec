package discover

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wso2lint/wso2lint/parse"
)

// DefaultMaxDepth is how many folder levels below the searched directory
// Homes looks at when Options.MaxDepth is 0. WSO2's own deployment
// repositories keep their homes at most four levels down
// (docker-compose/apim-with-analytics/conf/apim).
const DefaultMaxDepth = 8

// Options bound a search.
type Options struct {
	// MaxDepth is the deepest folder level looked at below the searched
	// directory (1: its children); 0 means DefaultMaxDepth.
	MaxDepth int
}

// Homes returns the product homes below root, sorted, each as root joined with
// its relative path. A home's own folders are not searched further (an EI
// profile under HOME/wso2 belongs to HOME). Folders that hold templates or
// copies are skipped (see the package doc), and so are node_modules and
// symbolic links to folders, so that a link loop cannot make the search
// endless. root itself is not looked at: the caller decides what a root that
// is a home means. An unreadable folder is an error naming it: it might hide a
// home.
func Homes(root string, opt Options) ([]string, error) {
	depth := opt.MaxDepth
	if depth <= 0 {
		depth = DefaultMaxDepth
	}
	var homes []string
	var walk func(dir string, level int) error
	walk = func(dir string, level int) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("%s: %w", dir, cleanErr(err))
		}
		for _, e := range entries {
			if !e.IsDir() {
				// Not a folder, or a symbolic link (never followed).
				continue
			}
			sub := filepath.Join(dir, e.Name())
			if skipDir(filepath.Base(dir), e.Name()) || isChart(sub) {
				continue
			}
			if parse.KindOf(sub) != parse.NotHome {
				homes = append(homes, sub)
				continue
			}
			if level < depth {
				if err := walk(sub, level+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(root, 1); err != nil {
		return nil, err
	}
	sort.Strings(homes)
	return homes, nil
}

// skipDir reports whether a folder named name inside a folder named parent
// never holds a home: templates, backups, the deployment templates of
// repository/resources, version control and package folders.
func skipDir(parent, name string) bool {
	switch {
	case strings.HasPrefix(name, "."), name == "node_modules", isTemplateName(name):
		return true
	case parent == "repository" && name == "resources":
		return true
	}
	return false
}

// isTemplateName reports whether a folder of this name holds templates or
// copies of configuration rather than a home.
func isTemplateName(name string) bool {
	return name == "templates" || name == "backup" || name == "backups"
}

// isChart reports whether dir is a Helm chart: its values are rendered into
// configuration at deploy time; it is not a home.
func isChart(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, "Chart.yaml"))
	return err == nil && fi.Mode().IsRegular()
}

// HomeOf returns the product home holding file, a path as pre-commit passes it
// (relative to the repository root, or absolute): the nearest folder above the
// file laid out as a full home, widened to the home that holds it (a
// repository/ folder holds conf/deployment.toml and so looks like a home of its
// own; an EI profile under HOME/wso2 belongs to HOME). Failing that, the
// file's own folder when it is a bare configuration repository (deployment.toml
// alone). The walk stays within the path as given: a relative path is not
// followed above the working directory. Folders that hold templates or copies,
// or lie in a Helm chart, are never homes. ok is false when no home holds the
// file.
func HomeOf(file string) (home string, ok bool) {
	var chain []string // the file's folder, then each folder above it
	for d := filepath.Dir(filepath.Clean(file)); ; {
		chain = append(chain, d)
		parent := filepath.Dir(d)
		if parent == d || filepath.Base(d) == ".." {
			break
		}
		d = parent
	}
	// excluded[i]: chain[i] is a template or copy, or lies in a Helm chart.
	excluded := make([]bool, len(chain))
	inChart := false
	for i := len(chain) - 1; i >= 0; i-- {
		inChart = inChart || isChart(chain[i])
		excluded[i] = inChart || templatePath(chain[i])
	}
	full := func(i int) bool { return !excluded[i] && parse.KindOf(chain[i]) == parse.FullHome }
	for i := range chain {
		if !full(i) {
			continue
		}
		for i+1 < len(chain) && full(i+1) {
			i++
		}
		if i+2 < len(chain) && filepath.Base(chain[i+1]) == "wso2" && full(i+2) {
			i += 2
		}
		return chain[i], true
	}
	if !excluded[0] && parse.KindOf(chain[0]) == parse.BareHome {
		return chain[0], true
	}
	return "", false
}

// templatePath reports whether a folder of the path is a template or copy
// folder (templates/, backup/, repository/resources/).
func templatePath(dir string) bool {
	parts := strings.Split(filepath.ToSlash(dir), "/")
	for i, p := range parts {
		if isTemplateName(p) || p == "resources" && i > 0 && parts[i-1] == "repository" {
			return true
		}
	}
	return false
}

// Enclosing returns the product home that holds dir, a folder given inside a
// home (HOME/repository, HOME/repository/conf, HOME/wso2/broker): the nearest
// full home above dir, widened like HomeOf. A relative dir gives a home
// relative to the working directory ("../.." for a dir given as "." two levels
// inside). ok is false when dir is not inside a home.
func Enclosing(dir string) (home string, ok bool) {
	return new(Finder).Enclosing(dir)
}

// Finder answers Enclosing for many folders, looking at each folder above
// them once: the homes of one command line share their parents (a thousand
// homes under /srv/homes/N each had /srv/homes, /srv and / examined again, a
// dozen system calls per folder). The zero Finder is ready to use; it assumes
// the folders do not change while it is used.
type Finder struct {
	full map[string]bool // folder -> laid out as a full home (and not a chart or repository/resources)
}

// Enclosing is the package's Enclosing, remembering what it found out about
// each folder above dir.
func (f *Finder) Enclosing(dir string) (home string, ok bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	var chain []string // the folders above dir, nearest first
	for d := abs; ; {
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		chain = append(chain, parent)
		d = parent
	}
	full := func(i int) bool {
		d := chain[i]
		if v, seen := f.full[d]; seen {
			return v
		}
		v := !isChart(d) && !(filepath.Base(d) == "resources" && filepath.Base(filepath.Dir(d)) == "repository") &&
			parse.KindOf(d) == parse.FullHome
		if f.full == nil {
			f.full = map[string]bool{}
		}
		f.full[d] = v
		return v
	}
	for i := range chain {
		if !full(i) {
			continue
		}
		for i+1 < len(chain) && full(i+1) {
			i++
		}
		if i+2 < len(chain) && filepath.Base(chain[i+1]) == "wso2" && full(i+2) {
			i += 2
		}
		home = chain[i]
		if !filepath.IsAbs(dir) {
			if wd, err := os.Getwd(); err == nil {
				if rel, err := filepath.Rel(wd, home); err == nil {
					home = rel
				}
			}
		}
		return home, true
	}
	return "", false
}

// cleanErr drops the operation and path from an *os.PathError: the caller
// names the folder.
func cleanErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
