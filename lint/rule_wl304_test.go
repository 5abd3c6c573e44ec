package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL304DefaultKeystore(t *testing.T) {
	testRule(t, "WL304", []ruleCase{
		{
			name: "shipped keystore everywhere",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyKeyStoreLocation, "${carbon.home}/repository/resources/security/wso2carbon.jks", carbonXML, 200),
				set(model.KeyKeyStorePassword, "wso2carbon", carbonXML, 202),
				set(model.KeyConnectorKeystorePass, "wso2carbon", catalinaXML, 90),
				set(model.KeyTomlPrefix+"keystore.tls.file_name", `"wso2carbon.jks"`, toml, 29),
				set(model.KeyTomlPrefix+"keystore.tls.key_password", "wso2carbon", toml, 33),
				set(model.KeyTomlPrefix+"keystore.tls.alias", "wso2carbon", toml, 32),
				set(model.KeyTrustStorePassword, "wso2carbon", carbonXML, 210),
			))},
			want: []string{
				`a|repository/conf/carbon.xml:200:5: warning: keystore "${carbon.home}/repository/resources/security/wso2carbon.jks" is the one shipped with every distribution; expected a keystore with your own key [WL304]`,
				`a|repository/conf/carbon.xml:202:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
				`a|repository/conf/deployment.toml:29:5: warning: keystore "wso2carbon.jks" is the one shipped with every distribution; expected a keystore with your own key [WL304]`,
				`a|repository/conf/deployment.toml:33:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
				`a|repository/conf/tomcat/catalina-server.xml:90:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
			},
		},
		{
			name: "own keystore",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyKeyStoreLocation, "${carbon.home}/repository/resources/security/prod.jks", carbonXML, 200),
				set(model.KeyKeyStorePassword, "3xample-long", carbonXML, 202),
				set(model.KeyTomlPrefix+"keystore.primary.file_name", "prod.p12", toml, 29),
			))},
		},
	})
}
