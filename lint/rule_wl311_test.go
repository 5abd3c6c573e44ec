package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL311MulticastClustering(t *testing.T) {
	scheme := set(model.KeyClusteringMembershipScheme, "multicast", axis2XML, 80)
	testRule(t, "WL311", []ruleCase{
		{
			name:  "enabled multicast",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyClusteringEnable, "true", axis2XML, 78), scheme))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:80:5: warning: clustering is enabled with membership scheme "multicast", which lets any host on the network join; expected "wka" or a platform scheme [WL311]`,
			},
		},
		{
			name:  "clustering off",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyClusteringEnable, "false", axis2XML, 78), scheme))},
		},
		{
			name:  "deployment.toml multicast",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyTomlPrefix+"clustering.membership_scheme", `"multicast"`, toml, 262)))},
			want: []string{
				`a|repository/conf/deployment.toml:262:5: warning: clustering is enabled with membership scheme "multicast", which lets any host on the network join; expected "wka" or a platform scheme [WL311]`,
			},
		},
		{
			name:  "deployment.toml wka",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyTomlPrefix+"clustering.membership_scheme", `"wka"`, toml, 262)))},
		},
		{
			name:  "wka",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyClusteringEnable, "true", axis2XML, 78), set(model.KeyClusteringMembershipScheme, "wka", axis2XML, 80)))},
		},
	})
}
