package main

import (
	"os"
	"path/filepath"
)

// homesOfFiles maps changed file names (as pre-commit passes them) to the
// product homes that hold them: the nearest directory above each file that holds
// repository/conf or conf. Each home appears once, in order of first appearance.
// Files outside any home are skipped.
func homesOfFiles(files []string) ([]string, error) {
	seen := map[string]bool{}
	var homes []string
	for _, f := range files {
		h, ok := homeOf(f)
		if !ok || seen[h] {
			continue
		}
		seen[h] = true
		homes = append(homes, h)
	}
	return homes, nil
}

// homeOf walks up from file to the directory holding repository/conf or conf
// (or, for a configuration repository, a deployment.toml directly).
func homeOf(file string) (string, bool) {
	dir := filepath.Dir(filepath.Clean(file))
	for {
		if isDir(filepath.Join(dir, "repository", "conf")) || isDir(filepath.Join(dir, "conf")) && !isConfDirItself(dir) {
			// An Enterprise Integrator profile (HOME/wso2/<profile>) belongs to HOME.
			if up := filepath.Dir(dir); filepath.Base(up) == "wso2" && isDir(filepath.Join(filepath.Dir(up), "conf")) {
				return filepath.Dir(up), true
			}
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			// A configuration repository that holds only deployment.toml.
			if filepath.Base(file) == "deployment.toml" {
				return filepath.Dir(filepath.Clean(file)), true
			}
			return "", false
		}
		dir = parent
	}
}

// isConfDirItself reports whether dir is itself named conf inside repository/
// (so repository/conf/conf is not mistaken for a home).
func isConfDirItself(dir string) bool {
	return filepath.Base(dir) == "repository"
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
