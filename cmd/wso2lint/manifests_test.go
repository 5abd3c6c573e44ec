package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// deploymentsFromPatch turns the strategic-merge patches of rules --target
// kubernetes --mode fragment into complete Deployments, as kubectl patch
// would make them of a Deployment with one container.
func deploymentsFromPatch(t *testing.T, patch string) string {
	t.Helper()
	var out []string
	for i, doc := range strings.Split(patch, "\n---\n")[1:] {
		var p map[string]any
		if err := yaml.Unmarshal([]byte(doc), &p); err != nil {
			t.Fatal(err)
		}
		spec := p["spec"].(map[string]any)
		tmpl := spec["template"].(map[string]any)
		labels := tmpl["metadata"].(map[string]any)["labels"]
		d := map[string]any{
			"apiVersion": "apps/v1",
			"kind":       "Deployment",
			"metadata":   map[string]any{"name": "node-" + string(rune('a'+i)), "annotations": p["metadata"].(map[string]any)["annotations"]},
			"spec":       map[string]any{"selector": map[string]any{"matchLabels": labels}, "template": tmpl},
		}
		b, err := yaml.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return strings.Join(out, "---\n")
}

var manifestFinding = regexp.MustCompile(`(?m)^.*\[WL50[0-9]\]$`)

// lintManifests runs lint --manifests on the files and returns the WL5xx
// findings and stderr.
func lintManifests(t *testing.T, home string, files ...string) (findings []string, stderr string) {
	t.Helper()
	args := []string{"lint", "--no-config", "--fail-on", "none"}
	for _, f := range files {
		args = append(args, "--manifests", f)
	}
	out := runCLI(append(args, home))
	if !strings.HasPrefix(out, "exit: 0\n") {
		t.Fatalf("lint: %s", out)
	}
	_, errText, _ := strings.Cut(out, "--- stderr\n")
	return manifestFinding.FindAllString(out, -1), errText
}

// TestManifestsRoundTrip feeds what rules --target kubernetes and compose
// write back to lint --manifests: nothing is reported, every workload
// matches its home, and dropping one port makes it report (issue 17: the
// emitted manifests check clean).
func TestManifestsRoundTrip(t *testing.T) {
	root := repoRoot(t)
	t.Chdir(root)
	homes := []string{"testdata/example/wso2am-2.6.0"}
	if testenv.HaveCorpus(t) {
		for _, h := range []string{"wso2am-4.2.0", "wso2am-4.5.0", "wso2is-7.0.0", "wso2mi-4.2.0", "wso2ei-6.4.0", "wso2is-5.7.0"} {
			homes = append(homes, filepath.Join("..", "shared", "corpus", h))
		}
	}
	for _, home := range homes {
		t.Run(filepath.Base(home), func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, content string) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
			stdout := func(args ...string) string {
				out := runCLI(args)
				if !strings.HasPrefix(out, "exit: 0\n--- stdout\n") {
					t.Fatalf("wso2lint %s: %s", strings.Join(args, " "), out)
				}
				body, _, _ := strings.Cut(strings.TrimPrefix(out, "exit: 0\n--- stdout\n"), "--- stderr\n")
				return body
			}
			svc := stdout("rules", "--no-config", "--target", "kubernetes", "--allow", "management=10.0.0.0/24", home)
			patch := stdout("rules", "--no-config", "--target", "kubernetes", "--mode", "fragment", home)
			deploy := write("deploy.yaml", deploymentsFromPatch(t, patch))
			svcFile := write("service.yaml", svc)
			got, notes := lintManifests(t, home, svcFile, deploy)
			if len(got) > 0 || strings.Contains(notes, "runs none of the homes") {
				t.Errorf("emitted Kubernetes manifests: findings %q, notes %q; want none", got, notes)
			}
			// Drop the first port of the (first) Service: a finding.
			i := strings.Index(svc, "    - name: ")
			j := strings.Index(svc[i+1:], "    - name: ")
			got, _ = lintManifests(t, home, write("short.yaml", svc[:i]+svc[i+1+j:]), deploy)
			if len(got) == 0 {
				t.Errorf("a Service without its first port: no finding")
			}

			comp := stdout("rules", "--no-config", "--target", "compose", home)
			got, notes = lintManifests(t, home, write("compose.yaml", comp))
			if len(got) > 0 || strings.Contains(notes, "runs none of the homes") {
				t.Errorf("emitted compose file: findings %q, notes %q; want none", got, notes)
			}
			lines := strings.Split(comp, "\n")
			for k, l := range lines {
				if strings.HasPrefix(strings.TrimSpace(l), "- \"") {
					lines = append(lines[:k:k], lines[k+1:]...)
					break
				}
			}
			got, _ = lintManifests(t, home, write("compose-short.yaml", strings.Join(lines, "\n")))
			if len(got) == 0 {
				t.Errorf("a compose file without its first port: no finding")
			}
		})
	}
}
