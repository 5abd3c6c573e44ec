package manifest

import (
	"bytes"
	"path"
	"path/filepath"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// HomeKey is the annotation (or label) that names the home a workload runs:
// the home's directory as given on the command line, or its last element.
const HomeKey = "wso2lint.io/home"

// Mapping says that a workload runs a home (manifests: in .wso2lint.yaml).
type Mapping struct {
	// Workload is the workload's name, or KIND/NAME ("StatefulSet/wso2am").
	Workload string
	// Home is the home's directory.
	Home string
}

// ReadFunc reads a home-relative file of a home; Match compares it with the
// data of a mounted ConfigMap.
type ReadFunc func(h *model.Home, rel string) ([]byte, error)

// Match sets the Home and HomeBy of every workload of m that runs one of
// homes, trying in order: a mapping, the wso2lint.io/home annotation, the
// wso2lint.io/home label, a mounted ConfigMap whose files have the content
// of the home's files, and (compose) a bind mount of the home's directory.
// read may be nil; then ConfigMaps match nothing.
func Match(m *model.Manifests, homes []*model.Home, maps []Mapping, read ReadFunc) {
	for i := range m.Workloads {
		w := &m.Workloads[i]
		w.Home, w.HomeBy = "", ""
		if h, by := match(m, w, homes, maps, read); h != nil {
			w.Home, w.HomeBy = h.Dir, by
		}
	}
}

func match(m *model.Manifests, w *model.Workload, homes []*model.Home, maps []Mapping, read ReadFunc) (*model.Home, string) {
	for _, mp := range maps {
		if mp.Workload == w.Name || mp.Workload == w.Kind+"/"+w.Name {
			if h := homeNamed(homes, mp.Home); h != nil {
				return h, "mapping " + mp.Workload
			}
		}
	}
	if v, ok := model.Lookup(w.Annotations, HomeKey); ok {
		if h := homeNamed(homes, v); h != nil {
			return h, "annotation " + HomeKey
		}
	}
	if v, ok := model.Lookup(w.Labels, HomeKey); ok {
		if h := homeNamed(homes, v); h != nil {
			return h, "label " + HomeKey
		}
	}
	if read != nil {
		if h, by := byConfigMap(m, w, homes, read); h != nil {
			return h, by
		}
	}
	dir := path.Dir(w.Pos.File)
	for _, b := range w.Binds {
		if b.Source == "" || strings.HasPrefix(b.Source, "~") {
			continue
		}
		src := b.Source
		if !filepath.IsAbs(filepath.FromSlash(src)) {
			src = path.Join(dir, src)
		}
		for _, h := range homes {
			if within(abs(filepath.FromSlash(src)), abs(h.Dir)) {
				return h, "bind mount " + b.Source
			}
		}
	}
	return nil, ""
}

// homeNamed finds the home a name refers to: the same directory, or a
// home whose last path element is the name.
func homeNamed(homes []*model.Home, name string) *model.Home {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	for _, h := range homes {
		if abs(h.Dir) == abs(name) {
			return h
		}
	}
	if !strings.ContainsAny(name, `/\`) {
		for _, h := range homes {
			if filepath.Base(abs(h.Dir)) == name {
				return h
			}
		}
	}
	return nil
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

// byConfigMap matches a workload to the home with the most files whose
// content a mounted ConfigMap holds, at the same path under the mount.
func byConfigMap(m *model.Manifests, w *model.Workload, homes []*model.Home, read ReadFunc) (*model.Home, string) {
	var best *model.Home
	bestN, by := 0, ""
	for _, h := range homes {
		n, first := 0, ""
		for _, cm := range w.ConfigMaps {
			data := configMap(m, cm.ConfigMap, w.Namespace)
			for _, kv := range data {
				if cm.SubPath != "" && cm.SubPath != kv.Key {
					continue
				}
				inPod := strings.TrimRight(cm.MountPath, "/") + "/" + kv.Key
				if cm.SubPath != "" {
					inPod = cm.MountPath
				}
				for _, f := range h.Files {
					if path.Base(f) != path.Base(inPod) || !strings.HasSuffix(inPod, "/"+f) {
						continue
					}
					content, err := read(h, f)
					if err == nil && bytes.Equal(bytes.TrimSpace(content), bytes.TrimSpace([]byte(kv.Value))) {
						n++
						if first == "" {
							first = "ConfigMap " + cm.ConfigMap + " (" + f + ")"
						}
					}
				}
			}
		}
		if n > bestN {
			best, bestN, by = h, n, first
		}
	}
	return best, by
}

func configMap(m *model.Manifests, name, ns string) []model.KV {
	for _, cm := range m.ConfigMaps {
		if cm.Name == name && (cm.Namespace == "" || ns == "" || cm.Namespace == ns) {
			return cm.Data
		}
	}
	return nil
}
