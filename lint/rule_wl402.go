package lint

import (
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL402() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "a transport deployment.toml does not know", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.servlet_http.connector]
enable = false
`,
			}},
			{Name: "the documented transport key", Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.http.properties]
port = 9763
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL402",
		Name:     "unknown-toml-key",
		Title:    "deployment.toml holds a key the product does not know",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkUnknownTomlKey,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The configuration mapper of deployment.toml-era products ignores keys it does not know, without a word in
the log. A typo or an invented key then leaves the setting at its default: a listener you meant to close stays
open, a port you meant to move stays where it was.

To avoid false alarms, wso2lint judges only what it knows well:

- keys under tables whose keys it knows completely ([super_admin], [monitoring.jmx], [apim.ws], [apim.wss],
  [apim.webhooks], [broker.transport.amqp], the event receivers, [clustering], the keystores and the
  truststore);
- the transport names under [transport.*];
- keys directly under [server] and top-level table names, only when they are a near miss of a known one
  (`+"`ofset`"+`, `+"`[sever]`"+`): the products take more keys there than wso2lint lists;
- keys one product ignores although another reads them (Identity Server reads `+"`[transport.http] enabled`"+`,
  not `+"`enable`"+`, so `+"`enable = false`"+` leaves 9763 open).

Tables that pass keys through to the XML (connector properties, datasource options) are never flagged, nor
any key of the product's default.json when the home has it.`, ex(), `Use the key the product documents; the message suggests the nearest known one.`)
		},
	}
}

func checkUnknownTomlKey(p *Pass) {
	k := tomlKnowledge{
		sections:   catalog.TomlSections(),
		transports: catalog.TomlTransports(),
		tables:     catalog.TomlTables(),
		mistakes:   catalog.TomlKeyMistakes(),
		product:    p.Home.Product.Key,
	}
	s := p.Server
	k.defaults = map[string]bool{}
	for _, st := range s.Settings {
		if key, ok := strings.CutPrefix(st.Key, model.KeyTomlDefaultPrefix); ok {
			k.defaults[key] = true
		}
	}
	for _, st := range s.Settings {
		key, ok := strings.CutPrefix(st.Key, model.KeyTomlPrefix)
		if !ok {
			continue
		}
		if bad, near, found := k.unknown(key); found {
			p.Reportf(st.Pos, "key %q is not a key the server knows and is ignored silently; did you mean %q", bad, near)
		}
	}
}

// tomlKnowledge is what WL402 knows about the keys of one product.
type tomlKnowledge struct {
	sections   []catalog.TomlSection
	transports []string
	tables     []string
	mistakes   []catalog.TomlKeyMistake
	product    model.ProductKey
	defaults   map[string]bool // keys of the home's default.json
}

// unknown judges one dotted key: found is true when it is unknown, with the
// nearest known key.
func (k *tomlKnowledge) unknown(key string) (bad, near string, found bool) {
	if k.defaults[key] {
		return "", "", false
	}
	for _, m := range k.mistakes {
		if key == m.Key && slices.Contains(m.Products, k.product) {
			return key, m.Want, true
		}
	}
	first, rest, _ := strings.Cut(key, ".")
	if !slices.Contains(k.tables, first) && !k.defaultTable(first) {
		if n, ok := nearMiss(first, k.tables); ok {
			return key, join(n, rest), true
		}
		return "", "", false
	}
	if first == "transport" && strings.Contains(rest, ".") {
		name, _, _ := strings.Cut(rest, ".")
		if !slices.Contains(k.transports, name) {
			return key, "transport." + nearest(name, k.transports) + strings.TrimPrefix(rest, name), true
		}
	}
	var sec *catalog.TomlSection
	for i := range k.sections {
		if strings.HasPrefix(key, k.sections[i].Prefix+".") && (sec == nil || len(k.sections[i].Prefix) > len(sec.Prefix)) {
			sec = &k.sections[i]
		}
	}
	if sec == nil {
		return "", "", false
	}
	sub := strings.TrimPrefix(key, sec.Prefix+".")
	if sec.Prefix == "clustering" && strings.HasPrefix(sub, "properties.") {
		return "", "", false
	}
	if slices.Contains(sec.Keys, sub) {
		return "", "", false
	}
	if sec.NearOnly {
		if strings.Contains(sub, ".") {
			return "", "", false // a sub-table ([[server.get_request_processor]])
		}
		if n, ok := nearMiss(sub, sec.Keys); ok {
			return key, sec.Prefix + "." + n, true
		}
		return "", "", false
	}
	// A deeper known table ([apim.wss] under [apim.ws]) is not a key of this one.
	return key, sec.Prefix + "." + nearest(sub, sec.Keys), true
}

// defaultTable reports whether a key of the home's default.json starts with
// the top-level name.
func (k *tomlKnowledge) defaultTable(first string) bool {
	for key := range k.defaults {
		if key == first || strings.HasPrefix(key, first+".") {
			return true
		}
	}
	return false
}

// nearMiss returns the known name that s is a typo of: one or two edits away,
// and at most one edit per four characters of s, so that short names and
// names that merely look alike are left alone.
func nearMiss(s string, known []string) (string, bool) {
	n := nearest(s, known)
	d := editDistance(s, n)
	if d == 0 || d > 2 || 4*d > len(s) {
		return "", false
	}
	return n, true
}

func join(first, rest string) string {
	if rest == "" {
		return first
	}
	return first + "." + rest
}

// nearest returns the candidate with the smallest edit distance to s (the
// first one on ties).
func nearest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := editDistance(s, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
