package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/manifest"
)

// isManifestExample reports whether an example file is a manifest, written
// next to the home rather than in it.
func isManifestExample(name string) bool {
	return strings.HasPrefix(name, "k8s/") || strings.HasPrefix(name, "compose/")
}

// exampleManifests reads the manifest files of an example and matches them
// to its home, as lint --manifests does; nil when there are none.
func exampleManifests(h *model.Home, files []string) (*model.Manifests, error) {
	if len(files) == 0 {
		return nil, nil
	}
	m, err := manifest.Read(files)
	if err != nil {
		return nil, err
	}
	manifest.Match(m, []*model.Home{h}, nil, func(h *model.Home, rel string) ([]byte, error) {
		return os.ReadFile(filepath.Join(h.Dir, filepath.FromSlash(rel)))
	})
	return m, nil
}

// withManifests parses the manifests (file name -> YAML) and matches their
// workloads to homes, as lint --manifests does; the options carry them.
func withManifests(t *testing.T, homes []*model.Home, files map[string]string) Options {
	t.Helper()
	m := &model.Manifests{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := manifest.Parse(m, n, []byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	manifest.Match(m, homes, nil, nil)
	return Options{Manifests: m}
}

// amServer is an API Manager server with a public, a cluster, a management
// and a local listener and the offset off.
func amServer(off int) model.Server {
	local := in("carbon-local", 9000, off, toml, 9)
	local.Exposure = model.ExposureLocal
	pub := func(l model.Listener) model.Listener { l.Exposure = model.ExposurePublic; return l }
	cl := func(l model.Listener) model.Listener { l.Exposure = model.ExposureCluster; return l }
	mg := func(l model.Listener) model.Listener { l.Exposure = model.ExposureManagement; return l }
	return srv(off, []model.Listener{
		pub(in("servlet-https", 9443, off, toml, 2)),
		pub(in("passthru-https", 8243, off, toml, 3)),
		cl(in("databridge-binary", 9611, off, toml, 4)),
		cl(in("amqp", 5672, off, toml, 5)),
		mg(in("jmx-rmi-registry", 9999, off, toml, 6)),
		local,
	})
}

// amDeployment runs home "a" (annotation) with the given container ports
// and readiness probe command.
func amDeployment(probe string, ports ...int) string {
	s := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: am
  annotations:
    wso2lint.io/home: a
spec:
  template:
    metadata:
      labels:
        app: am
    spec:
      containers:
        - name: wso2am
`
	if probe != "" {
		s += "          readinessProbe:\n            exec:\n              command: [\"/bin/sh\", \"-c\", \"" + probe + "\"]\n"
	}
	if len(ports) > 0 {
		s += "          ports:\n"
		for _, p := range ports {
			s += "            - containerPort: " + strconv.Itoa(p) + "\n"
		}
	}
	return s
}

// amService is a Service selecting app: am with the ports.
func amService(ports ...int) string {
	s := "apiVersion: v1\nkind: Service\nmetadata:\n  name: am\nspec:\n  selector:\n    app: am\n  ports:\n"
	for _, p := range ports {
		s += "    - port: " + strconv.Itoa(p) + "\n"
	}
	return s
}
