package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL312() *Rule {
	cdmConfigFile := `<DeviceMgtConfiguration>
    <PushNotificationConfiguration>
        <PushNotificationProviders>
            <Provider>org.wso2.carbon.device.mgt.mobile.impl.ios.apns.APNSBasedPushNotificationProvider</Provider>
        </PushNotificationProviders>
    </PushNotificationConfiguration>
</DeviceMgtConfiguration>
`
	ex := func() []Example {
		return []Example{
			{Name: "EMM APNs provider (binary interface)", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <ServerKey>EMM</ServerKey>
    <Ports><Offset>0</Offset></Ports>
</Server>
`,
				"repository/conf/cdm-config.xml": cdmConfigFile,
			}},
			{Name: "IoT Server APNs provider (HTTP/2 API)", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <ServerKey>IOT</ServerKey>
    <Ports><Offset>0</Offset></Ports>
</Server>
`,
				"repository/conf/cdm-config.xml": cdmConfigFile,
			}},
		}
	}
	return &Rule{
		ID:       "WL312",
		Name:     "legacy-apns",
		Title:    "the server connects to apple's retired binary push interface",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkLegacyAPNs,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Apple shut down the legacy binary APNs interface (gateway.push.apple.com 2195, feedback 2196) in March
2021. Older EMM and IoT versions still use it, so iOS push notifications silently stop, and firewall rules
for 2195/2196 keep a hole open for nothing.`, ex(), `Move to a version that uses the HTTP/2 APNs API (api.push.apple.com, 443 or 2197) and remove the
2195/2196 configuration and firewall rules.`)
		},
	}
}

func checkLegacyAPNs(p *Pass) {
	for _, l := range p.Server.Listeners {
		if outbound(l) && (l.Port() == 2195 || l.Port() == 2196) {
			p.Reportf(l.Source, "%s connects to %q port %d, apple's binary push interface retired in march 2021; expected the http/2 apns api on 443 or 2197",
				l.ID, l.Host, l.Port())
		}
	}
}
