package layering

import (
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const module = "github.com/wso2lint/wso2lint/"

// allowed lists, for every package of the module, the packages of the module it
// may import (directly). Format scanners (parse/xmlpos, parse/props,
// parse/toml, parse/script) import nothing of ours; model and atomicfile/regfile
// sit at the bottom; nothing imports cmd; parse never imports catalog; emit
// never imports lint; lint never imports emit or parse.
var allowed = map[string][]string{
	"catalog":              {"internal/model", "internal/product"},
	"cmd/wso2lint":         {"catalog", "config", "emit", "emit/compose", "emit/kubernetes", "internal/atomicfile", "internal/buildinfo", "internal/discover", "internal/hugeheap", "internal/live", "internal/model", "internal/offsetplan", "internal/portdiff", "internal/product", "internal/regfile", "lint", "manifest", "parse", "report", "report/picture"},
	"config":               {"internal/model", "internal/regfile"},
	"emit":                 {"internal/model"},
	"emit/kubernetes":      {"emit", "internal/model", "internal/yamlnode"},
	"emit/compose":         {"emit", "internal/model", "internal/yamlnode"},
	"internal/yamlnode":    {},
	"manifest":             {"internal/model", "internal/regfile"},
	"internal/atomicfile":  {},
	"internal/hugeheap":    {},
	"internal/buildinfo":   {},
	"internal/discover":    {"parse"},
	"internal/layering":    {},
	"internal/model":       {},
	"internal/product":     {"internal/model"},
	"internal/regfile":     {},
	"lint":                 {"catalog", "internal/model"},
	"parse":                {"internal/model", "internal/product", "internal/regfile", "parse/props", "parse/script", "parse/toml", "parse/xmlpos"},
	"parse/props":          {},
	"parse/script":         {},
	"parse/toml":           {},
	"parse/xmlpos":         {},
	"report":               {"internal/model", "internal/offsetplan", "internal/portdiff"},
	"internal/offsetplan":  {"internal/model"},
	"internal/live":        {"internal/model", "internal/regfile"},
	"internal/portdiff":    {"internal/model"},
	"report/picture":       {"internal/model"},
	"internal/golden":      {},
	"internal/testenv":     {},
	"internal/inlinewant":  {},
	"internal/freshclone":  {},
	"internal/packaging":   {},
	"internal/producttest": {},
	"internal/tomltest":    {},
	"internal/floor":       {},
	"internal/floor/hello": {},
	"internal/floor/cli":   {},
	"internal/floor/parse": {"internal/hugeheap", "parse/xmlpos"},
}

// thirdParty lists the packages outside the standard library that a package
// may import; a package not listed may import none. etree, properties,
// go-toml, yaml and urfave/cli each stay in the one place that needs them.
var thirdParty = map[string][]string{
	"parse/xmlpos":         {"github.com/beevik/etree"},
	"parse":                {"github.com/beevik/etree", "gopkg.in/yaml.v3"},
	"parse/toml":           {"github.com/pelletier/go-toml/v2", "github.com/pelletier/go-toml/v2/unstable"},
	"internal/golden":      {"github.com/google/go-cmp/cmp"},
	"config":               {"gopkg.in/yaml.v3"},
	"emit/kubernetes":      {"gopkg.in/yaml.v3"},
	"emit/compose":         {"gopkg.in/yaml.v3"},
	"internal/yamlnode":    {"gopkg.in/yaml.v3"},
	"manifest":             {"gopkg.in/yaml.v3"},
	"cmd/wso2lint":         {"github.com/urfave/cli/v2", "golang.org/x/term"},
	"internal/floor/cli":   {"github.com/urfave/cli/v2"},
	"internal/floor/parse": {"github.com/urfave/cli/v2"},
}

// TestLayering lists every package's non-test imports with go list and
// compares them with the tables above.
func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, module+"...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		pkg = strings.TrimPrefix(pkg, module)
		seen[pkg] = true
		want, ok := allowed[pkg]
		if !ok {
			t.Errorf("package %s is not in the layering table: add it with the packages it may import", pkg)
			continue
		}
		var ours, other []string
		for _, imp := range strings.Fields(imports) {
			switch {
			case strings.HasPrefix(imp, module):
				ours = append(ours, strings.TrimPrefix(imp, module))
			case strings.Contains(strings.SplitN(imp, "/", 2)[0], "."):
				other = append(other, imp)
			}
		}
		for _, imp := range ours {
			if !contains(want, imp) {
				t.Errorf("%s imports %s, which the layering does not allow (allowed: %v)", pkg, imp, want)
			}
		}
		for _, imp := range other {
			if !contains(thirdParty[pkg], imp) {
				t.Errorf("%s imports %s; only %v may be imported there outside the standard library", pkg, imp, thirdParty[pkg])
			}
		}
	}
	var missing []string
	for pkg := range allowed {
		if !seen[pkg] {
			missing = append(missing, pkg)
		}
	}
	sort.Strings(missing)
	if diff := cmp.Diff([]string(nil), missing); diff != "" {
		t.Errorf("packages in the layering table that go list does not know (-want +got):\n%s", diff)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
