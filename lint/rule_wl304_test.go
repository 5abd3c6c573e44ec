package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

func TestWL304DefaultKeystore(t *testing.T) {
	hostname := set(model.KeyTomlPrefix+"server.hostname", "apim.example.com", toml, 2)
	testRule(t, "WL304", []ruleCase{
		{
			name: "PassThrough HTTPS listener keystore",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyPassthruKeyStoreLocation, "repository/resources/security/wso2carbon.jks", axis2XML, 317),
				set(model.KeyPassthruKeyStorePassword, "wso2carbon", axis2XML, 319),
			))},
			want: []string{
				`a|repository/conf/axis2/axis2.xml:317:5: warning: keystore "repository/resources/security/wso2carbon.jks" is the one shipped with every distribution; expected a keystore with your own key [WL304]`,
				`a|repository/conf/axis2/axis2.xml:319:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
			},
		},
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
			name: "internal keystore",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyInternalKeyStoreLocation, "${carbon.home}/repository/resources/security/wso2carbon.jks", carbonXML, 410),
				set(model.KeyInternalKeyStorePassword, "wso2carbon", carbonXML, 414),
				set(model.KeyInternalKeyStoreKeyPassword, "wso2carbon", carbonXML, 418),
			))},
			want: []string{
				`a|repository/conf/carbon.xml:410:5: warning: keystore "${carbon.home}/repository/resources/security/wso2carbon.jks" is the one shipped with every distribution; expected a keystore with your own key [WL304]`,
				`a|repository/conf/carbon.xml:414:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
				`a|repository/conf/carbon.xml:418:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
			},
		},
		{
			name: "passwords in the secure vault",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyKeyStorePassword, "wso2carbon", carbonXML, 202),
				set(model.KeySecretAlias, "Carbon.Security.KeyStore.Password", carbonXML, 202),
				set(model.KeyInternalKeyStorePassword, "wso2carbon", carbonXML, 414),
				set(model.KeySecretAlias, "Carbon.Security.InternalKeyStore.Password", carbonXML, 414),
			))},
		},
		{
			name: "toml: tls changed, [keystore.primary] absent",
			homes: []*model.Home{renderedHome(srv(0, nil, hostname,
				set(model.KeyTomlPrefix+"keystore.tls.file_name", "prod-tls.jks", toml, 29),
				set(model.KeyTomlPrefix+"keystore.tls.password", "$secret{tls}", toml, 31),
			))},
			want: []string{
				`a|repository/conf/deployment.toml:29:5: warning: [keystore.primary] sets no file_name or password, so the primary keystore is the shipped "wso2carbon.jks" with password "wso2carbon"; expected [keystore.primary] naming your own keystore [WL304]`,
			},
		},
		{
			name: "toml: no keystore at all, generated carbon.xml not reported",
			homes: []*model.Home{renderedHome(srv(0, nil, hostname,
				set(model.KeyKeyStoreLocation, "${carbon.home}/repository/resources/security/wso2carbon.jks", carbonXML, 200),
				set(model.KeyKeyStorePassword, "wso2carbon", carbonXML, 202),
				set(model.KeyConnectorKeystorePass, "wso2carbon", catalinaXML, 90),
			), carbonXML, catalinaXML)},
			want: []string{
				`a|repository/conf/deployment.toml:2:5: warning: [keystore.primary] sets no file_name or password, so the primary keystore is the shipped "wso2carbon.jks" with password "wso2carbon"; expected [keystore.primary] naming your own keystore [WL304]`,
			},
		},
		{
			name: "toml: primary without file_name",
			homes: []*model.Home{renderedHome(srv(0, nil, hostname,
				set(model.KeyTomlPrefix+"keystore.primary.password", "$secret{primary}", toml, 41),
				set(model.KeyTomlPrefix+"keystore.tls.file_name", "prod-tls.jks", toml, 29),
			))},
			want: []string{
				`a|repository/conf/deployment.toml:41:5: warning: [keystore.primary] sets no file_name, so the primary keystore is the shipped "wso2carbon.jks"; expected [keystore.primary] naming your own keystore [WL304]`,
			},
		},
		{
			name: "toml: primary without password",
			homes: []*model.Home{renderedHome(srv(0, nil, hostname,
				set(model.KeyTomlPrefix+"keystore.primary.file_name", "prod.p12", toml, 40),
			))},
			want: []string{
				`a|repository/conf/deployment.toml:40:5: warning: [keystore.primary] sets no password, so the primary keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
			},
		},
		{
			name: "toml: stock [keystore.tls], no second finding",
			homes: []*model.Home{renderedHome(srv(0, nil, hostname,
				set(model.KeyTomlPrefix+"keystore.tls.file_name", "wso2carbon.jks", toml, 29),
				set(model.KeyTomlPrefix+"keystore.tls.password", "wso2carbon", toml, 31),
			))},
			want: []string{
				`a|repository/conf/deployment.toml:29:5: warning: keystore "wso2carbon.jks" is the one shipped with every distribution; expected a keystore with your own key [WL304]`,
				`a|repository/conf/deployment.toml:31:5: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
			},
		},
		{
			name: "toml: own primary, generated carbon.xml stale",
			homes: []*model.Home{renderedHome(srv(0, nil, hostname,
				set(model.KeyTomlPrefix+"keystore.primary.file_name", "prod.p12", toml, 40),
				set(model.KeyTomlPrefix+"keystore.primary.password", "$secret{primary}", toml, 41),
				set(model.KeyKeyStoreLocation, "${carbon.home}/repository/resources/security/wso2carbon.jks", carbonXML, 200),
			), carbonXML)},
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

func TestWL304CorpusToml(t *testing.T) {
	corpus := testenv.Corpus(t)
	stock := []string{
		`repository/conf/deployment.toml:29:14: warning: keystore "wso2carbon.jks" is the one shipped with every distribution; expected a keystore with your own key [WL304]`,
		`repository/conf/deployment.toml:31:13: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
		`repository/conf/deployment.toml:33:17: warning: keystore password is the shipped default "wso2carbon"; expected your own password, kept in the secure vault [WL304]`,
	}
	tlsChanged := []string{
		`repository/conf/deployment.toml:29:14: warning: [keystore.primary] sets no file_name or password, so the primary keystore is the shipped "wso2carbon.jks" with password "wso2carbon"; expected [keystore.primary] naming your own keystore [WL304]`,
	}
	for _, tc := range []struct {
		name  string
		edit  func(string) string // changes the copied deployment.toml; nil keeps the stock home
		extra map[string]string   // more files for the copy, home-relative
		want  []string
	}{
		{name: "stock", want: stock},
		{name: "stock with a generated carbon.xml", extra: map[string]string{"repository/conf/carbon.xml": renderedCarbon}, want: stock},
		{
			name: "[keystore.tls] changed",
			edit: func(s string) string {
				s = strings.Replace(s, `file_name =  "wso2carbon.jks"`, `file_name =  "prod-tls.jks"`, 1)
				s = strings.Replace(s, `password =  "wso2carbon"`, `password =  "$secret{tls_password}"`, 1)
				return strings.Replace(s, `key_password =  "wso2carbon"`, `key_password =  "$secret{tls_key_password}"`, 1)
			},
			extra: map[string]string{"repository/conf/carbon.xml": renderedCarbon},
			want:  tlsChanged,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(corpus, "wso2am-4.2.0")
			if tc.edit != nil || tc.extra != nil {
				dir = t.TempDir()
				testenv.CopyTree(t, filepath.Join(corpus, "wso2am-4.2.0"), dir)
				if tc.edit != nil {
					name := filepath.Join(dir, "repository", "conf", "deployment.toml")
					b, err := os.ReadFile(name)
					if err != nil {
						t.Fatal(err)
					}
					writeFile(t, name, tc.edit(string(b)))
				}
				for rel, content := range tc.extra {
					writeFile(t, filepath.Join(dir, filepath.FromSlash(rel)), content)
				}
			}
			if diff := cmp.Diff(tc.want, lintCorpus(t, dir, "WL304")); diff != "" {
				t.Errorf("WL304 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
