package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL318PlaintextPassword(t *testing.T) {
	testRule(t, "WL318", []ruleCase{
		{
			name: "xml and toml",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyKeyStorePassword, "s3cret-pw", carbonXML, 202),
				set(model.KeyPassthruKeyStorePassword, "s3cret-pw", axis2XML, 318),
				set(model.KeyTomlPrefix+"database.shared_db.password", `"dbpw"`, toml, 40),
				set(model.KeyTomlPrefix+"secrets.admin_password", `"[enc]"`, toml, 50),
			))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:318:5: info: password is written in clear text; expected it in the secure vault (svns:secretAlias) [WL318]`,
				`a|repository/conf/carbon.xml:202:5: info: password is written in clear text; expected it in the secure vault (svns:secretAlias) [WL318]`,
				`a|repository/conf/deployment.toml:40:5: info: [database.shared_db] password is written in clear text; expected $secret{alias} from the secure vault [WL318]`,
			},
		},
		{
			name: "datasource password",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyDatasourcePassword, "wso2carbon", dsXML, 30),
				set(model.KeyDatasourcePassword, "password", dsXML, 60),
				set(model.KeySecretAlias, "Datasources.WSO2AM_DB.Password", dsXML, 60),
			))},
			want: []string{
				`a|repository/conf/datasources/master-datasources.xml:30:5: info: password is written in clear text; expected it in the secure vault (svns:secretAlias) [WL318]`,
			},
		},
		{
			// deployment.toml renders master-datasources.xml: its [database.*]
			// passwords are judged instead.
			name: "datasource rendered from deployment.toml",
			homes: []*model.Home{home("a", func() model.Server {
				s := srv(0, nil, set(model.KeyDatasourcePassword, "wso2carbon", dsXML, 30))
				s.Toml = tomlFacts()
				return s
			}())},
		},
		{
			name: "vaulted",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyKeyStorePassword, "password", carbonXML, 202),
				set(model.KeySecretAlias, "Carbon.Security.KeyStore.Password", carbonXML, 202),
				set(model.KeyTomlPrefix+"database.shared_db.password", `"$secret{db}"`, toml, 40),
			))},
		},
	})
}
