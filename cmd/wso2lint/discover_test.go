package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// cliResult is one in-process run of the command line.
type cliResult struct {
	code           int
	stdout, stderr string
}

func runArgs(args ...string) cliResult {
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"wso2lint"}, args...), &stdout, &stderr, noEnv)
	return cliResult{code, stdout.String(), stderr.String()}
}

// configRepo builds a configuration repository in a temporary folder from
// real API Manager 4.2.0 homes: dev/ and prod/ copies of one home (so every
// port of one collides with the other, were they one host), a deployment
// template under repository/resources, and a templates/ folder of Jinja
// templates. It returns the repository, the working directory of the test.
func configRepo(t *testing.T) string {
	t.Helper()
	corpus := testenv.Corpus(t)
	repo := t.TempDir()
	for _, env := range []string{"dev", "prod"} {
		testenv.CopyTree(t, filepath.Join(corpus, "wso2am-4.2.0"), filepath.Join(repo, env, "wso2am-4.2.0"))
	}
	for name, data := range map[string]string{
		"dev/wso2am-4.2.0/repository/resources/conf/deployment-templates/x.toml": "[server]\noffset = 3\n",
		"templates/foo.j2": "[server]\noffset = {{ offset }}\n",
		"templates/wso2am/repository/conf/deployment.toml": "[server]\noffset = \"broken\n",
		"README.md":       "# configuration\n",
		"notes/README.md": "# notes\n",
	} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(repo)
	return repo
}

// jsonRules returns the rule IDs of lint --format json output, sorted as printed.
func jsonRules(t *testing.T, out string) (rules []string, files map[string]bool) {
	t.Helper()
	var doc struct {
		Findings []struct {
			Rule string `json:"rule"`
			Home string `json:"home"`
			File string `json:"file"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("lint --format json: %v\n%s", err, out)
	}
	files = map[string]bool{}
	for _, f := range doc.Findings {
		rules = append(rules, f.Rule)
		files[f.Home+"/"+f.File] = true
	}
	return rules, files
}

// TestDiscoverRepository: a PATH that is a repository is searched; each home
// is found once and linted as a host of its own (no dev/prod collision);
// templates and repository/resources are never homes.
func TestDiscoverRepository(t *testing.T) {
	configRepo(t)
	single := runArgs("lint", "--format", "json", "--no-config", "dev/wso2am-4.2.0")
	if single.code == exitInput {
		t.Fatalf("one home: exit 2\n%s", single.stderr)
	}
	got := runArgs("lint", "--format", "json", "--no-config", ".")
	if got.code != single.code {
		t.Fatalf("repository: exit %d, want %d as for one home\nstderr: %s", got.code, single.code, got.stderr)
	}
	wantNote := "wso2lint: note: . is not a product home: found 2 under it, each a host of its own: dev/wso2am-4.2.0, prod/wso2am-4.2.0\n"
	if diff := cmp.Diff(wantNote, got.stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	rules, files := jsonRules(t, got.stdout)
	oneRules, _ := jsonRules(t, single.stdout)
	if diff := cmp.Diff(append(append([]string{}, oneRules...), oneRules...), rules); diff != "" {
		t.Errorf("repository findings are not those of dev then prod (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bool{
		"dev/wso2am-4.2.0/repository/conf/deployment.toml":  true,
		"prod/wso2am-4.2.0/repository/conf/deployment.toml": true,
	}, files); diff != "" {
		t.Errorf("files with findings (-want +got):\n%s", diff)
	}

	// The same two homes named on the command line are one host: they collide.
	both := runArgs("lint", "--format", "json", "--no-config", "dev/wso2am-4.2.0", "prod/wso2am-4.2.0")
	if rules, _ := jsonRules(t, both.stdout); !contains(rules, "WL101") || both.code != exitFindings {
		t.Errorf("homes named together: exit %d, rules %v; want exit 1 with WL101", both.code, rules)
	}

	// rules writes one host's firewall: two hosts are refused.
	fw := runArgs("rules", "--target", "nftables", "--no-config", ".")
	if fw.code != exitInput || !strings.Contains(fw.stderr, "2 separate hosts") || fw.stdout != "" {
		t.Errorf("rules on a repository of two hosts: exit %d, stdout %q, stderr %q; want exit 2 naming the hosts", fw.code, fw.stdout, fw.stderr)
	}
	// ports lists both.
	ports := runArgs("ports", "--no-config", "prod", "dev")
	if ports.code != exitOK || !strings.Contains(ports.stdout, "dev/wso2am-4.2.0") || !strings.Contains(ports.stdout, "prod/wso2am-4.2.0") ||
		strings.Index(ports.stdout, "prod/") > strings.Index(ports.stdout, "dev/") {
		t.Errorf("ports prod dev: exit %d, want both homes in argument order\n%s%s", ports.code, ports.stdout, ports.stderr)
	}
	// A folder with no home under it is an input error naming it.
	none := runArgs("lint", "--no-config", "notes")
	if want := "wso2lint: notes: not a WSO2 product home (no repository/conf, conf or deployment.toml), and no product home found under it\n"; none.code != exitInput || none.stderr != want {
		t.Errorf("lint notes: exit %d, stderr %q; want 2, %q", none.code, none.stderr, want)
	}
}

// TestPathInsideHome: HOME/repository is read as HOME, with a note, and gives
// the same output as HOME.
func TestPathInsideHome(t *testing.T) {
	configRepo(t)
	want := runArgs("lint", "--no-config", "dev/wso2am-4.2.0")
	for _, p := range []string{"dev/wso2am-4.2.0/repository", "dev/wso2am-4.2.0/repository/conf", "dev/wso2am-4.2.0/repository/resources/conf/deployment-templates"} {
		got := runArgs("lint", "--no-config", p)
		note := "wso2lint: note: " + p + " is inside the product home dev/wso2am-4.2.0: reading dev/wso2am-4.2.0\n"
		if got.code != want.code || got.stdout != want.stdout || got.stderr != note {
			t.Errorf("lint %s: exit %d, stderr %q; want exit %d, note %q and the output of the home\n%s", p, got.code, got.stderr, want.code, note, cmp.Diff(want.stdout, got.stdout))
		}
	}
}

// TestFilesTemplates: --files (pre-commit) maps a changed deployment template
// to its home and ignores templates that belong to no home, with one note.
func TestFilesTemplates(t *testing.T) {
	configRepo(t)
	want := runArgs("lint", "--no-config", "dev/wso2am-4.2.0")
	got := runArgs("lint", "--no-config", "--files",
		"dev/wso2am-4.2.0/repository/resources/conf/deployment-templates/x.toml",
		"templates/foo.j2", "templates/wso2am/repository/conf/deployment.toml", "README.md")
	note := "wso2lint: note: 3 changed file(s) belong to no product home and are not linted: templates/foo.j2, templates/wso2am/repository/conf/deployment.toml, README.md\n"
	if got.code != want.code || got.stdout != want.stdout || got.stderr != note {
		t.Errorf("lint --files: exit %d, stderr %q; want exit %d, note %q and the output of the home\n%s", got.code, got.stderr, want.code, note, cmp.Diff(want.stdout, got.stdout))
	}
	only := runArgs("lint", "--no-config", "--files", "templates/foo.j2")
	if only.code != exitOK || only.stdout != "" || !strings.Contains(only.stderr, "1 changed file(s) belong to no product home") {
		t.Errorf("lint --files templates/foo.j2: exit %d, stdout %q, stderr %q; want 0, nothing, a note", only.code, only.stdout, only.stderr)
	}
	// Changed files of dev/ and prod/ lint each home as a host of its own.
	two := runArgs("lint", "--no-config", "--format", "json", "--files",
		"dev/wso2am-4.2.0/repository/conf/deployment.toml", "prod/wso2am-4.2.0/repository/conf/deployment.toml")
	if rules, _ := jsonRules(t, two.stdout); contains(rules, "WL101") || two.code == exitInput {
		t.Errorf("--files across environments: exit %d, rules %v; want no WL101", two.code, rules)
	}
}
