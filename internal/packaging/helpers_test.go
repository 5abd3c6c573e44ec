package packaging

import (
	"bytes"
	"debug/elf"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// dockerBuild is the binary the Dockerfile's build step gives, built once.
var dockerBuild struct {
	once sync.Once
	dir  string
	err  error
}

// dockerVersion is the VERSION build argument the tests pass.
const dockerVersion = "v0.0.0-docker"

// staticBinary runs the build steps of the Dockerfile's build stage (RUN
// lines, with ARG values and the /out/ folder moved into a temporary
// folder) at the repository root, as `COPY . .` into WORKDIR would see it,
// and returns the folder holding the binary, named wso2lint.
func staticBinary(t *testing.T) string {
	t.Helper()
	root := testenv.RepoRoot(t)
	dockerBuild.once.Do(func() {
		df, err := parseDockerfile(filepath.Join(root, "Dockerfile"))
		if err != nil {
			dockerBuild.err = err
			return
		}
		dir, err := os.MkdirTemp("", "wso2lint-docker")
		if err != nil {
			dockerBuild.err = err
			return
		}
		dockerBuild.dir = dir
		for _, line := range buildSteps(df) {
			script := strings.ReplaceAll(line, "/out/", dir+"/")
			cmd := exec.Command("sh", "-c", script)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "VERSION="+dockerVersion)
			if out, err := cmd.CombinedOutput(); err != nil {
				dockerBuild.err = errors.New("RUN " + line + ": " + err.Error() + "\n" + string(out))
				return
			}
		}
	})
	if dockerBuild.err != nil {
		t.Fatalf("Dockerfile build step: %v", dockerBuild.err)
	}
	return dockerBuild.dir
}

// checkStatic fails unless the ELF file at path is statically linked: no
// program interpreter and no shared libraries.
func checkStatic(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("ELF check on %s", runtime.GOOS)
	}
	f, err := elf.Open(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("%s has a program interpreter (dynamically linked): the image has no libc", path)
		}
	}
	if libs, err := f.ImportedLibraries(); err != nil || len(libs) > 0 {
		t.Errorf("%s needs shared libraries %v (%v)", path, libs, err)
	}
}

// withPath returns the environment with dir first on PATH.
func withPath(env []string, dir string) []string {
	out := make([]string, 0, len(env)+1)
	path := dir
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "PATH="); ok {
			path = dir + string(os.PathListSeparator) + v
			continue
		}
		out = append(out, e)
	}
	return append(out, "PATH="+path)
}

// exitCode runs cmd and returns its exit status and combined output.
func exitCode(t *testing.T, cmd *exec.Cmd) (int, string) {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String()
	}
	t.Fatalf("%s: %v\n%s", cmd, err, out.String())
	return 0, ""
}

// clone clones the committed HEAD of the repository into a new folder.
func clone(t *testing.T, dst string) string {
	t.Helper()
	return cloneFrom(t, testenv.RepoRoot(t), dst)
}

// cloneFrom clones the committed HEAD of the repository src into dst.
func cloneFrom(t *testing.T, src, dst string) string {
	t.Helper()
	testenv.NeedCommands(t, "apt-get install -y git", "git")
	cmd := exec.Command("git", "clone", "-q", "--no-hardlinks", src, dst)
	if code, out := exitCode(t, cmd); code != 0 {
		t.Fatalf("git clone: exit %d\n%s", code, out)
	}
	return dst
}

// copyHome copies the fixture home testdata/REL into dir/name.
func copyHome(t *testing.T, rel, dir, name string) {
	t.Helper()
	testenv.CopyTree(t, filepath.Join(testenv.RepoRoot(t), "testdata", filepath.FromSlash(rel)), filepath.Join(dir, name))
}
