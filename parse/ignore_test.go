package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestParseIgnore(t *testing.T) {
	tests := []struct {
		text   string
		rules  []string
		reason string
		ok     bool
	}{
		{"wso2lint:ignore WL301 JMX is firewalled", []string{"WL301"}, "JMX is firewalled", true},
		{"wso2lint:ignore wl307,WL306 -- old clients", []string{"WL307", "WL306"}, "old clients", true},
		{"wso2lint:ignore WL301 WL302 both", []string{"WL301", "WL302"}, "both", true},
		{"wso2lint:ignore plaintext-http only the LB reaches 9763", []string{"plaintext-http"}, "only the LB reaches 9763", true},
		{"wso2lint:ignore WL301,jmx-remote-enabled monitoring", []string{"WL301", "jmx-remote-enabled"}, "monitoring", true},
		{"wso2lint:ignore WL307 load-balancer terminates TLS", []string{"WL307"}, "load-balancer terminates TLS", true},
		{"wso2lint:ignore because reasons", nil, "because reasons", true},
		{"wso2lint:ignore", nil, "", true},
		{"an ordinary comment", nil, "", false},
	}
	for _, tc := range tests {
		ig, ok := parseIgnore(tc.text)
		if ok != tc.ok {
			t.Errorf("parseIgnore(%q) ok = %v, want %v", tc.text, ok, tc.ok)
			continue
		}
		want := model.Ignore{Rules: tc.rules, Reason: tc.reason}
		if diff := cmp.Diff(want, ig, cmpopts.EquateEmpty()); ok && diff != "" {
			t.Errorf("parseIgnore(%q) mismatch (-want +got):\n%s", tc.text, diff)
		}
	}
}
