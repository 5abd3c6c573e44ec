package emit

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// needTools skips the test unless it runs as root on Linux with every tool on
// PATH; under WSO2LINT_CI=1 a missing tool fails the test instead.
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	testenv.NeedRoot(t)
	testenv.NeedCommands(t, "apt-get install -y nftables iptables firewalld iproute2 util-linux", tools...)
}

// needFirewalldConfig skips the test unless /etc/firewalld exists.
func needFirewalldConfig(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/etc/firewalld"); err != nil {
		testenv.Skipf(t, "needs /etc/firewalld (apt-get install -y firewalld): %v", err)
	}
}

// run runs a command and fails the test with its output when it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func execOut(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}
