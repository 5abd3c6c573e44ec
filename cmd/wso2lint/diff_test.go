package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// gitRun runs git in dir with a fixed identity and no user configuration.
func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=wso2lint", "-c", "user.email=test@wso2lint.invalid", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestDiffRevision compares a home as git holds it at HEAD with the working
// tree after the offset was changed: every offsettable listener moves by the
// change, the rest stay, and the home is named REV:PATH.
func TestDiffRevision(t *testing.T) {
	testenv.NeedCommands(t, "git is needed for diff REV:PATH", "git")
	corpus := testenv.Corpus(t)
	repo := t.TempDir()
	home := filepath.Join(repo, "prod", "wso2is-5.7.0")
	testenv.CopyTree(t, filepath.Join(corpus, "wso2is-5.7.0"), home)
	gitRun(t, repo, "init", "-q")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "stock")
	carbon := filepath.Join(home, "repository", "conf", "carbon.xml")
	data, err := os.ReadFile(carbon)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(carbon, bytes.Replace(data, []byte("<Offset>0</Offset>"), []byte("<Offset>4</Offset>"), 1), 0o644)
	t.Chdir(filepath.Join(repo, "prod"))

	res := runArgs("diff", "--format", "json", "HEAD:wso2is-5.7.0", "wso2is-5.7.0")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (listeners changed)\n%s", res.code, res.stderr)
	}
	var out struct {
		Old struct {
			Home string `json:"home"`
		} `json:"old"`
		Changes []struct {
			Change string   `json:"change"`
			What   []string `json:"what"`
			Old    struct {
				Port int    `json:"port"`
				File string `json:"file"`
			} `json:"old"`
			New struct {
				Port int `json:"port"`
			} `json:"new"`
		} `json:"changes"`
		Summary struct {
			Unchanged int `json:"unchanged"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Old.Home != "HEAD:wso2is-5.7.0" {
		t.Errorf("old home named %q, want HEAD:wso2is-5.7.0", out.Old.Home)
	}
	if len(out.Changes) < 5 {
		t.Fatalf("%d changes, want every offsettable listener moved:\n%s", len(out.Changes), res.stdout)
	}
	for _, c := range out.Changes {
		if c.Change != "changed" || !cmp.Equal(c.What, []string{"moved"}) || c.New.Port-c.Old.Port != 4 {
			t.Errorf("change %+v: want moved by 4", c)
		}
		if !strings.HasPrefix(c.Old.File, "HEAD:wso2is-5.7.0/") {
			t.Errorf("old source %q is not named by the revision", c.Old.File)
		}
	}
	// The same revision against itself: nothing changed, exit 0, and the
	// temporary checkouts are gone.
	tmpBefore, _ := filepath.Glob(filepath.Join(os.TempDir(), "wso2lint-diff-*"))
	res = runArgs("diff", "HEAD:wso2is-5.7.0", "HEAD:wso2is-5.7.0")
	if res.code != 0 || !strings.Contains(res.stdout, "0 added, 0 removed, 0 changed") {
		t.Errorf("HEAD against HEAD: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	tmpAfter, _ := filepath.Glob(filepath.Join(os.TempDir(), "wso2lint-diff-*"))
	if len(tmpAfter) > len(tmpBefore) {
		t.Errorf("diff left temporary checkouts behind: %v", tmpAfter)
	}
	// A revision or path git does not have is an input error naming it.
	for _, arg := range []string{"nosuchrev:wso2is-5.7.0", "HEAD:nosuchhome"} {
		res = runArgs("diff", arg, "wso2is-5.7.0")
		if res.code != 2 || !strings.Contains(res.stderr, arg) || strings.Count(strings.TrimSpace(res.stderr), "\n") != 0 {
			t.Errorf("diff %s: exit %d, stderr %q; want 2 and one line naming it", arg, res.code, res.stderr)
		}
	}
}

func TestExtractTarRefusesEscapes(t *testing.T) {
	for _, name := range []string{"../evil", "/etc/evil", "a/../../evil"} {
		var buf bytes.Buffer
		tw := tar.NewWriter(&buf)
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: 1, Typeflag: tar.TypeReg})
		tw.Write([]byte("x"))
		tw.Close()
		dir := t.TempDir()
		err := extractTar(&buf, dir)
		if err == nil || !strings.Contains(err.Error(), "leaves the home") {
			t.Errorf("extractTar(%q) = %v, want an error that it leaves the home", name, err)
		}
	}
}

func TestExtractTarCapsSize(t *testing.T) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	tw.WriteHeader(&tar.Header{Name: "big", Mode: 0o644, Size: maxRevBytes + 1, Typeflag: tar.TypeReg})
	// The header alone trips the cap: no need to write the bytes.
	err := extractTar(bytes.NewReader(buf.Bytes()), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("extractTar of a %d-byte file = %v, want the size cap", maxRevBytes+1, err)
	}
}
