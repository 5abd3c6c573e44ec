package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL105NonDefaultPort(t *testing.T) {
	defaults := func(product model.ProductKey, profile, service string) (model.Port, bool) {
		switch {
		case product == "am" && profile == "default" && service == model.SvcServletHTTPS:
			return 9443, true
		case product == "am" && profile == "broker" && service == model.SvcAMQP:
			return 5672, true // the default before the profile's own offset
		}
		return 0, false
	}
	broker := srv(3, []model.Listener{in(model.SvcAMQP, 5672, 3, "wso2/broker/conf/broker.xml", 79)})
	broker.Profile = "broker"
	h := home("a", srv(2, []model.Listener{
		in(model.SvcServletHTTPS, 9445, 2, catalinaXML, 80),
		in(model.SvcServletHTTP, 9764, 2, catalinaXML, 70),
	}))
	testRule(t, "WL105", []ruleCase{
		{
			name:  "changed https port",
			homes: []*model.Home{h},
			opt:   Options{DefaultPort: defaults},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: info: servlet-https port 9445 (before the offset) differs from the product default 9443; expected the default unless the change is deliberate [WL105]`,
			},
		},
		{
			name:  "default port with an offset",
			homes: []*model.Home{home("a", srv(2, []model.Listener{in(model.SvcServletHTTPS, 9443, 2, catalinaXML, 80)}))},
			opt:   Options{DefaultPort: defaults},
		},
		{
			name:  "profile default at the profile's offset",
			homes: []*model.Home{home("a", broker)},
			opt:   Options{DefaultPort: defaults},
		},
		{
			name:  "no catalog",
			homes: []*model.Home{h},
		},
	})
}
