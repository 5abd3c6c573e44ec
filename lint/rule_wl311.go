package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL311() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "axis2.xml clustering by multicast", Fires: true, Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <clustering class="org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent" enable="true">
        <parameter name="membershipScheme">multicast</parameter>
        <parameter name="domain">wso2.am.domain</parameter>
    </clustering>
</axisconfig>
`,
			}},
			{Name: "axis2.xml clustering by well-known addresses", Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <clustering class="org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent" enable="true">
        <parameter name="membershipScheme">wka</parameter>
        <parameter name="domain">wso2.am.domain</parameter>
    </clustering>
</axisconfig>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL311",
		Name:     "multicast-clustering",
		Title:    "hazelcast clustering discovers members by multicast",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkMulticastClustering,
		examples: ex,
		doc: func() string {
			return exampleDoc(`With the multicast membership scheme, any node that reaches 45564/udp with the same domain joins the
cluster and receives its state (caches, registry events, tokens); multicast also rarely crosses subnets
and clouds, so clusters split silently. Members still talk to each other on 4000/tcp.`, ex(), `Use the well-known-address scheme (`+"`wka`"+`) with the members listed, or the scheme of your platform
(`+"`kubernetes`"+`, `+"`aws`"+`), and allow 4000/tcp only between the members.`)
		},
	}
}

func checkMulticastClustering(p *Pass) {
	s := p.Server
	// deployment.toml: setting the scheme is what turns clustering on.
	if set, ok := s.Setting(model.KeyTomlPrefix + "clustering.membership_scheme"); ok && strings.EqualFold(unquote(set.Value), "multicast") {
		p.Reportf(set.Pos, "clustering is enabled with membership scheme %q, which lets any host on the network join; expected %q or a platform scheme", unquote(set.Value), "wka")
	}
	on, ok := s.Setting(model.KeyClusteringEnable)
	if !ok || !isTrue(on.Value) {
		return
	}
	for _, set := range s.SettingsOf(model.KeyClusteringMembershipScheme) {
		if strings.EqualFold(unquote(set.Value), "multicast") {
			p.Reportf(set.Pos, "clustering is enabled with membership scheme %q, which lets any host on the network join; expected %q or a platform scheme", unquote(set.Value), "wka")
		}
	}
}
