package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRulesFirewalldDir: firewalld XML is several files, so -o names a
// directory that receives services/*.xml and zones/*.xml; a regular file is a
// usage error that leaves the file as it was.
func TestRulesFirewalldDir(t *testing.T) {
	home := filepath.Join(repoRoot(t), "testdata", "example", "wso2am-2.6.0")
	dir := filepath.Join(t.TempDir(), "fw") + "/"
	var stdout, stderr bytes.Buffer
	args := []string{"wso2lint", "rules", "--target", "firewalld", "--allow", "management=10.0.0.0/24", "-o", dir, home}
	if code := run(args, &stdout, &stderr, noEnv); code != exitOK {
		t.Fatalf("exit %d; stderr %q", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout not empty with -o: %q", stdout.String())
	}
	var services, zones int
	for sub, n := range map[string]*int{"services": &services, "zones": &zones} {
		names, err := filepath.Glob(filepath.Join(dir, sub, "wso2lint-*.xml"))
		if err != nil {
			t.Fatal(err)
		}
		*n = len(names)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var v struct{ XMLName xml.Name }
			if err := xml.Unmarshal(data, &v); err != nil || v.XMLName.Local != strings.TrimSuffix(sub, "s") {
				t.Errorf("%s: not a firewalld %s file (%v, root %q)", name, strings.TrimSuffix(sub, "s"), err, v.XMLName.Local)
			}
		}
	}
	if services == 0 || zones == 0 {
		t.Errorf("wrote %d services and %d zones, want both", services, zones)
	}

	file := filepath.Join(t.TempDir(), "rules.xml")
	if err := os.WriteFile(file, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	args[len(args)-2] = file
	if code := run(args, &stdout, &stderr, noEnv); code != exitInput {
		t.Fatalf("-o FILE: exit %d, want 2; stderr %q", code, stderr.String())
	}
	if data, _ := os.ReadFile(file); string(data) != "keep\n" {
		t.Errorf("-o FILE changed the file: %q", data)
	}
	if !strings.Contains(stderr.String(), "give -o a directory") {
		t.Errorf("stderr %q does not say to give a directory", stderr.String())
	}
}
