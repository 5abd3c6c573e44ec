package manifest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
)

// dump writes m as text, one line per object, port and probe, for goldens.
func dump(m *model.Manifests) string {
	var b strings.Builder
	kv := func(kvs []model.KV) string {
		var s []string
		for _, x := range kvs {
			s = append(s, x.Key+"="+x.Value)
		}
		return "{" + strings.Join(s, ",") + "}"
	}
	for _, s := range m.Services {
		fmt.Fprintf(&b, "%s: Service %s/%s type=%s headless=%v selector=%s\n", s.Pos, s.Namespace, s.Name, s.Type, s.Headless, kv(s.Selector))
		for _, p := range s.Ports {
			fmt.Fprintf(&b, "  %s: port %q %d/%s -> %d %q (%s) node=%d\n", p.Pos, p.Name, p.Port, p.Proto, p.TargetPort, p.TargetName, p.TargetPos, p.NodePort)
		}
	}
	for _, c := range m.ConfigMaps {
		fmt.Fprintf(&b, "%s: ConfigMap %s/%s data=%q\n", c.Pos, c.Namespace, c.Name, c.Data)
	}
	for _, w := range m.Workloads {
		fmt.Fprintf(&b, "%s: %s %s/%s labels=%s annotations=%s pod=%s home=%q by %q\n", w.Pos, w.Kind, w.Namespace, w.Name, kv(w.Labels), kv(w.Annotations), kv(w.PodLabels), w.Home, w.HomeBy)
		for _, cm := range w.ConfigMaps {
			fmt.Fprintf(&b, "  mounts ConfigMap %s at %s subPath %q\n", cm.ConfigMap, cm.MountPath, cm.SubPath)
		}
		for _, bm := range w.Binds {
			fmt.Fprintf(&b, "  binds %s at %s\n", bm.Source, bm.Target)
		}
		for _, c := range w.Containers {
			fmt.Fprintf(&b, "  %s: container %s\n", c.Pos, c.Name)
			for _, p := range c.Ports {
				fmt.Fprintf(&b, "    %s: port %q %d/%s host=%s:%d expose=%v\n", p.Pos, p.Name, p.Port, p.Proto, p.HostIP, p.HostPort, p.Expose)
			}
			for _, p := range c.Probes {
				fmt.Fprintf(&b, "    %s: %s probe %d %q\n", p.Pos, p.Kind, p.Port, p.PortName)
			}
		}
	}
	return b.String()
}

func TestReadGolden(t *testing.T) {
	for _, name := range []string{"helm-rendered.yaml", "compose.yaml"} {
		t.Run(name, func(t *testing.T) {
			m, err := Read([]string{filepath.Join("testdata", name)})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", strings.TrimSuffix(name, ".yaml")+".golden"), []byte(dump(m)))
		})
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pod := func(name string) string {
		return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n  containers: [{name: c}]\n"
	}
	write("b/second.yml", pod("b"))
	write("a.yaml", pod("a"))
	write("notes.txt", "not: yaml: [")
	write(".git/x.yaml", "{{ broken")
	write("values.json", `{"replicaCount": 1}`)
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	m, err := Read([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range m.Workloads {
		got = append(got, strings.TrimPrefix(w.Pos.File, filepath.ToSlash(dir)+"/")+" "+w.Name)
	}
	if want := "a.yaml a,b/second.yml b"; strings.Join(got, ",") != want {
		t.Errorf("workloads %q, want %q", got, want)
	}
}

func TestHostile(t *testing.T) {
	dir := t.TempDir()
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 9; i++ {
		n := fmt.Sprintf("l%d", i)
		laughs += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = n
	}
	cases := []struct {
		name, content, want string
	}{
		{"malformed.yaml", "kind: Service\nspec:\n  ports: [\n", "malformed.yaml:3: malformed YAML: did not find expected node content"},
		{"helm.yaml", "{{- if .Values.gateway.enabled }}\napiVersion: v1\nkind: Service\n{{- end }}\n", "an unrendered Helm template? give the output of helm template"},
		{"binary.yaml", "kind: \x00\x01", "binary.yaml: binary data (a NUL byte), not YAML"},
		{"deep.yaml", strings.Repeat("[", 200) + strings.Repeat("]", 200), "deep.yaml:1: YAML nested deeper than 100 levels"},
		{"laughs.yaml", laughs, "laughs.yaml:1: YAML document of more than 1048576 nodes with its aliases expanded"},
		{"tabs.yaml", "kind: Service\n\tspec: x\n", "tabs.yaml:2: malformed YAML: found a tab character"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Read([]string{p})
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("Read = %v, want one line naming the file with %q", err, tc.want)
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		p := filepath.Join(dir, "big.yaml")
		if err := os.WriteFile(p, make([]byte, MaxFileSize+1), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read([]string{p}); err == nil || !strings.Contains(err.Error(), "big.yaml") || !strings.Contains(err.Error(), "too large") {
			t.Errorf("Read = %v, want a too-large error naming the file", err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		if _, err := Read([]string{filepath.Join(dir, "nope.yaml")}); err == nil || !strings.Contains(err.Error(), "nope.yaml: no such file") {
			t.Errorf("Read = %v", err)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"helm-rendered.yaml", "compose.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("services:\n  a:\n    ports: [\"1-65535:1-65535/udp\", \"[::1]::80\", \"a:b:c:d\"]\n"))
	f.Add([]byte("apiVersion: v1\nkind: List\nitems: [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m1, m2 := &model.Manifests{}, &model.Manifests{}
		err1 := Parse(m1, "f.yaml", data)
		err2 := Parse(m2, "f.yaml", data)
		if (err1 == nil) != (err2 == nil) || dump(m1) != dump(m2) {
			t.Fatal("Parse is not deterministic")
		}
		if err1 != nil && (strings.Contains(err1.Error(), "\n") || !strings.HasPrefix(err1.Error(), "f.yaml")) {
			t.Fatalf("error %q: want one line starting with the file name", err1)
		}
		for _, w := range m1.Workloads {
			for _, c := range w.Containers {
				for _, p := range c.Ports {
					if !p.Port.Valid() || p.HostPort != 0 && !p.HostPort.Valid() || p.Pos.Line < 1 {
						t.Fatalf("bad port %+v", p)
					}
				}
			}
		}
	})
}
