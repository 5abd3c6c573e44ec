package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL312LegacyAPNs(t *testing.T) {
	const push = "repository/conf/push-notification.xml"
	testRule(t, "WL312", []ruleCase{
		{
			name:  "binary interface",
			homes: []*model.Home{home("emm", srv(0, []model.Listener{out(model.SvcPeerURL, "gateway.push.apple.com", 2195, push, 12), out(model.SvcPeerURL, "feedback.push.apple.com", 2196, push, 13)}))},
			want: []string{
				`emm|repository/conf/push-notification.xml:12:5: warning: peer-url connects to "gateway.push.apple.com" port 2195, apple's binary push interface retired in march 2021; expected the http/2 apns api on 443 or 2197 [WL312]`,
				`emm|repository/conf/push-notification.xml:13:5: warning: peer-url connects to "feedback.push.apple.com" port 2196, apple's binary push interface retired in march 2021; expected the http/2 apns api on 443 or 2197 [WL312]`,
			},
		},
		{
			name:  "http/2 api, and an inbound 2195",
			homes: []*model.Home{home("emm", srv(0, []model.Listener{out(model.SvcPeerURL, "api.push.apple.com", 443, push, 12), in("inbound-http", 2195, 0, axis2XML, 5)}))},
		},
	})
}
