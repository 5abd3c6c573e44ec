package parse

import (
	"regexp"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// ignoreMarker starts an inline suppression in a comment.
const ignoreMarker = "wso2lint:ignore"

// ruleIDPattern matches a rule ID in any case ("WL301", "wl301").
var ruleIDPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?i:WL[0-9]+)$`) })

// ruleNamePattern matches a rule name ("plaintext-http"): lower-case words
// joined by hyphens.
var ruleNamePattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`) })

// parseIgnore reads "wso2lint:ignore WL101,WL102 reason" from comment text.
// Rules are given by ID (any case) or by name: the first word is a
// comma-separated list of IDs or names ("WL307", "plaintext-http",
// "WL301,jmx-remote-enabled"), and further words are taken as rules while
// they are IDs; the rest is the reason (so "WL307 load-balancer ..." keeps
// its reason). The position and covered lines are filled in by the caller.
func parseIgnore(text string) (model.Ignore, bool) {
	i := strings.Index(text, ignoreMarker)
	if i < 0 {
		return model.Ignore{}, false
	}
	rest := strings.TrimSpace(text[i+len(ignoreMarker):])
	var ig model.Ignore
	for first := true; rest != ""; first = false {
		tok, after, _ := strings.Cut(rest, " ")
		ids := strings.Split(strings.TrimRight(tok, ","), ",")
		okAll := len(ids) > 0
		for _, id := range ids {
			id = strings.TrimSpace(id)
			if !ruleIDPattern().MatchString(id) && !(first && ruleNamePattern().MatchString(id)) {
				okAll = false
			}
		}
		if !okAll {
			break
		}
		for _, id := range ids {
			id = strings.TrimSpace(id)
			if ruleIDPattern().MatchString(id) {
				id = strings.ToUpper(id)
			}
			ig.Rules = append(ig.Rules, id)
		}
		rest = strings.TrimSpace(after)
	}
	ig.Reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "--"), ":"))
	return ig, true
}
