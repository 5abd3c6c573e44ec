package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL402() *Rule {
	return &Rule{
		ID:       "WL402",
		Name:     "unknown-toml-key",
		Title:    "deployment.toml holds a key the product does not know",
		Severity: model.SeverityWarning,
		Scope:    ScopeHome,
		Check:    checkUnknownTomlKey,
		Doc: `The configuration mapper of deployment.toml-era products ignores keys it does not know, without a word in
the log. A typo or an invented key then leaves the setting at its default: a listener you meant to close stays
open, a port you meant to move stays where it was.

To avoid false alarms, wso2lint only judges keys under tables whose keys it knows completely ([super_admin],
[monitoring.jmx], [apim.ws], [apim.wss], [apim.webhooks], [broker.transport.amqp], the event receivers,
[clustering], the keystores and the truststore) and the transport names under [transport.*]. Tables that pass
keys through to the XML (connector properties, datasource options) are never flagged.

Example:

    [transport.servlet_http.connector]
    enable = false                        (no such transport: the HTTP connector stays open)

Fix:

Use the key the product documents; the message suggests the nearest known one.`,
	}
}

func checkUnknownTomlKey(p *Pass) {
	sections := catalog.TomlSections()
	transports := catalog.TomlTransports()
	for si := range p.Home.Servers {
		s := &p.Home.Servers[si]
		for _, st := range s.Settings {
			key, ok := strings.CutPrefix(st.Key, model.KeyTomlPrefix)
			if !ok {
				continue
			}
			if bad, near, found := unknownTomlKey(key, sections, transports); found {
				p.Report(p.Home, st.Pos, "key %q is not a key the server knows and is ignored silently; did you mean %q", bad, near)
			}
		}
	}
}

// unknownTomlKey judges one dotted key: found is true when it is unknown, with
// the nearest known key.
func unknownTomlKey(key string, sections []catalog.TomlSection, transports []string) (bad, near string, found bool) {
	if rest, ok := strings.CutPrefix(key, "transport."); ok {
		name, _, _ := strings.Cut(rest, ".")
		if !containsString(transports, name) {
			return key, "transport." + nearest(name, transports) + strings.TrimPrefix(rest, name), true
		}
	}
	var sec *catalog.TomlSection
	for i := range sections {
		if strings.HasPrefix(key, sections[i].Prefix+".") && (sec == nil || len(sections[i].Prefix) > len(sec.Prefix)) {
			sec = &sections[i]
		}
	}
	if sec == nil {
		return "", "", false
	}
	sub := strings.TrimPrefix(key, sec.Prefix+".")
	if sec.Prefix == "clustering" && strings.HasPrefix(sub, "properties.") {
		return "", "", false
	}
	if containsString(sec.Keys, sub) {
		return "", "", false
	}
	// A deeper known table ([apim.wss] under [apim.ws]) is not a key of this one.
	return key, sec.Prefix + "." + nearest(sub, sec.Keys), true
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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
