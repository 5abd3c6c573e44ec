package parse

import (
	"regexp"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// ignoreMarker starts an inline suppression in a comment.
const ignoreMarker = "wso2lint:ignore"

var ruleIDPattern = regexp.MustCompile(`^WL[0-9]+$`)

// parseIgnore reads "wso2lint:ignore WL101,WL102 reason" from comment text. The
// position and covered lines are filled in by the caller.
func parseIgnore(text string) (model.Ignore, bool) {
	i := strings.Index(text, ignoreMarker)
	if i < 0 {
		return model.Ignore{}, false
	}
	rest := strings.TrimSpace(text[i+len(ignoreMarker):])
	var ig model.Ignore
	for rest != "" {
		tok, after, _ := strings.Cut(rest, " ")
		ids := strings.Split(strings.TrimRight(tok, ","), ",")
		okAll := len(ids) > 0
		for _, id := range ids {
			if !ruleIDPattern.MatchString(strings.TrimSpace(id)) {
				okAll = false
			}
		}
		if !okAll {
			break
		}
		for _, id := range ids {
			ig.Rules = append(ig.Rules, strings.TrimSpace(id))
		}
		rest = strings.TrimSpace(after)
	}
	ig.Reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "--"), ":"))
	return ig, true
}
