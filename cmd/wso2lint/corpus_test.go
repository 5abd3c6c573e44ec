package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// corpus returns ../shared/corpus next to the repository root.
func corpus(t *testing.T) string { return testenv.Corpus(t) }

// TestCorpusTwoCopiesCollide gives two copies of the API Manager 2.6.0 home at
// the same offset: they collide, and the fix proposes offset 1.
func TestCorpusTwoCopiesCollide(t *testing.T) {
	src := filepath.Join(corpus(t), "wso2am-2.6.0")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "wso2am-2.6.0"), filepath.Join(dir, "wso2am-2.6.0-b")
	copyTree(t, src, a)
	copyTree(t, src, b)
	var stdout, stderr bytes.Buffer
	code := run([]string{"wso2lint", "lint", "--format", "text", a, b}, &stdout, &stderr, noEnv)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"servlet-https port 9443/tcp is also claimed", "set <Offset> to 1 in repository/conf/carbon.xml"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Alone, the home has no collision.
	stdout.Reset()
	run([]string{"wso2lint", "lint", "--format", "text", a}, &stdout, &stderr, noEnv)
	if strings.Contains(stdout.String(), "[WL101]") {
		t.Errorf("a single corpus home reports a collision:\n%s", stdout.String())
	}
}

// TestCorpusEveryHome runs ports and lint on every corpus home: no input errors.
func TestCorpusEveryHome(t *testing.T) {
	entries, err := os.ReadDir(corpus(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		home := filepath.Join(corpus(t), e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			for _, cmd := range [][]string{{"ports", "--format", "json", home}, {"lint", "--format", "text", home}} {
				var stdout, stderr bytes.Buffer
				code := run(append([]string{"wso2lint"}, cmd...), &stdout, &stderr, noEnv)
				if code == exitInput {
					t.Errorf("%s: exit 2: %s", cmd[0], stderr.String())
				}
				// The shipped defaults of one home never collide with themselves,
				// and their ports are the catalog defaults (EI profiles included:
				// the broker's 5672 is its default before the profile offset 3).
				if cmd[0] == "lint" && strings.Contains(stdout.String(), "[WL101]") {
					t.Errorf("false port collision in a shipped home:\n%s", stdout.String())
				}
				if cmd[0] == "lint" && strings.Contains(stdout.String(), "[WL105]") {
					t.Errorf("shipped port reported as non-default:\n%s", stdout.String())
				}
			}
		})
	}
}

// TestCorpusSecurityFindings checks that the shipped API Manager 2.6.0 defaults
// give the security findings of the production guidelines.
func TestCorpusSecurityFindings(t *testing.T) {
	home := filepath.Join(corpus(t), "wso2am-2.6.0")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"wso2lint", "lint", "--format", "text", home}, &stdout, &stderr, noEnv); code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr.String())
	}
	for _, id := range []string{
		"WL301", // JMX remote enabled
		"WL302", // -Dcom.sun.management.jmxremote random ports
		"WL303", // admin/admin
		"WL304", // default keystore and password
		"WL305", // hostname verification disabled (docker-apim script)
		"WL306", // TLSv1/TLSv1.1 on the HTTPS connector
		"WL307", // plaintext HTTP listeners
		"WL308", // embedded LDAP with default credentials
		"WL309", // HostName unset
	} {
		if !strings.Contains(stdout.String(), "["+id+"]") {
			t.Errorf("no %s finding on the shipped defaults:\n%s", id, stdout.String())
		}
	}
	for _, id := range []string{"WL101", "WL310"} { // no collision; JDWP only in the --debug branch
		if strings.Contains(stdout.String(), "["+id+"]") {
			t.Errorf("unexpected %s finding on the shipped defaults", id)
		}
	}
}

// TestCorpusAMAndKeyManagerCollide gives API Manager and an Identity Server
// key manager on one host (DOMAIN §7): the key manager's configuration holds
// no catalina-server.xml, so it runs the distribution's 9443/9763, which
// collide with API Manager's.
func TestCorpusAMAndKeyManagerCollide(t *testing.T) {
	am, km := filepath.Join(corpus(t), "wso2am-2.6.0"), filepath.Join(corpus(t), "wso2is-km-5.7.0")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"wso2lint", "lint", "--format", "text", am, km}, &stdout, &stderr, noEnv); code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr.String())
	}
	for _, want := range []string{"servlet-https port 9443/tcp is also claimed", "servlet-http port 9763/tcp is also claimed"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
}

// TestCorpusBaselineScriptStatements: a baseline keeps the start script's
// old finding hidden when lines shift, and shows the same option added in a
// new statement, which is a new finding (script findings are keyed by their
// statement, not by message).
func TestCorpusBaselineScriptStatements(t *testing.T) {
	home := filepath.Join(t.TempDir(), "wso2esb-5.0.0")
	copyTree(t, filepath.Join(corpus(t), "wso2esb-5.0.0"), home)
	base := filepath.Join(t.TempDir(), "baseline.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"wso2lint", "lint", "--write-baseline", base, home}, &stdout, &stderr, noEnv); code != exitOK {
		t.Fatalf("write baseline: exit %d: %s", code, stderr.String())
	}
	script := filepath.Join(home, "bin", "wso2server.sh")
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	added := "#!/bin/sh\nJAVA_OPTS=\"$JAVA_OPTS -Dcom.sun.management.jmxremote\"\n"
	if err := os.WriteFile(script, []byte(added+strings.TrimPrefix(string(data), "#!/bin/sh\n")), 0o755); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	run([]string{"wso2lint", "lint", "--format", "text", "--baseline", base, home}, &stdout, &stderr, noEnv)
	var wl302 []string
	for _, line := range strings.Split(stdout.String(), "\n") {
		if strings.Contains(line, "[WL302]") {
			wl302 = append(wl302, line)
		}
	}
	if len(wl302) == 0 || !strings.Contains(strings.Join(wl302, "\n"), "wso2server.sh:2:") {
		t.Errorf("the new statement's WL302 is not reported:\n%s", stdout.String())
	}
	for _, line := range wl302 {
		if !strings.Contains(line, "wso2server.sh:2:") {
			t.Errorf("a baselined finding came back after a line shift: %s", line)
		}
	}
}
