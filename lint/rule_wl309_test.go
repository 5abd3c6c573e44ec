package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL309HostnameUnset(t *testing.T) {
	flagged := srv(0, nil)
	flagged.Offset = model.Offset{Value: 1, Origin: model.OriginFlag}
	noCarbon := home("a", srv(0, nil))
	noCarbon.Files = []string{toml}
	testRule(t, "WL309", []ruleCase{
		{
			name:  "absent",
			homes: []*model.Home{home("a", srv(0, nil))},
			want: []string{
				`a|repository/conf/carbon.xml:98:5: info: carbon.xml sets no <HostName>; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "absent, offset from the command line",
			homes: []*model.Home{home("a", flagged)},
			want: []string{
				`a|repository/conf/carbon.xml: info: carbon.xml sets no <HostName>; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "localhost",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonHostName, "localhost", carbonXML, 12)))},
			want: []string{
				`a|repository/conf/carbon.xml:12:5: info: host name is "localhost"; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "set",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonHostName, "apim.example.com", carbonXML, 12)))},
		},
		{
			name:  "set in deployment.toml",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyTomlPrefix+"server.hostname", `"apim.example.com"`, toml, 2), set(model.KeyCarbonHostName, "localhost", carbonXML, 12)))},
		},
		{
			name:  "no carbon.xml",
			homes: []*model.Home{noCarbon},
		},
	})
}
