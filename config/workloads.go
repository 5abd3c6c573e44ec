package config

import (
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// Workload maps a workload of the manifests given to lint --manifests to the
// home it runs (workloads: in .wso2lint.yaml):
//
//	workloads:
//	  StatefulSet/wso2am: homes/am-gateway
//	  wso2is: homes/is
type Workload struct {
	// Workload is the workload's name, or KIND/NAME.
	Workload string
	// Home is the home's directory, relative to the configuration file's
	// directory as written, joined with it here.
	Home string
	// Line is the entry's line in the configuration file.
	Line int
}

// workloadMap is the workloads: mapping, checked while it is decoded.
type workloadMap []rawWorkload

type rawWorkload struct {
	workload, home string
	line           int
}

// UnmarshalYAML reads a mapping of workload names to home paths.
func (m *workloadMap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "workloads must be a mapping of workload names to home paths, not %s", kindName(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := scalar(n.Content[i], "a workload name")
		if err != nil {
			return err
		}
		v, err := scalar(n.Content[i+1], "the home of workload "+k)
		if err != nil {
			return err
		}
		if k == "" || v == "" {
			return typeError(n.Content[i], "workloads: an empty workload name or home")
		}
		*m = append(*m, rawWorkload{workload: k, home: v, line: n.Content[i].Line})
	}
	return nil
}

func (m workloadMap) workloads(path string) []Workload {
	var out []Workload
	for _, w := range m {
		home := w.home
		if !filepath.IsAbs(home) {
			home = filepath.Join(filepath.Dir(path), filepath.FromSlash(home))
		}
		out = append(out, Workload{Workload: w.workload, Home: home, Line: w.line})
	}
	return out
}
