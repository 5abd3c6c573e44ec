package lint

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/live"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

// coverage records, per rule ID, whether a test case made the rule fire and
// one kept it silent (testRule, the WL902 table and TestRuleExamples report
// here); TestMain fails the run when a rule has no such pair.
var coverage = struct {
	sync.Mutex
	fired, silent map[string]bool
}{fired: map[string]bool{}, silent: map[string]bool{}}

func recordCoverage(id string, fired, silent bool) {
	coverage.Lock()
	defer coverage.Unlock()
	coverage.fired[id] = coverage.fired[id] || fired
	coverage.silent[id] = coverage.silent[id] || silent
}

// uncovered lists the rules no test made fire, or no test kept silent.
func uncovered() []string {
	coverage.Lock()
	defer coverage.Unlock()
	var out []string
	for _, r := range Rules() {
		if !coverage.fired[r.ID] || !coverage.silent[r.ID] {
			out = append(out, fmt.Sprintf("%s (fired %v, silent %v)", r.ID, coverage.fired[r.ID], coverage.silent[r.ID]))
		}
	}
	return out
}

// TestMain checks, after a run of the whole package (no -run, -skip or
// -short), that every rule has a test case where it fires and one where it
// stays silent.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	full := true
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "test.run" || f.Name == "test.skip" || f.Name == "test.short" || f.Name == "test.list" {
			full = false
		}
	})
	if code == 0 && full {
		if missing := uncovered(); len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: rules without a test case that fires and one that stays silent: %s\n", strings.Join(missing, ", "))
			code = 1
		}
	}
	os.Exit(code)
}

// TestRuleExamples runs every rule on each of its documented examples, parsed
// as the command parses a home, and checks that it fires or stays silent as
// the doc says.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		fired, silent := false, false
		for i, ex := range r.Examples() {
			t.Run(fmt.Sprintf("%s/%d", r.ID, i), func(t *testing.T) {
				if !strings.Contains(r.Documentation(), ex.Name) {
					t.Errorf("%s: doc does not show example %q", r.ID, ex.Name)
				}
				got := runExample(t, r, ex)
				if ex.Fires && len(got) == 0 {
					t.Errorf("%s: example %q: no finding, want at least one", r.ID, ex.Name)
				}
				if !ex.Fires && len(got) > 0 {
					t.Errorf("%s: example %q: findings %q, want none", r.ID, ex.Name, got)
				}
			})
			fired = fired || ex.Fires
			silent = silent || !ex.Fires
		}
		if !fired || !silent {
			t.Errorf("%s: the examples need one that fires and one that stays silent", r.ID)
		}
		recordCoverage(r.ID, fired, silent)
	}
}

// TestEveryRuleHasExamples: the "Example:" section of every rule's doc is
// generated from its structured examples (Rule.Examples), so that the doc
// shows only configurations TestRuleExamples runs.
func TestEveryRuleHasExamples(t *testing.T) {
	for _, r := range Rules() {
		if len(r.Examples()) == 0 {
			t.Errorf("%s: no structured examples (Rule.Examples)", r.ID)
			continue
		}
		if want := exampleDoc("", r.Examples(), ""); !strings.Contains(r.Documentation(), strings.TrimSpace(strings.TrimSuffix(want, "\n\nFix:\n\n"))) {
			t.Errorf("%s: doc's Example section is not the one exampleDoc builds from Rule.Examples", r.ID)
		}
	}
}

// exampleBase is the carbon.xml written when an example has none, so that the
// folder is a Carbon home.
const exampleBase = `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports><Offset>0</Offset></Ports>
</Server>
`

func runExample(t *testing.T, r *Rule, ex Example) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	for n, c := range ex.Files {
		files[n] = c
	}
	// A Carbon home needs carbon.xml, or deployment.toml (Micro Integrator
	// keeps it in conf/).
	if !slices.ContainsFunc([]string{"repository/conf/carbon.xml", "repository/conf/deployment.toml", "conf/deployment.toml"}, func(n string) bool {
		_, ok := files[n]
		return ok
	}) {
		files["repository/conf/carbon.xml"] = exampleBase
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	// Manifests (k8s/..., compose/...) go next to the home, which is then
	// a folder named like the home the manifests' wso2lint.io/home names.
	home, manifests := dir, []string(nil)
	for _, n := range names {
		if isManifestExample(n) {
			home = filepath.Join(dir, "wso2is-7.0.0")
			manifests = append(manifests, filepath.Join(dir, filepath.FromSlash(n)))
		}
	}
	for _, n := range names {
		p := filepath.Join(home, filepath.FromSlash(n))
		if isManifestExample(n) {
			p = filepath.Join(dir, filepath.FromSlash(n))
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[n]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := parse.Home(home, parse.Options{})
	if err != nil {
		t.Fatalf("parse example %q: %v", ex.Name, err)
	}
	catalog.Resolve(h)
	m, err := exampleManifests(h, manifests)
	if err != nil {
		t.Fatalf("example %q: %v", ex.Name, err)
	}
	// The rule runs as the command runs it: with the catalog's default ports
	// (WL105), and the ignore rules after every other rule, whose findings
	// the ignores suppress (WL902).
	opt := Options{DefaultPort: catalog.DefaultBase, Manifests: m}
	if ex.Live != "" {
		socks, err := live.ParseSS("ss.txt", []byte(ex.Live))
		if err != nil {
			t.Fatalf("example %q: %v", ex.Name, err)
		}
		opt.Live = &model.Live{Sockets: socks, Source: "ss.txt"}
	}
	rules := []*Rule{r}
	if r.Scope == ScopeIgnores {
		rules = Rules()
	}
	var out []string
	for _, f := range Run([]*model.Home{h}, rules, opt) {
		if f.Rule == r.ID {
			out = append(out, f.String())
		}
	}
	return out
}
