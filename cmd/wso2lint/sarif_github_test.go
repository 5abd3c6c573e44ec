package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// githubSARIF is the part of a SARIF log that GitHub code scanning reads.
type githubSARIF struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID         string `json:"id"`
					HelpURI    string `json:"helpUri"`
					Properties struct {
						Tags             []string `json:"tags"`
						SecuritySeverity *string  `json:"security-severity"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []struct {
			RuleID              string                `json:"ruleId"`
			Message             struct{ Text string } `json:"message"`
			PartialFingerprints map[string]string     `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// lintSARIF lints home and returns the SARIF log, parsed.
func lintSARIF(t *testing.T, args ...string) githubSARIF {
	t.Helper()
	code, stdout, stderr := runEnv(t, nil, append([]string{"lint", "--fail-on", "none", "--format", "sarif"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var log githubSARIF
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// TestSARIFGitHubIngestion checks, offline, the rules GitHub code scanning
// applies on upload beyond the SARIF schema: a tool name, rules with helpUri
// and tags, security-severity a number from 0.0 to 10.0 on rules tagged
// security (and only there), results naming a known rule with a message and a
// repository-relative location (with --path-prefix) and a fingerprint, and an
// automationDetails id whose category ends in "/".
func TestSARIFGitHubIngestion(t *testing.T) {
	t.Chdir(repoRoot(t))
	log := lintSARIF(t, "--path-prefix", "infra", "--sarif-category", "wso2lint-prod", "testdata/example/wso2am-2.6.0")
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs; want 2.1.0 and one run", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" {
		t.Error("no tool.driver.name")
	}
	if got, want := run.AutomationDetails.ID, "wso2lint-prod/"; got != want {
		t.Errorf("automationDetails.id = %q, want %q", got, want)
	}
	rules := map[string]bool{}
	security := 0
	for _, r := range run.Tool.Driver.Rules {
		rules[r.ID] = true
		if !strings.HasPrefix(r.HelpURI, "https://") || !strings.Contains(r.HelpURI, "#"+strings.ToLower(r.ID)+"-") {
			t.Errorf("%s: helpUri %q is not the rule's documentation anchor", r.ID, r.HelpURI)
		}
		if len(r.Properties.Tags) == 0 {
			t.Errorf("%s: no tags", r.ID)
		}
		isSec := len(r.Properties.Tags) > 0 && r.Properties.Tags[0] == "security"
		if s := r.Properties.SecuritySeverity; s != nil {
			security++
			v, err := strconv.ParseFloat(*s, 64)
			if err != nil || v < 0 || v > 10 {
				t.Errorf("%s: security-severity %q is not a number from 0.0 to 10.0", r.ID, *s)
			}
			if !isSec {
				t.Errorf("%s: security-severity without the security tag", r.ID)
			}
		} else if isSec {
			t.Errorf("%s: tagged security without security-severity", r.ID)
		}
	}
	if security == 0 {
		t.Error("no rule has a security-severity")
	}
	if len(run.Results) == 0 {
		t.Fatal("no results on the example home")
	}
	seen := map[string]bool{}
	for _, res := range run.Results {
		if !rules[res.RuleID] || res.Message.Text == "" {
			t.Errorf("result %q: unknown rule or empty message", res.RuleID)
		}
		fp := res.PartialFingerprints["wso2lint/v1"]
		if len(fp) != 32 {
			t.Errorf("result %s: partial fingerprint %q", res.RuleID, fp)
		}
		if seen[fp] {
			t.Errorf("result %s: fingerprint %s is not unique", res.RuleID, fp)
		}
		seen[fp] = true
		for _, l := range res.Locations {
			uri := l.PhysicalLocation.ArtifactLocation.URI
			if !strings.HasPrefix(uri, "infra/testdata/example/wso2am-2.6.0/") {
				t.Errorf("result %s: uri %q is not under the path prefix", res.RuleID, uri)
			}
		}
	}
}

// TestFingerprintsSurviveInsertedLine lints a copy of the example home, then
// inserts a line at the top of two of its files and lints again: every result
// keeps its fingerprint though its line moved down by one.
func TestFingerprintsSurviveInsertedLine(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	home := filepath.Join(dir, "wso2am-2.6.0")
	copyTree(t, filepath.Join(root, "testdata/example/wso2am-2.6.0"), home)
	t.Chdir(dir)
	type key struct{ rule, uri string }
	lines := func() map[string]key {
		out := map[string]key{}
		log := lintSARIF(t, "wso2am-2.6.0")
		for _, r := range log.Runs[0].Results {
			uri, line := "", 0
			if len(r.Locations) > 0 {
				uri = r.Locations[0].PhysicalLocation.ArtifactLocation.URI
				line = r.Locations[0].PhysicalLocation.Region.StartLine
			}
			out[r.PartialFingerprints["wso2lint/v1"]] = key{r.RuleID, uri + ":" + strconv.Itoa(line)}
		}
		return out
	}
	before := lines()
	moved := []string{"repository/conf/user-mgt.xml", "repository/conf/tomcat/catalina-server.xml"}
	for _, f := range moved {
		p := filepath.Join(home, f)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append([]byte("<!-- a line inserted above -->\n"), data...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := lines()
	if len(after) != len(before) {
		t.Fatalf("%d results before, %d after inserting a line", len(before), len(after))
	}
	shifted := 0
	for fp, b := range before {
		a, ok := after[fp]
		if !ok {
			t.Errorf("fingerprint %s of %s at %s changed when a line was inserted above", fp, b.rule, b.uri)
			continue
		}
		if a.uri != b.uri {
			shifted++
		}
	}
	if shifted == 0 {
		t.Error("no result moved: the inserted lines did not shift any finding, so the test shows nothing")
	}
}
