package config

import (
	"fmt"
	"path"
	"strings"
)

// cleanGlob checks a path glob and returns it without a leading "./" and with
// runs of "**" segments collapsed to one. The glob must be relative to the
// home, without empty, "." or ".." segments, and each segment must be valid
// path.Match syntax.
func cleanGlob(g string) (string, error) {
	if strings.TrimSpace(g) == "" {
		return "", fmt.Errorf("empty path glob")
	}
	if strings.Contains(g, `\`) {
		return "", fmt.Errorf("path glob %q: use forward slashes (a backslash would escape the next character)", g)
	}
	if strings.HasPrefix(g, "/") {
		return "", fmt.Errorf("path glob %q must be relative to the home", g)
	}
	for strings.HasPrefix(g, "./") {
		g = g[2:]
	}
	var out []string
	for _, seg := range strings.Split(g, "/") {
		switch seg {
		case "", ".", "..":
			return "", fmt.Errorf("path glob %q has an empty, \".\" or \"..\" segment", g)
		case "**":
			if len(out) > 0 && out[len(out)-1] == "**" {
				continue
			}
		default:
			if _, err := path.Match(seg, ""); err != nil {
				return "", fmt.Errorf("path glob %q: bad pattern %q: %w", g, seg, err)
			}
		}
		out = append(out, seg)
	}
	return strings.Join(out, "/"), nil
}

// matchGlob reports whether the slash-separated file matches the glob. A
// segment "**" matches any number of directories, none included.
func matchGlob(glob, file string) bool {
	return matchSegments(strings.Split(glob, "/"), strings.Split(file, "/"))
}

func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegments(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], name[0]); err != nil || !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
