package packaging

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// gitlabJob is the part of a GitLab CI job the template sets.
type gitlabJob struct {
	Image struct {
		Name       string
		Entrypoint []string
	}
	Variables map[string]string
	Script    []string
	Artifacts struct {
		When  string
		Paths []string
	}
}

// TestGitLabTemplate runs the script lines of the .wso2lint job of
// ci/gitlab/wso2lint.gitlab-ci.yml as the GitLab runner does (each line in
// sh with the job's variables, stopping at the first failure), with the
// Dockerfile's binary on PATH as in the image, on fixture homes.
func TestGitLabTemplate(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "ci", "gitlab", "wso2lint.gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var tmpl map[string]gitlabJob
	if err := yaml.Unmarshal(data, &tmpl); err != nil {
		t.Fatal(err)
	}
	job, ok := tmpl[".wso2lint"]
	if !ok {
		t.Fatal("no hidden job .wso2lint to extend")
	}
	if !strings.HasPrefix(job.Image.Name, "ghcr.io/wso2lint/wso2lint:") || len(job.Image.Entrypoint) != 1 || job.Image.Entrypoint[0] != "" {
		t.Errorf("image %+v: want the wso2lint image with its entrypoint reset", job.Image)
	}
	if job.Artifacts.When != "always" {
		t.Errorf("artifacts.when = %q: the reports are wanted when the job fails", job.Artifacts.When)
	}
	testenv.SkipShort(t, "builds wso2lint with the Dockerfile's go build command")
	bin := staticBinary(t)

	tests := []struct {
		name string
		vars map[string]string
		code int
	}{
		{"clean home with fail-on warning", map[string]string{"WSO2LINT_PATH": "clean"}, 0},
		{"findings fail", map[string]string{"WSO2LINT_PATH": "findings clean"}, 1},
		{"findings with fail-on none", map[string]string{"WSO2LINT_PATH": "findings", "WSO2LINT_FAIL_ON": "none", "WSO2LINT_ARGS": "--disable WL105"}, 0},
		{"missing path", map[string]string{"WSO2LINT_PATH": "missing"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := t.TempDir()
			copyHome(t, "example/wso2am-2.6.0", ws, "findings")
			copyHome(t, "clean/wso2am-2.6.0", ws, "clean")
			env := withPath(os.Environ(), bin)
			for k, v := range job.Variables {
				if o, ok := tc.vars[k]; ok {
					v = o
				}
				env = append(env, k+"="+v)
			}
			code, log := 0, ""
			for _, line := range job.Script {
				cmd := exec.Command("sh", "-c", line)
				cmd.Dir, cmd.Env = ws, env
				var out string
				code, out = exitCode(t, cmd)
				log += "$ " + line + "\n" + out
				if code != 0 {
					break
				}
			}
			t.Log(log)
			if code != tc.code {
				t.Fatalf("job exit %d, want %d", code, tc.code)
			}
			if tc.code == 2 {
				return
			}
			for _, p := range job.Artifacts.Paths {
				if fi, err := os.Stat(filepath.Join(ws, p)); err != nil || fi.Size() == 0 {
					t.Errorf("artifact %s: %v", p, err)
				}
			}
		})
	}
}
