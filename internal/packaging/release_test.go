package packaging

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// makeRelease runs make release in dir into dir/dist with a fixed version
// and SOURCE_DATE_EPOCH, and returns SHA256SUMS.
func makeRelease(t *testing.T, dir string, env ...string) string {
	t.Helper()
	cmd := exec.Command("make", "release", "DIST="+filepath.Join(dir, "dist"), "VERSION=v0.0.0-repro")
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000"), env...)
	if code, out := exitCode(t, cmd); code != 0 {
		t.Fatalf("make release in %s: exit %d\n%s", dir, code, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "dist", "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestReleaseReproducible runs make release in two clones at different paths
// and compares the checksums: the four archives are byte-identical. The
// linux/amd64 build of the second clone uses an empty build cache, so that
// the compiler's output is compared, not a cached copy.
func TestReleaseReproducible(t *testing.T) {
	testenv.SkipShort(t, "reproducible-release test (builds every release target twice)")
	testenv.NeedCommands(t, "apt-get install -y make tar gzip zip coreutils", "make", "tar", "gzip", "zip", "sha256sum")
	a := clone(t, filepath.Join(t.TempDir(), "a"))
	first := makeRelease(t, a)
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(first), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || len(f[0]) != 64 {
			t.Fatalf("SHA256SUMS line %q", line)
		}
		names = append(names, f[1])
	}
	want := []string{
		"wso2lint_0.0.0-repro_linux_amd64.tar.gz", "wso2lint_0.0.0-repro_linux_arm64.tar.gz",
		"wso2lint_0.0.0-repro_darwin_arm64.tar.gz", "wso2lint_0.0.0-repro_windows_amd64.zip",
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("archives (-want +got):\n%s", diff)
	}

	// b is cloned from a: the same commit, even when the repository moved on.
	b := cloneFrom(t, a, filepath.Join(t.TempDir(), "second", "b"))
	fresh := makeRelease(t, b, "RELEASE_TARGETS=linux/amd64", "GOCACHE="+t.TempDir())
	if !strings.Contains(first, fresh) {
		t.Errorf("linux/amd64 with an empty build cache differs:\nfirst:\n%s\nsecond:\n%s", first, fresh)
	}
	second := makeRelease(t, b)
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("SHA256SUMS of two make release runs differ (-first +second):\n%s", diff)
	}
}

// TestReleaseArchive builds the linux/amd64 archive and checks what is in
// it: the static binary, reporting the version, with LICENSE, NOTICE and
// README.md, every member stamped with SOURCE_DATE_EPOCH and owned by 0.
func TestReleaseArchive(t *testing.T) {
	testenv.SkipShort(t, "builds a release archive")
	base := releaseServer(t, "v0.0.0-action")
	dir := filepath.Join(strings.TrimPrefix(base, "file://"), "download", "v0.0.0-action")
	archive := filepath.Join(dir, "wso2lint_0.0.0-action_linux_amd64.tar.gz")
	code, out := exitCode(t, exec.Command("tar", "--utc", "-tvzf", archive))
	if code != 0 {
		t.Fatalf("tar: %s", out)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		got = append(got, strings.Join([]string{f[0], f[1], f[3], f[4], f[5]}, " "))
	}
	want := []string{
		"drwxr-xr-x 0/0 2023-11-14 22:13 wso2lint_0.0.0-action_linux_amd64/",
		"-rw-r--r-- 0/0 2023-11-14 22:13 wso2lint_0.0.0-action_linux_amd64/LICENSE",
		"-rw-r--r-- 0/0 2023-11-14 22:13 wso2lint_0.0.0-action_linux_amd64/NOTICE",
		"-rw-r--r-- 0/0 2023-11-14 22:13 wso2lint_0.0.0-action_linux_amd64/README.md",
		"-rwxr-xr-x 0/0 2023-11-14 22:13 wso2lint_0.0.0-action_linux_amd64/wso2lint",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("archive members (-want +got):\n%s", diff)
	}
	x := t.TempDir()
	if code, out := exitCode(t, exec.Command("tar", "-xzf", archive, "-C", x)); code != 0 {
		t.Fatal(out)
	}
	bin := filepath.Join(x, "wso2lint_0.0.0-action_linux_amd64", "wso2lint")
	checkStatic(t, bin)
	if code, out := exitCode(t, exec.Command(bin, "--version")); code != 0 || !strings.HasPrefix(out, "wso2lint version v0.0.0-action (") {
		t.Errorf("--version: exit %d %q", code, out)
	}
	cmd := exec.Command("sha256sum", "-c", "SHA256SUMS")
	cmd.Dir = dir
	if code, out := exitCode(t, cmd); code != 0 {
		t.Errorf("sha256sum -c: %s", out)
	}
}
