package packaging

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// action is the part of action.yml the runner reads.
type action struct {
	Name   string
	Inputs map[string]struct {
		Description string
		Default     string
		Required    bool
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	Name  string
	ID    string
	If    string
	Shell string
	Run   string
	Uses  string
	Env   map[string]string
	With  map[string]string
}

// actionRun is the state of one run of the action's steps.
type actionRun struct {
	inputs  map[string]string
	outputs map[string]map[string]string // step ID → output → value
	failed  bool
}

var expr = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// value evaluates an operand of an expression: inputs.NAME,
// steps.ID.outputs.NAME, github.action_path or a 'string'. Anything else
// fails the test: the action stays within what this harness runs.
func (r *actionRun) value(t *testing.T, root, e string) string {
	t.Helper()
	switch f := strings.Split(e, "."); {
	case len(f) == 2 && f[0] == "inputs":
		return r.inputs[f[1]]
	case len(f) == 4 && f[0] == "steps" && f[2] == "outputs":
		return r.outputs[f[1]][f[3]]
	case e == "github.action_path":
		return root
	case len(e) >= 2 && e[0] == '\'' && e[len(e)-1] == '\'':
		return e[1 : len(e)-1]
	}
	t.Fatalf("action.yml: expression %q is outside what the test harness evaluates", e)
	return ""
}

// expand replaces every ${{ ... }} in s.
func (r *actionRun) expand(t *testing.T, root, s string) string {
	t.Helper()
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		return r.value(t, root, expr.FindStringSubmatch(m)[1])
	})
}

// cond evaluates an if: made of terms joined by &&: always(), success(),
// failure(), A == B, A != B.
func (r *actionRun) cond(t *testing.T, root, s string) bool {
	t.Helper()
	s = strings.TrimSpace(s)
	if m := expr.FindStringSubmatch(s); m != nil && m[0] == s {
		s = m[1]
	}
	always := false
	ok := true
	for _, term := range strings.Split(s, "&&") {
		term = strings.TrimSpace(term)
		switch {
		case term == "always()":
			always = true
		case term == "success()":
			ok = ok && !r.failed
		case term == "failure()":
			ok = ok && r.failed
		case strings.Contains(term, "!="):
			a, b, _ := strings.Cut(term, "!=")
			ok = ok && r.value(t, root, strings.TrimSpace(a)) != r.value(t, root, strings.TrimSpace(b))
		case strings.Contains(term, "=="):
			a, b, _ := strings.Cut(term, "==")
			ok = ok && r.value(t, root, strings.TrimSpace(a)) == r.value(t, root, strings.TrimSpace(b))
		default:
			t.Fatalf("action.yml: condition %q is outside what the test harness evaluates", term)
		}
	}
	if !always && r.failed {
		return false // the runner's implicit success()
	}
	return ok
}

// readKeyValues reads a $GITHUB_OUTPUT file (NAME=VALUE lines).
func readKeyValues(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

// actionResult is what a run of the action left.
type actionResult struct {
	ok      bool                         // every step that ran succeeded
	outputs map[string]string            // the action's outputs
	uses    map[string]map[string]string // uses: steps that would run → their with:
	log     string
}

// runAction runs the steps of action.yml as the runner does for a
// composite action: run: steps in bash (-eo pipefail) with their env: after
// expression substitution, GITHUB_OUTPUT per step, GITHUB_PATH added to
// PATH for the next steps, if: conditions (a failed step skips the rest
// unless always()). uses: steps are recorded with their with: values, not
// run. inputs overrides the defaults; env adds to the environment.
func runAction(t *testing.T, workspace string, inputs map[string]string, env []string) actionResult {
	t.Helper()
	root := testenv.RepoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	r := &actionRun{inputs: map[string]string{}, outputs: map[string]map[string]string{}}
	for name, in := range a.Inputs {
		r.inputs[name] = in.Default
	}
	for name, v := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
		r.inputs[name] = v
	}
	tmp := t.TempDir()
	pathFile := filepath.Join(tmp, "path")
	res := actionResult{uses: map[string]map[string]string{}}
	var log strings.Builder
	baseEnv := append(os.Environ(), env...)
	for i, st := range a.Runs.Steps {
		if st.If != "" && !r.cond(t, root, st.If) || st.If == "" && r.failed {
			fmt.Fprintf(&log, "--- step %q skipped\n", st.Name)
			continue
		}
		if st.Uses != "" {
			with := map[string]string{}
			for k, v := range st.With {
				with[k] = r.expand(t, root, v)
			}
			res.uses[st.Uses] = with
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("step %q: shell %q; the harness runs bash steps", st.Name, st.Shell)
		}
		outFile := filepath.Join(tmp, fmt.Sprintf("output-%d", i))
		stepEnv := append([]string{}, baseEnv...)
		for k, v := range st.Env {
			stepEnv = append(stepEnv, k+"="+r.expand(t, root, v))
		}
		stepEnv = append(stepEnv, "GITHUB_ACTION_PATH="+root, "GITHUB_WORKSPACE="+workspace,
			"GITHUB_OUTPUT="+outFile, "GITHUB_PATH="+pathFile, "RUNNER_TEMP="+tmp, "RUNNER_OS=Linux", "RUNNER_ARCH=X64")
		for _, dir := range strings.Fields(readFile(t, pathFile)) {
			stepEnv = withPath(stepEnv, dir)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", r.expand(t, root, st.Run))
		cmd.Dir, cmd.Env = workspace, stepEnv
		code, out := exitCode(t, cmd)
		fmt.Fprintf(&log, "--- step %q: exit %d\n%s", st.Name, code, out)
		if st.ID != "" {
			r.outputs[st.ID] = readKeyValues(t, outFile)
		}
		if code != 0 {
			r.failed = true
		}
	}
	res.ok = !r.failed
	res.outputs = map[string]string{}
	for name, o := range a.Outputs {
		res.outputs[name] = r.expand(t, root, o.Value)
	}
	res.log = log.String()
	return res
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(data)
}

// TestActionDefinition checks action.yml's interface: a composite action with
// the inputs path, format, fail-on, version, args, sarif-upload and
// sarif-file, and the outputs exit-code and sarif-file.
func TestActionDefinition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, in := range []string{"path", "format", "fail-on", "version", "args", "sarif-upload", "sarif-file"} {
		if a.Inputs[in].Description == "" {
			t.Errorf("input %q missing or without description", in)
		}
	}
	for _, out := range []string{"exit-code", "sarif-file"} {
		if a.Outputs[out].Value == "" {
			t.Errorf("output %q missing", out)
		}
	}
	var upload bool
	for _, st := range a.Runs.Steps {
		if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@") {
			upload = true
		}
	}
	if !upload {
		t.Error("no github/codeql-action/upload-sarif step")
	}
}

// releaseServer builds the release archive of this platform with
// scripts/release.sh and lays it out as GitHub serves release assets
// (BASE/download/TAG/ASSET); it returns the file:// BASE.
func releaseServer(t *testing.T, tag string) string {
	t.Helper()
	testenv.NeedCommands(t, "apt-get install -y curl tar gzip zip", "curl", "tar", "gzip", "zip", "sha256sum")
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skipf("the harness plays a linux X64 runner; this is %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	base := t.TempDir()
	dist := filepath.Join(base, "download", tag)
	cmd := exec.Command("scripts/release.sh", dist)
	cmd.Dir = testenv.RepoRoot(t)
	cmd.Env = append(os.Environ(), "VERSION="+tag, "RELEASE_TARGETS=linux/amd64", "SOURCE_DATE_EPOCH=1700000000")
	if code, out := exitCode(t, cmd); code != 0 {
		t.Fatalf("release.sh: exit %d\n%s", code, out)
	}
	return "file://" + base
}

// TestActionSteps runs the action's steps on fixture homes with the release
// archive of this platform: installation (download, checksum, PATH), the
// exit status per fail-on, the SARIF file and its upload step.
func TestActionSteps(t *testing.T) {
	testenv.SkipShort(t, "builds a release archive and runs the action's steps")
	const tag = "v0.0.0-action"
	env := []string{"WSO2LINT_DOWNLOAD_URL=" + releaseServer(t, tag)}
	ws := t.TempDir()
	copyHome(t, "example/wso2am-2.6.0", ws, "findings")
	copyHome(t, "clean/wso2am-2.6.0", ws, "clean")

	tests := []struct {
		name     string
		inputs   map[string]string
		ok       bool
		exitCode string
		sarif    bool
		inLog    string
	}{
		{"clean home passes", map[string]string{"path": "clean"}, true, "0", false, "wso2lint version " + tag},
		{"findings fail on warning", map[string]string{"path": "findings", "format": "text"}, false, "1", false, "WL3"},
		{"fail-on none passes", map[string]string{"path": "findings", "fail-on": "none"}, true, "0", false, "::"},
		{"sarif written and uploaded", map[string]string{"path": "findings clean", "sarif-upload": "true", "sarif-file": "out/w.sarif", "args": "--disable WL105"}, false, "1", true, ""},
		{"sarif upload on a clean home", map[string]string{"path": "clean", "sarif-upload": "true"}, true, "0", true, ""},
		{"input error exits 2", map[string]string{"path": "missing"}, false, "2", false, "missing"},
		{"bad fail-on exits 2", map[string]string{"path": "clean", "fail-on": "fatal"}, false, "2", false, "fatal"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.inputs["version"] = tag
			if tc.sarif {
				if err := os.MkdirAll(filepath.Join(ws, "out"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			res := runAction(t, ws, tc.inputs, env)
			t.Log(res.log)
			if res.ok != tc.ok || res.outputs["exit-code"] != tc.exitCode {
				t.Errorf("ok %v, exit-code %q; want %v, %q", res.ok, res.outputs["exit-code"], tc.ok, tc.exitCode)
			}
			if !strings.Contains(res.log, tc.inLog) {
				t.Errorf("log does not contain %q", tc.inLog)
			}
			with, uploaded := res.uses["github/codeql-action/upload-sarif@v3"]
			if uploaded != tc.sarif {
				t.Fatalf("upload-sarif step ran: %v, want %v", uploaded, tc.sarif)
			}
			if !tc.sarif {
				if res.outputs["sarif-file"] != "" {
					t.Errorf("sarif-file output %q without sarif-upload", res.outputs["sarif-file"])
				}
				return
			}
			name := with["sarif_file"]
			if name == "" || name != res.outputs["sarif-file"] {
				t.Fatalf("upload-sarif sarif_file %q, output sarif-file %q", name, res.outputs["sarif-file"])
			}
			data, err := os.ReadFile(filepath.Join(ws, name))
			if err != nil {
				t.Fatalf("SARIF file: %v", err)
			}
			var log struct {
				Version string
				Runs    []struct {
					Results []json.RawMessage
				}
			}
			if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Fatalf("not a SARIF 2.1.0 log (%v):\n%.300s", err, data)
			}
			if tc.exitCode == "1" && len(log.Runs[0].Results) == 0 {
				t.Errorf("no SARIF results, but the findings failed the run")
			}
		})
	}
}

// TestActionInstallChecksum checks that the install step refuses an archive
// whose checksum does not match SHA256SUMS.
func TestActionInstallChecksum(t *testing.T) {
	testenv.SkipShort(t, "builds a release archive and runs the action's steps")
	const tag = "v0.0.0-action"
	base := releaseServer(t, tag)
	sums := filepath.Join(strings.TrimPrefix(base, "file://"), "download", tag, "SHA256SUMS")
	data, err := os.ReadFile(sums)
	if err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`^[0-9a-f]{8}`).ReplaceAll(data, []byte("00000000"))
	if err := os.WriteFile(sums, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	ws := t.TempDir()
	copyHome(t, "clean/wso2am-2.6.0", ws, "clean")
	res := runAction(t, ws, map[string]string{"path": "clean", "version": tag}, []string{"WSO2LINT_DOWNLOAD_URL=" + base})
	if res.ok || !strings.Contains(res.log, "checksum") || strings.Contains(res.log, "Run wso2lint\": exit") {
		t.Errorf("a bad checksum: want the install step to fail and nothing to run\n%s", res.log)
	}
}
